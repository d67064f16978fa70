// Telephone numbers as Indonesians write them ("0812-3456-7890", "+62 812 3456 7890",
// "62812…", "(0401) 312 345"), kept in E.164 ("+6281234567890") so WhatsApp's API, wa.me links
// and tel: links all take them (docs/decisions/0058).
import { z } from "zod";

/** E.164 for an Indonesian number in any usual form, or an international +… number; null otherwise. */
export function normalisePhoneNumber(input: string): string | null {
  const text = input.trim();
  // separators people type: spaces, dashes, dots, brackets; nothing else
  if (!/^\+?[\d\s().-]+$/.test(text)) return null;
  const digits = text.replace(/[\s().-]/g, "");
  let e164: string;
  if (digits.startsWith("+")) e164 = digits;
  else if (digits.startsWith("62")) e164 = `+${digits}`;
  else if (digits.startsWith("0")) e164 = `+62${digits.slice(1)}`;
  else return null;
  if (e164.startsWith("+62")) {
    // after +62: an area or mobile prefix (never 0), then 7 to 12 digits
    return /^\+62[1-9]\d{7,11}$/.test(e164) ? e164 : null;
  }
  return /^\+[1-9]\d{7,14}$/.test(e164) ? e164 : null;
}

/** E.164 for a number WhatsApp can reach: an Indonesian mobile (+628…) or an international number. */
export function normaliseWhatsAppNumber(input: string): string | null {
  const e164 = normalisePhoneNumber(input);
  if (!e164) return null;
  // Indonesian mobiles are 08xx with 9 to 12 digits after the 0; landlines have no WhatsApp
  if (e164.startsWith("+62")) return /^\+628\d{8,11}$/.test(e164) ? e164 : null;
  return e164;
}

/** "+6281234567890" → "6281234567890", the form wa.me links take. */
export function waMeDigits(e164: string): string {
  return e164.replace(/^\+/, "");
}

function optionalNumber(normalise: (input: string) => string | null, message: string) {
  return z
    .string()
    .trim()
    .max(40, message)
    .optional()
    .transform((value, ctx) => {
      if (!value) return null;
      const e164 = normalise(value);
      if (!e164) {
        ctx.addIssue({ code: z.ZodIssueCode.custom, message });
        return z.NEVER;
      }
      return e164;
    });
}

/** An optional WhatsApp number: empty → null, otherwise E.164; message keys are i18n keys. */
export const whatsAppNumberField = optionalNumber(normaliseWhatsAppNumber, "errors.whatsappNumber");

/** An optional telephone number (a landline too): empty → null, otherwise E.164. */
export const phoneNumberField = optionalNumber(normalisePhoneNumber, "errors.phoneNumber");
