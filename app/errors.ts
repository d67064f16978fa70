// The errors modules throw when a write cannot be done, and the one table that says what each
// means to the person: an HTTP status and a message key for the form (app/utils/form-action.server.ts).
// Modules throw them; routes never check them one by one.

/** Not in the person's scope for this action (or not there at all: the two look the same). */
export class OutOfScopeError extends Error {}

/** The record changed since it was read (a version, a status): the form is out of date. */
export class ConflictError extends Error {}

/** A domain rule refused the write; `key` is the i18n message shown next to the form. */
export class RuleError extends Error {
  constructor(public readonly key: string) {
    super(key);
  }
}

type Known = { status: 400 | 403 | 409; formError: string };

/** What a known error means to the person, or undefined for one that is a bug (a 500). */
export function describeError(error: unknown): Known | undefined {
  if (error instanceof ConflictError) return { status: 409, formError: "errors.conflict" };
  if (error instanceof OutOfScopeError) return { status: 403, formError: "errors.forbidden" };
  if (error instanceof RuleError) return { status: 400, formError: error.key };
  return undefined;
}
