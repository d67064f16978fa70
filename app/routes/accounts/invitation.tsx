import { getFormProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod";
import type { ActionFunctionArgs, HeadersFunction, LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { acceptInvitationSchema } from "~/auth/schemas";
import { signIn } from "~/auth/session.server";
import { FormErrors, FormField } from "~/components/ui/form-field";
import { acceptInvitation, findOpenInvitation } from "~/modules/accounts/user.server";
import { NewPasswordFields } from "~/components/new-password-fields";
import { type IntentResult, defineIntent, refused, runIntents } from "~/utils/form-action.server";
import { requireParam } from "~/utils/route-params";

// The page and its .data answer show the invitee's email and name to whoever has the address, so
// no browser or proxy cache may keep them (the address is the only key; no cookie says whose).
export const headers: HeadersFunction = () => ({ "Cache-Control": "private, no-store" });

// public: the invitation token is the permission
export async function loader({ params }: LoaderFunctionArgs) {
  const invitation = await findOpenInvitation(requireParam(params, "token", "token"));
  return {
    invitation: invitation && { email: invitation.email, name: invitation.name, role: invitation.role },
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const token = requireParam(params, "token", "token");
  return runIntents(
    await request.formData(),
    {
      accept: defineIntent(
        acceptInvitationSchema,
        async (value) => {
          const user = await acceptInvitation(token, value);
          return user ? signIn(request, user.id, "/dasbor") : refused({ "": ["auth.invitationInvalid"] });
        },
        { hideFields: ["password", "confirm"] },
      ),
    },
    { defaultIntent: "accept" },
  );
}

export default function AcceptInvitation() {
  const { t } = useTranslation();
  const { invitation } = useLoaderData<typeof loader>();
  const actionData = useActionData<IntentResult>();
  const [form, fields] = useForm({
    lastResult: actionData?.result,
    defaultValue: { name: invitation?.name ?? "" },
    onValidate: ({ formData }) => parseWithZod(formData, { schema: acceptInvitationSchema }),
    shouldValidate: "onBlur",
    shouldRevalidate: "onInput",
  });
  if (!invitation) {
    return (
      <main className="narrow">
        <h1>{t("auth.invitationTitle")}</h1>
        <p role="alert">{t("auth.invitationInvalid")}</p>
        <Link to="/masuk">{t("auth.signIn")}</Link>
      </main>
    );
  }
  return (
    <main className="narrow">
      <h1>{t("auth.invitationTitle")}</h1>
      <p>{t("auth.invitationIntro", { email: invitation.email, role: t(`roles.${invitation.role}`) })}</p>
      <Form method="post" {...getFormProps(form)}>
        <FormErrors id={form.errorId} errors={form.errors} />
        <FormField field={fields.name} label={t("auth.fullName")} autoComplete="name" />
        <NewPasswordFields password={fields.password} confirm={fields.confirm} />
        <button type="submit" className="button primary">
          {t("auth.acceptInvitation")}
        </button>
      </Form>
    </main>
  );
}

export { RouteErrorBoundary as ErrorBoundary } from "~/components/route-error-boundary";
