// Runs a model write for a validated form and turns the models' known refusals into answers
// next to the form (409 conflict, 403 out of scope), never a 500.
import type { SubmissionResult } from "@conform-to/react";
import { PairingRuleError } from "~/models/pairing.server";
import { ConflictError, OutOfScopeError } from "~/models/project.server";

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
    if (error instanceof ConflictError) {
      return Response.json(
        { intent, result: submission.reply({ formErrors: ["errors.conflict"] }) } satisfies IntentResult,
        { status: 409 },
      );
    }
    if (error instanceof PairingRuleError) {
      return Response.json(
        { intent, result: submission.reply({ formErrors: [error.key] }) } satisfies IntentResult,
        { status: 400 },
      );
    }
    if (error instanceof OutOfScopeError) {
      return Response.json(
        { intent, result: submission.reply({ formErrors: ["errors.forbidden"] }) } satisfies IntentResult,
        { status: 403 },
      );
    }
    throw error;
  }
  return Response.json({ intent, result: submission.reply({ resetForm: true }) } satisfies IntentResult);
}

export function unknownIntent() {
  return Response.json({ intent: "unknown", result: undefined } satisfies IntentResult, { status: 400 });
}
