import { getFormProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod";
import type { ActionFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, useActionData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { forgotPasswordSchema } from "~/auth/schemas";
import { FormErrors, FormField } from "~/components/ui/form-field";
import { hitRateLimit } from "~/modules/accounts/rate-limit.server";
import { normaliseEmail, queuePasswordResetRequest } from "~/modules/accounts/user.server";
import { type IntentResult, defineIntent, done, refused, runIntents } from "~/utils/form-action.server";
import { clientIpOf } from "~/utils/request.server";
import { titleMeta } from "~/i18n/translate";

export const RESET_LIMIT = { perAccount: 3, perIp: 10, windowMs: 60 * 60_000 };

export const meta: MetaFunction = ({ matches }) => titleMeta(matches, "auth.forgotTitle");

// public
export async function loader() {
  return null;
}

// public: asks for a reset link. The answer is the same whether the account exists or not, and so
// is the work before it: the request is queued as it came, and a job looks the account up and mails.
export async function action({ request, context }: ActionFunctionArgs) {
  return runIntents(
    await request.formData(),
    {
      "forgot-password": defineIntent(forgotPasswordSchema, async ({ email }) => {
        const account = await hitRateLimit(`reset:account:${normaliseEmail(email)}`, RESET_LIMIT.windowMs);
        const ip = await hitRateLimit(`reset:ip:${clientIpOf(context)}`, RESET_LIMIT.windowMs);
        if (ip.count > RESET_LIMIT.perIp) return refused({ "": ["auth.rateLimited"] }, 429);
        // past the per-account limit we stay silent too, so the limit reveals nothing
        if (account.count <= RESET_LIMIT.perAccount) await queuePasswordResetRequest(email);
        return done({ sent: true });
      }),
    },
    { defaultIntent: "forgot-password" },
  );
}

export default function ForgotPassword() {
  const { t } = useTranslation();
  const data = useActionData<IntentResult & { sent?: boolean }>();
  const [form, fields] = useForm({
    lastResult: data?.result,
    onValidate: ({ formData }) => parseWithZod(formData, { schema: forgotPasswordSchema }),
    shouldValidate: "onBlur",
    shouldRevalidate: "onInput",
  });
  return (
    <main className="narrow">
      <h1>{t("auth.forgotTitle")}</h1>
      {data?.sent ? (
        <p role="status" className="notice">
          {t("auth.resetSent")}
        </p>
      ) : (
        <p>{t("auth.forgotIntro")}</p>
      )}
      <Form method="post" {...getFormProps(form)}>
        <FormErrors id={form.errorId} errors={form.errors} />
        <FormField field={fields.email} label={t("auth.email")} type="email" autoComplete="email" />
        <button type="submit" className="button primary">
          {t("auth.sendResetLink")}
        </button>
      </Form>
    </main>
  );
}

export { RouteErrorBoundary as ErrorBoundary } from "~/components/route-error-boundary";
