// One zod schema for every decimal a person types: read the way the page's language writes
// numbers (app/utils/numbers.ts parseDecimal), refused with a message that shows the form.
import { z } from "zod";
import { parseDecimal } from "~/utils/numbers";

const LIMIT = 1e9;

/** A decimal field of a form; empty fields reach it as undefined (conform), so make it optional where it may be left out. */
export function decimalSchema(language: string) {
  return z
    .string({ required_error: "errors.required", invalid_type_error: "errors.decimal" })
    .transform((input, ctx) => {
      const parsed = parseDecimal(input, language);
      if (!parsed.ok || Math.abs(parsed.value) > LIMIT) {
        ctx.addIssue({
          code: z.ZodIssueCode.custom,
          message: parsed.ok ? "errors.number" : "errors.decimal",
        });
        return z.NEVER;
      }
      return parsed.value;
    });
}
