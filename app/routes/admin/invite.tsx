import { getFormProps, getSelectProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod";
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { can } from "~/auth/permissions";
import { requirePermission } from "~/auth/require-user.server";
import { ROLES } from "~/auth/roles";
import { inviteSchema } from "~/auth/schemas";
import { AdminNav } from "~/components/admin-nav";
import { RegionPicker } from "~/components/region-picker";
import { FieldErrors, FormErrors, FormField } from "~/components/ui/form-field";
import { listRegionsForPicker, resolveRegionFields } from "~/modules/regions/region.server";
import { inviteUser } from "~/modules/accounts/user.server";
import { type IntentResult, defineIntent, done, refused, runIntents } from "~/utils/form-action.server";

export async function loader({ request }: LoaderFunctionArgs) {
  await requirePermission(request, "people:invite");
  return { regions: await listRegionsForPicker() };
}

export async function action({ request }: ActionFunctionArgs) {
  const { user } = await requirePermission(request, "people:invite");
  return runIntents(await request.formData(), {
    invite: defineIntent(inviteSchema, async (value) => {
      // only those who manage people may hand out the admin role
      if (value.role === "ADMIN" && !can(user.memberships, "people:manage"))
        return refused({ role: ["errors.roleNotAllowed"] }, 403);
      const input = await resolveRegionFields(value, ["regionCode"]);
      if (!input.value) return refused(input.fieldErrors);
      await inviteUser(user.id, input.value);
      return done({ sentTo: value.email });
    }),
  });
}

export default function InvitePerson() {
  const { t } = useTranslation();
  const data = useActionData<IntentResult & { sentTo?: string }>();
  const { regions } = useLoaderData<typeof loader>();
  const [form, fields] = useForm({
    lastResult: data?.result,
    onValidate: ({ formData }) => parseWithZod(formData, { schema: inviteSchema }),
    shouldValidate: "onBlur",
    shouldRevalidate: "onInput",
  });
  return (
    <main className="narrow">
      <h1>{t("admin.invite")}</h1>
      <AdminNav />
      {data?.sentTo ? (
        <p role="status" className="notice">
          {t("admin.invitationSent", { email: data.sentTo })}
        </p>
      ) : null}
      <Form method="post" {...getFormProps(form)}>
        <input type="hidden" name="intent" value="invite" />
        <FormErrors id={form.errorId} errors={form.errors} />
        <FormField field={fields.email} label={t("auth.email")} type="email" />
        <FormField field={fields.name} label={t("auth.fullName")} />
        <div className="field">
          <label htmlFor={fields.role.id}>{t("admin.role")}</label>
          <select {...getSelectProps(fields.role)} key={fields.role.key}>
            <option value="">—</option>
            {ROLES.map((role) => (
              <option key={role} value={role}>
                {t(`roles.${role}`)}
              </option>
            ))}
          </select>
          <FieldErrors id={fields.role.errorId} errors={fields.role.errors?.map((e) => t(e))} />
        </div>
        <RegionPicker field={fields.regionCode} label={t("admin.regionCode")} regions={regions} />
        <button type="submit" className="button primary">
          {t("admin.sendInvitation")}
        </button>
      </Form>
    </main>
  );
}

export { RouteErrorBoundary as ErrorBoundary } from "~/components/route-error-boundary";
