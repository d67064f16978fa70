import type { ActionFunctionArgs, HeadersFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { AnswerSheet } from "~/components/time-poll";
import { titleMeta } from "~/i18n/translate";
import { answerTimePoll, findInviteeByToken, getAnswerSheet } from "~/modules/sessions/time-poll.server";
import { answerSchema } from "~/modules/sessions/time-poll-schemas";
import { type IntentResult, defineIntent, done, runIntents } from "~/utils/form-action.server";
import { invariantResponse } from "~/utils/invariant";
import { requireParam } from "~/utils/route-params";

// The page shows a person's name, answers and other sessions to whoever has the address: no
// browser or proxy cache may keep it (the address is the only key).
export const headers: HeadersFunction = () => ({ "Cache-Control": "private, no-store" });

export const meta: MetaFunction = ({ matches }) => titleMeta(matches, "timePoll.title");

/** public: the personal token in the address opens this one answer sheet, and nothing else. */
async function requireInvitee(params: LoaderFunctionArgs["params"]) {
  const invitee = await findInviteeByToken(requireParam(params, "token", "token"));
  invariantResponse(invitee, "Not found", { status: 404 });
  return invitee;
}

export async function loader({ params }: LoaderFunctionArgs) {
  const invitee = await requireInvitee(params);
  return { sheet: await getAnswerSheet(invitee.id) };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const invitee = await requireInvitee(params);
  return runIntents(
    await request.formData(),
    {
      answer: defineIntent(answerSchema, async (value) => {
        await answerTimePoll(invitee.id, value.answer);
        return done({ saved: true }, { resetForm: false });
      }),
    },
    { defaultIntent: "answer" },
  );
}

export default function TimePollAnswerPage() {
  const { t } = useTranslation();
  const { sheet } = useLoaderData<typeof loader>();
  const actionData = useActionData<IntentResult & { saved?: boolean }>();
  return (
    <main className="narrow">
      <p className="muted">{sheet.poll.pairing.topic}</p>
      <h1>{t("timePoll.title")}</h1>
      <AnswerSheet data={sheet} saved={Boolean(actionData?.saved)} errors={actionData?.result?.error} />
    </main>
  );
}

export { RouteErrorBoundary as ErrorBoundary } from "~/components/route-error-boundary";
