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
  const submission = parseWithZod(await request.formData(), { schema: acceptInvitationSchema });
  if (submission.status !== "success")
    return Response.json(submission.reply({ hideFields: ["password", "confirm"] }), { status: 400 });
  const user = await acceptInvitation(token, submission.value);
  if (!user)
    return Response.json(
      submission.reply({ formErrors: ["auth.invitationInvalid"], hideFields: ["password", "confirm"] }),
      { status: 400 },
    );
  return signIn(request, user.id, "/dasbor");
}

export default function AcceptInvitation() {
  const { t } = useTranslation();
  const { invitation } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const [form, fields] = useForm({
    lastResult,
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
