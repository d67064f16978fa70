// Runs a model write for a validated form and turns the models' known refusals into answers
// next to the form (409 conflict, 403 out of scope), never a 500.
import type { SubmissionResult } from "@conform-to/react";
import { describeError } from "~/errors";

type Reply = (options?: {
  formErrors?: string[];
  resetForm?: boolean;
  hideFields?: string[];
}) => SubmissionResult<string[]>;

export type IntentResult = {
  intent: string;
  result: SubmissionResult<string[]> | undefined;
  missing?: string[];
};

export async function runIntent(
  intent: string,
  submission: { status?: "success" | "error"; reply: Reply },
  work: () => Promise<void | { missing: string[] }>,
) {
  if (submission.status !== "success")
    return Response.json({ intent, result: submission.reply() } satisfies IntentResult, { status: 400 });
  try {
    const outcome = await work();
    if (outcome && outcome.missing.length > 0) {
      return Response.json(
        {
          intent,
          result: submission.reply({ formErrors: ["status.cannotMove"] }),
          missing: outcome.missing,
        } satisfies IntentResult,
        { status: 400 },
      );
    }
  } catch (error) {
    const known = describeError(error);
    if (!known) throw error;
    return Response.json(
      { intent, result: submission.reply({ formErrors: [known.formError] }) } satisfies IntentResult,
      { status: known.status },
    );
  }
  return Response.json({ intent, result: submission.reply({ resetForm: true }) } satisfies IntentResult);
}

export function unknownIntent() {
  return Response.json({ intent: "unknown", result: undefined } satisfies IntentResult, { status: 400 });
}
