// "Bagikan ke WhatsApp": a plain link to wa.me with the message (app/modules/sessions/whatsapp-message.ts);
// WhatsApp opens with the text and the person picks the group or chat. No script needed.
import { whatsAppShareUrl } from "~/modules/sessions/whatsapp-message";

export function WhatsAppShareLink({ text, label, hint }: { text: string; label: string; hint?: string }) {
  return (
    <a
      href={whatsAppShareUrl(text)}
      className="button whatsapp-share"
      target="_blank"
      rel="noopener noreferrer"
      title={hint}
    >
      {label}
    </a>
  );
}
