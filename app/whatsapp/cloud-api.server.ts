// The WhatsApp Business Cloud API, off unless the operator sets WHATSAPP_TOKEN and
// WHATSAPP_PHONE_NUMBER_ID (docs/decisions/0058). One call: send a message to one number.
// Plain text by default; with WHATSAPP_TEMPLATE, an approved template whose one body parameter
// carries the text (WhatsApp accepts only templates outside a 24-hour conversation window).
import { env } from "~/env.server";

export type WhatsAppConfig = {
  apiUrl: string;
  token: string;
  phoneNumberId: string;
  template?: string;
  templateLanguage: string;
};

export function whatsAppConfig(
  source: Pick<
    typeof env,
    | "WHATSAPP_TOKEN"
    | "WHATSAPP_PHONE_NUMBER_ID"
    | "WHATSAPP_API_URL"
    | "WHATSAPP_TEMPLATE"
    | "WHATSAPP_TEMPLATE_LANGUAGE"
  > = env,
): WhatsAppConfig | null {
  if (!source.WHATSAPP_TOKEN || !source.WHATSAPP_PHONE_NUMBER_ID) return null;
  return {
    apiUrl: source.WHATSAPP_API_URL.replace(/\/+$/, ""),
    token: source.WHATSAPP_TOKEN,
    phoneNumberId: source.WHATSAPP_PHONE_NUMBER_ID,
    template: source.WHATSAPP_TEMPLATE || undefined,
    templateLanguage: source.WHATSAPP_TEMPLATE_LANGUAGE,
  };
}

/** A refusal from the API: `retryable` for 5xx, 429 and network failures, not for a bad number. */
export class WhatsAppSendError extends Error {
  constructor(
    message: string,
    readonly status: number | null,
    readonly retryable: boolean,
  ) {
    super(message);
    this.name = "WhatsAppSendError";
  }
}

const TIMEOUT_MS = 10_000;

/** Sends `text` to `to` (E.164); returns WhatsApp's message id. */
export async function sendWhatsAppMessage(
  config: WhatsAppConfig,
  { to, text }: { to: string; text: string },
): Promise<string | null> {
  const recipient = to.replace(/^\+/, "");
  const body = config.template
    ? {
        messaging_product: "whatsapp",
        to: recipient,
        type: "template",
        template: {
          name: config.template,
          language: { code: config.templateLanguage },
          // template parameters may hold no new lines
          components: [
            { type: "body", parameters: [{ type: "text", text: text.replace(/\s*\n+\s*/g, " · ") }] },
          ],
        },
      }
    : { messaging_product: "whatsapp", to: recipient, type: "text", text: { body: text, preview_url: true } };
  let response: Response;
  try {
    response = await fetch(`${config.apiUrl}/${encodeURIComponent(config.phoneNumberId)}/messages`, {
      method: "POST",
      headers: { Authorization: `Bearer ${config.token}`, "Content-Type": "application/json" },
      body: JSON.stringify(body),
      signal: AbortSignal.timeout(TIMEOUT_MS),
    });
  } catch (error) {
    throw new WhatsAppSendError(`WhatsApp API unreachable: ${String(error)}`, null, true);
  }
  const answer = (await response.json().catch(() => ({}))) as {
    messages?: { id?: string }[];
    error?: { message?: string };
  };
  if (!response.ok) {
    throw new WhatsAppSendError(
      `WhatsApp API ${response.status}: ${answer.error?.message ?? response.statusText}`,
      response.status,
      response.status >= 500 || response.status === 429,
    );
  }
  return answer.messages?.[0]?.id ?? null;
}
