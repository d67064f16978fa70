import { getFormProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod";
import { type ActionFunctionArgs, type LoaderFunctionArgs, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { setPasswordSchema } from "~/auth/schemas";
import { FormErrors } from "~/components/ui/form-field";
import { isResetTokenUsable, resetPassword } from "~/modules/accounts/user.server";
import { NewPasswordFields } from "~/components/new-password-fields";
import { type IntentResult, defineIntent, refused, runIntents } from "~/utils/form-action.server";
import { requireParam } from "~/utils/route-params";

// public: the one-time token is the permission
export async function loader({ params }: LoaderFunctionArgs) {
  return { usable: await isResetTokenUsable(requireParam(params, "token", "token")) };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const token = requireParam(params, "token", "token");
  return runIntents(
    await request.formData(),
    {
      "reset-password": defineIntent(
        setPasswordSchema,
        async ({ password }) =>
          (await resetPassword(token, password))
            ? redirect("/masuk?sandi=baru")
            : refused({ "": ["auth.resetTokenInvalid"] }),
        { hideFields: ["password", "confirm"] },
      ),
    },
    { defaultIntent: "reset-password" },
  );
}

export default function ResetPassword() {
  const { t } = useTranslation();
  const { usable } = useLoaderData<typeof loader>();
  const actionData = useActionData<IntentResult>();
  const [form, fields] = useForm({
    lastResult: actionData?.result,
    onValidate: ({ formData }) => parseWithZod(formData, { schema: setPasswordSchema }),
    shouldValidate: "onBlur",
    shouldRevalidate: "onInput",
  });
  if (!usable) {
    return (
      <main className="narrow">
        <h1>{t("auth.resetTitle")}</h1>
        <p role="alert">{t("auth.resetTokenInvalid")}</p>
        <Link to="/lupa-sandi">{t("auth.requestNewLink")}</Link>
      </main>
    );
  }
  return (
    <main className="narrow">
      <h1>{t("auth.resetTitle")}</h1>
      <Form method="post" {...getFormProps(form)}>
        <FormErrors id={form.errorId} errors={form.errors} />
        <NewPasswordFields password={fields.password} confirm={fields.confirm} />
        <button type="submit" className="button primary">
          {t("auth.savePassword")}
        </button>
      </Form>
    </main>
  );
}

export { RouteErrorBoundary as ErrorBoundary } from "~/components/route-error-boundary";
