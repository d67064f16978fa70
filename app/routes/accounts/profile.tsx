import { getFormProps, getSelectProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod";
import { type ActionFunctionArgs, type LoaderFunctionArgs, redirect } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { z } from "zod";
import { requirePermission } from "~/auth/require-user.server";
import { changePasswordSchema, profileSchema, signOutEverywhereSchema } from "~/auth/schemas";
import { authSessionStorage } from "~/auth/session.server";
import { languageCookie } from "~/i18n/i18n.server";
import { FieldErrors, FormErrors, FormField } from "~/components/ui/form-field";
import { changePassword, deleteAllLoginSessions, updateProfile } from "~/modules/accounts/user.server";
import { NewPasswordFields } from "~/components/new-password-fields";
import { CalendarFeedSection } from "~/components/calendar-feed-section";
import { type IntentResult, defineIntent, done, refused, runIntents } from "~/utils/form-action.server";
import {
  createCalendarFeed,
  getCalendarFeed,
  replaceCalendarFeed,
  revokeCalendarFeed,
} from "~/modules/sessions/calendar-feed.server";

const calendarFeedSchema = z.object({
  intent: z.enum(["calendar-create", "calendar-replace", "calendar-revoke"]),
});

export async function loader({ request }: LoaderFunctionArgs) {
  const { user } = await requirePermission(request, "app:use");
  return { user, calendarFeed: await getCalendarFeed(user.id) };
}

export async function action({ request }: ActionFunctionArgs) {
  const { user } = await requirePermission(request, "app:use");
  const calendar = (intent: "calendar-create" | "calendar-replace" | "calendar-revoke") =>
    defineIntent(
      calendarFeedSchema,
      async () => {
        if (intent === "calendar-create") await createCalendarFeed(user.id);
        else if (intent === "calendar-replace") await replaceCalendarFeed(user.id);
        else await revokeCalendarFeed(user.id);
        return done({ calendar: intent });
      },
      { answerAs: "calendar" },
    );
  return runIntents(await request.formData(), {
    profile: defineIntent(profileSchema, async (value) => {
      await updateProfile(user.id, { ...value, timeZone: value.timeZone || undefined });
      // the preferred language takes effect at once, through the same cookie as the switch
      return done(
        { saved: true },
        {
          init: { headers: { "Set-Cookie": await languageCookie.serialize(value.locale) } },
          resetForm: false,
        },
      );
    }),
    password: defineIntent(
      changePasswordSchema,
      async ({ currentPassword, password }) => {
        // this sign-in stays; every other one of the person ends
        const session = await authSessionStorage.getSession(request.headers.get("Cookie"));
        const changed = await changePassword(
          user.id,
          currentPassword,
          password,
          session.get("loginSessionId"),
        );
        if (!changed) return refused({ currentPassword: ["auth.wrongCurrentPassword"] });
        return done({ saved: true });
      },
      { hideFields: ["currentPassword", "password", "confirm"] },
    ),
    "sign-out-everywhere": defineIntent(signOutEverywhereSchema, async () => {
      await deleteAllLoginSessions(user.id);
      const session = await authSessionStorage.getSession(request.headers.get("Cookie"));
      return redirect("/masuk", {
        headers: { "Set-Cookie": await authSessionStorage.destroySession(session) },
      });
    }),
    "calendar-create": calendar("calendar-create"),
    "calendar-replace": calendar("calendar-replace"),
    "calendar-revoke": calendar("calendar-revoke"),
  });
}

export default function Profile() {
  const { t } = useTranslation();
  const { user, calendarFeed } = useLoaderData<typeof loader>();
  const data = useActionData<IntentResult & { saved?: boolean; calendar?: string }>();
  const [profileForm, profileFields] = useForm({
    id: "profile",
    lastResult: data?.intent === "profile" ? data.result : undefined,
    defaultValue: {
      name: user.name,
      position: user.position ?? "",
      phone: user.phone ?? "",
      whatsapp: user.whatsapp ?? "",
      locale: user.locale,
      timeZone: user.timeZone ?? "",
    },
    onValidate: ({ formData }) => parseWithZod(formData, { schema: profileSchema }),
    shouldValidate: "onBlur",
    shouldRevalidate: "onInput",
  });
  const [passwordForm, passwordFields] = useForm({
    id: "password",
    lastResult: data?.intent === "password" ? data.result : undefined,
    onValidate: ({ formData }) => parseWithZod(formData, { schema: changePasswordSchema }),
    shouldValidate: "onBlur",
    shouldRevalidate: "onInput",
  });
  const saved = data?.saved;
  return (
    <main className="narrow">
      <h1>{t("profile.title")}</h1>
      <p>
        {user.email}
        {user.region ? ` · ${user.region.name}` : ""}
        {user.organisation ? ` · ${user.organisation.name}` : ""}
      </p>
      {saved ? (
        <p role="status" className="notice">
          {t("profile.saved")}
        </p>
      ) : null}

      <section aria-labelledby="profile-heading">
        <h2 id="profile-heading">{t("profile.details")}</h2>
        <Form method="post" {...getFormProps(profileForm)}>
          <input type="hidden" name="intent" value="profile" />
          <FormErrors id={profileForm.errorId} errors={profileForm.errors} />
          <FormField field={profileFields.name} label={t("auth.fullName")} autoComplete="name" />
          <FormField
            field={profileFields.position}
            label={t("profile.position")}
            autoComplete="organization-title"
          />
          <FormField field={profileFields.phone} label={t("profile.phone")} type="tel" autoComplete="tel" />
          <FormField
            field={profileFields.whatsapp}
            label={t("whatsapp.number")}
            hint={t("whatsapp.numberHint")}
            type="tel"
            inputMode="tel"
          />
          <div className="field">
            <label htmlFor={profileFields.locale.id}>{t("profile.language")}</label>
            <select {...getSelectProps(profileFields.locale)} key={profileFields.locale.key}>
              <option value="id">Bahasa Indonesia</option>
              <option value="en">English</option>
            </select>
            <FieldErrors
              id={profileFields.locale.errorId}
              errors={profileFields.locale.errors?.map((e) => t(e))}
            />
          </div>
          <div className="field">
            <label htmlFor={profileFields.timeZone.id}>{t("profile.timeZone")}</label>
            <select {...getSelectProps(profileFields.timeZone)} key={profileFields.timeZone.key}>
              <option value="">{t("profile.timeZoneFromRegion")}</option>
              <option value="Asia/Jakarta">WIB (UTC+7)</option>
              <option value="Asia/Makassar">WITA (UTC+8)</option>
              <option value="Asia/Jayapura">WIT (UTC+9)</option>
            </select>
            <FieldErrors
              id={profileFields.timeZone.errorId}
              errors={profileFields.timeZone.errors?.map((e) => t(e))}
            />
          </div>
          <button type="submit" className="button primary">
            {t("common.save")}
          </button>
        </Form>
      </section>

      <section aria-labelledby="password-heading">
        <h2 id="password-heading">{t("profile.changePassword")}</h2>
        <Form method="post" {...getFormProps(passwordForm)}>
          <input type="hidden" name="intent" value="password" />
          <FormErrors id={passwordForm.errorId} errors={passwordForm.errors} />
          <FormField
            field={passwordFields.currentPassword}
            label={t("profile.currentPassword")}
            type="password"
            autoComplete="current-password"
          />
          <NewPasswordFields password={passwordFields.password} confirm={passwordFields.confirm} />
          <button type="submit" className="button">
            {t("profile.changePassword")}
          </button>
        </Form>
      </section>

      <CalendarFeedSection feed={calendarFeed} changed={data?.calendar} />

      <section aria-labelledby="sessions-heading">
        <h2 id="sessions-heading">{t("profile.sessions")}</h2>
        <p>{t("profile.signOutEverywhereIntro")}</p>
        <Form method="post">
          <input type="hidden" name="intent" value="sign-out-everywhere" />
          <button type="submit" className="button danger">
            {t("profile.signOutEverywhere")}
          </button>
        </Form>
      </section>
    </main>
  );
}

export { RouteErrorBoundary as ErrorBoundary } from "~/components/route-error-boundary";
