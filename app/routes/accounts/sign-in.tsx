import { getFormProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod";
import {
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
  type MetaFunction,
  redirect,
} from "@remix-run/node";
import { Form, Link, useActionData, useSearchParams } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { signInSchema } from "~/auth/schemas";
import { getUser, safeRedirect, signIn } from "~/auth/session.server";
import { admitSignInAttempt, signInSucceeded } from "~/auth/sign-in-throttle.server";
import { FormErrors, FormField } from "~/components/ui/form-field";
import { verifyLogin } from "~/modules/accounts/user.server";
import { type IntentResult, defineIntent, refused, runIntents } from "~/utils/form-action.server";
import { clientIpOf } from "~/utils/request.server";
import { titleMeta } from "~/i18n/translate";

export const meta: MetaFunction = ({ matches }) => titleMeta(matches, "auth.signInTitle");

// public
export async function loader({ request }: LoaderFunctionArgs) {
  if (await getUser(request))
    throw redirect(safeRedirect(new URL(request.url).searchParams.get("redirectTo")));
  return null;
}

// public: signs a person in
export async function action({ request, context }: ActionFunctionArgs) {
  const ip = clientIpOf(context);
  return runIntents(
    await request.formData(),
    {
      "sign-in": defineIntent(
        signInSchema,
        async ({ email, password, redirectTo }) => {
          // counted before the password is checked (docs/decisions/0037-sign-in-throttling.md)
          if (!(await admitSignInAttempt(email, ip))) return refused({ "": ["auth.rateLimited"] }, 429);
          const user = await verifyLogin(email, password);
          // one message for unknown account and wrong password alike ("" is the form)
          if (!user) return refused({ "": ["auth.invalidCredentials"] });
          await signInSucceeded(email, ip);
          return signIn(request, user.id, redirectTo ?? "/dasbor");
        },
        { hideFields: ["password"] },
      ),
    },
    { defaultIntent: "sign-in" },
  );
}

export default function SignIn() {
  const { t } = useTranslation();
  const actionData = useActionData<IntentResult>();
  const [searchParams] = useSearchParams();
  const [form, fields] = useForm({
    lastResult: actionData?.result,
    onValidate: ({ formData }) => parseWithZod(formData, { schema: signInSchema }),
    shouldValidate: "onBlur",
    shouldRevalidate: "onInput",
  });
  return (
    <main className="narrow">
      <h1>{t("auth.signInTitle")}</h1>
      <Form method="post" {...getFormProps(form)}>
        <FormErrors id={form.errorId} errors={form.errors} />
        <input type="hidden" name="redirectTo" value={searchParams.get("redirectTo") ?? ""} />
        <FormField field={fields.email} label={t("auth.email")} type="email" autoComplete="email" />
        <FormField
          field={fields.password}
          label={t("auth.password")}
          type="password"
          autoComplete="current-password"
        />
        <button type="submit" className="button primary">
          {t("auth.signIn")}
        </button>
      </Form>
      <p>
        <Link to="/lupa-sandi">{t("auth.forgotPassword")}</Link>
      </p>
    </main>
  );
}

export { RouteErrorBoundary as ErrorBoundary } from "~/components/route-error-boundary";
