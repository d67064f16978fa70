// Every form post goes through runIntents: the intent the form names is parsed with that intent's
// zod schema, and its write receives the parsed value. Bad input, a module's known refusal
// (app/errors.ts) and a transition that lacks something are answered next to the form
// (conform's submission.reply(), the input kept), never a 500.
import type { SubmissionResult } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod";
import type { ZodTypeAny, output } from "zod";
import { describeError } from "~/errors";

export type IntentResult = {
  intent: string;
  result: SubmissionResult<string[]> | undefined;
  missing?: string[];
};

type Status = 400 | 403 | 409 | 429;

/** A refusal named in the route's or module's own terms: the message key, and the field it belongs to. */
export type Refusal = { key: string; field?: string; status?: Status };

/** What a write answers besides "done, reset the form" (nothing) or its own Response (a redirect). */
export type Outcome =
  | { kind: "missing"; missing: string[] }
  | { kind: "refused"; fieldErrors: Record<string, string[]>; status: Status }
  | { kind: "done"; data: Record<string, unknown>; init?: ResponseInit; resetForm: boolean };

/** A transition that cannot happen yet: "status.cannotMove" on the form, and what is missing. */
export const cannotMove = (missing: string[]): Outcome => ({ kind: "missing", missing });

/** Errors next to the named fields, nothing written. */
export const refused = (fieldErrors: Record<string, string[]>, status: Status = 400): Outcome => ({
  kind: "refused",
  fieldErrors,
  status,
});

/** Done, with more for the page beside `intent` and `result` (a count, a flag) or headers (a cookie). */
export const done = (
  data: Record<string, unknown>,
  options: { init?: ResponseInit; resetForm?: boolean } = {},
): Outcome => ({ kind: "done", data, init: options.init, resetForm: options.resetForm ?? true });

type Run<Schema extends ZodTypeAny> = (value: output<Schema>) => Promise<Response | Outcome | void>;

type IntentOptions = {
  /** fields never sent back (passwords) */
  hideFields?: string[];
  /** the name the answer carries when several intents share one result on the page */
  answerAs?: string;
  /** this intent's own refusals, before the route's */
  refuse?: (error: unknown) => Refusal | undefined;
};

/** One intent of a form: the schema its fields must pass, and the write that receives them. */
export type IntentHandler<Schema extends ZodTypeAny> = IntentOptions & {
  /** the schema, or how to find it when it depends on the record (looked up only for this intent) */
  schema: Schema | (() => Promise<Schema>);
  run: Run<Schema>;
};

export function defineIntent<Schema extends ZodTypeAny>(
  schema: Schema | (() => Promise<Schema>),
  run: Run<Schema>,
  options: IntentOptions = {},
): IntentHandler<Schema> {
  return { schema, run, ...options };
}

export function unknownIntent() {
  return Response.json({ intent: "unknown", result: undefined } satisfies IntentResult, { status: 400 });
}

type RunIntentsOptions = {
  /** a route's own refusals (errors app/errors.ts does not know), with their field */
  refuse?: (error: unknown) => Refusal | undefined;
  /** the intent of a form that sends none (a page with one form) */
  defaultIntent?: string;
};

/**
 * The intent the form names, parsed with that intent's schema, its write given the parsed value:
 * bad input answers 400 with the errors next to the fields and the input kept (conform's
 * `submission.reply()`), and nothing is written; a known refusal (app/errors.ts, or one that
 * `refuse` recognises) answers next to its field, or the form when the form has no such field.
 * Every answer is an IntentResult: `{ intent, result, missing? }`.
 */
export async function runIntents(
  formData: FormData,
  // each handler is typed where it is defined (defineIntent); the table only dispatches
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  intents: Record<string, IntentHandler<any>>,
  { refuse, defaultIntent }: RunIntentsOptions = {},
): Promise<Response> {
  const named = formData.get("intent") ?? defaultIntent;
  if (typeof named !== "string" || !Object.hasOwn(intents, named)) return unknownIntent();
  const { schema, run, hideFields, answerAs, refuse: refuseHere } = intents[named];
  const intent = answerAs ?? named;
  const submission = parseWithZod(formData, {
    schema: typeof schema === "function" ? await schema() : schema,
  });
  const answer = (
    options: Parameters<typeof submission.reply>[0],
    status = 400,
    extra: { missing?: string[] } = {},
  ) =>
    Response.json(
      { intent, result: submission.reply({ ...options, hideFields }), ...extra } satisfies IntentResult,
      { status },
    );
  if (submission.status !== "success") return answer({});
  let outcome: Response | Outcome | void;
  try {
    outcome = await run(submission.value);
  } catch (error) {
    const known = describeError(error);
    const refusal =
      refuseHere?.(error) ?? refuse?.(error) ?? (known && { key: known.formError, status: known.status });
    if (!refusal) throw error;
    return refusal.field && Object.hasOwn(submission.payload, refusal.field)
      ? answer({ fieldErrors: { [refusal.field]: [refusal.key] } }, refusal.status)
      : answer({ formErrors: [refusal.key] }, refusal.status);
  }
  if (outcome instanceof Response) return outcome;
  if (outcome?.kind === "missing" && outcome.missing.length > 0)
    return answer({ formErrors: ["status.cannotMove"] }, 400, { missing: outcome.missing });
  if (outcome?.kind === "refused") return answer({ fieldErrors: outcome.fieldErrors }, outcome.status);
  const result = submission.reply({
    resetForm: outcome?.kind === "done" ? outcome.resetForm : true,
    hideFields,
  });
  const data = outcome?.kind === "done" ? outcome.data : {};
  return Response.json(
    { ...data, intent, result } satisfies IntentResult,
    outcome?.kind === "done" ? outcome.init : undefined,
  );
}
