// The session's fallback when the conference server cannot be reached (docs/decisions/0058):
// a phone number (called, or called on WhatsApp) and/or another meeting link. Shared by the form
// on the session page and the action; messages are i18n keys.
import { z } from "zod";
import { phoneNumberField } from "~/utils/phone-number";
import { httpUrl } from "~/utils/url-schema";

export const sessionFallbackSchema = z.object({
  intent: z.literal("fallback"),
  fallbackPhone: phoneNumberField,
  fallbackUrl: httpUrl.optional().transform((value) => value || null),
});

export type SessionFallbackInput = z.infer<typeof sessionFallbackSchema>;
