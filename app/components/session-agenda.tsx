// A session's agenda and invitees, with the forms a facilitator uses after scheduling: add, remove
// and reorder agenda items; invite people by email and the Pokja teams in one click; remove an
// invitee. Plain forms: they work without JavaScript.
import { getFormProps, getTextareaProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod";
import { Form } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { FieldErrors, FormErrors, FormField } from "~/components/ui/form-field";
import { agendaAddSchema, inviteSchema } from "~/modules/sessions/agenda-schemas";
import type { IntentResult } from "~/utils/form-action.server";

type Result = (IntentResult & { added?: number }) | undefined;
type AgendaItem = { id: string; title: string; presenter: string | null };
type Invitee = { user: { id: string; name: string; email: string; region: { name: string } | null } };
type WorkingGroup = { id: string; name: string; regionName: string; withAccounts: number };

function ItemButton({
  intent,
  itemId,
  label,
  text,
}: {
  intent: string;
  itemId: string;
  label: string;
  text: string;
}) {
  return (
    <Form method="post" className="inline-form">
      <input type="hidden" name="intent" value={intent} />
      <input type="hidden" name="itemId" value={itemId} />
      <button type="submit" className="button small" aria-label={label}>
        {text}
      </button>
    </Form>
  );
}

export function SessionAgenda({
  agenda,
  canManage,
  actionData,
}: {
  agenda: AgendaItem[];
  canManage: boolean;
  actionData: Result;
}) {
  const { t } = useTranslation();
  const [form, fields] = useForm({
    id: "agenda-add",
    lastResult: actionData?.intent === "agenda-add" ? actionData.result : undefined,
    onValidate: ({ formData }) => parseWithZod(formData, { schema: agendaAddSchema }),
  });
  if (!canManage && agenda.length === 0) return null;
  const itemError =
    actionData?.intent?.startsWith("agenda-") && actionData.intent !== "agenda-add"
      ? (actionData.result?.error?.[""] ?? undefined)
      : undefined;
  return (
    <section aria-labelledby="agenda-heading">
      <h2 id="agenda-heading">{t("sessions.agenda")}</h2>
      {agenda.length === 0 ? <p className="muted">{t("agenda.empty")}</p> : null}
      <ol className="agenda-list">
        {agenda.map((item, index) => (
          <li key={item.id}>
            {item.title}
            {item.presenter ? <span className="muted"> · {item.presenter}</span> : null}
            {canManage ? (
              <span className="agenda-actions">
                {index > 0 ? (
                  <ItemButton
                    intent="agenda-up"
                    itemId={item.id}
                    label={t("agenda.moveUp", { title: item.title })}
                    text="↑"
                  />
                ) : null}
                {index < agenda.length - 1 ? (
                  <ItemButton
                    intent="agenda-down"
                    itemId={item.id}
                    label={t("agenda.moveDown", { title: item.title })}
                    text="↓"
                  />
                ) : null}
                <ItemButton
                  intent="agenda-remove"
                  itemId={item.id}
                  label={t("agenda.remove", { title: item.title })}
                  text={t("agenda.removeShort")}
                />
              </span>
            ) : null}
          </li>
        ))}
      </ol>
      <FormErrors errors={itemError} />
      {canManage ? (
        <Form method="post" {...getFormProps(form)} className="inline-fields">
          <input type="hidden" name="intent" value="agenda-add" />
          <FormErrors id={form.errorId} errors={form.errors} />
          <FormField field={fields.title} label={t("agenda.itemTitle")} />
          <FormField field={fields.presenter} label={t("agenda.presenter")} />
          <button type="submit" className="button">
            {t("agenda.add")}
          </button>
        </Form>
      ) : null}
    </section>
  );
}

export function SessionInvitees({
  invitees,
  workingGroups,
  canManage,
  actionData,
}: {
  invitees: Invitee[];
  workingGroups: WorkingGroup[];
  canManage: boolean;
  actionData: Result;
}) {
  const { t } = useTranslation();
  const [form, fields] = useForm({
    id: "invite",
    lastResult: actionData?.intent === "invite" ? actionData.result : undefined,
    onValidate: ({ formData }) => parseWithZod(formData, { schema: inviteSchema }),
  });
  const added = actionData?.intent === "invite" && !actionData.result?.error ? actionData.added : undefined;
  if (!canManage) return <p className="muted">{t("sessions.invited", { count: invitees.length })}</p>;
  return (
    <section aria-labelledby="invitees-heading">
      <h2 id="invitees-heading">{t("agenda.invitees")}</h2>
      <p className="muted">{t("sessions.invited", { count: invitees.length })}</p>
      <ul className="plain invitee-list">
        {invitees.map(({ user }) => (
          <li key={user.id}>
            <Form method="post" className="inline-form">
              <input type="hidden" name="intent" value="uninvite" />
              <input type="hidden" name="userId" value={user.id} />
              {user.name}
              {user.region ? <span className="muted"> ({user.region.name})</span> : null}{" "}
              <button
                type="submit"
                className="button small"
                aria-label={t("agenda.uninvite", { name: user.name })}
              >
                {t("agenda.removeShort")}
              </button>
            </Form>
          </li>
        ))}
      </ul>
      {typeof added === "number" ? <p role="status">{t("agenda.invitedCount", { count: added })}</p> : null}
      <Form method="post" {...getFormProps(form)}>
        <input type="hidden" name="intent" value="invite" />
        <FormErrors id={form.errorId} errors={form.errors} />
        {workingGroups.length > 0 ? (
          <fieldset>
            <legend>{t("agenda.pokja")}</legend>
            <ul className="plain">
              {workingGroups.map((g) => (
                <li key={g.id}>
                  <label>
                    <input type="checkbox" name="workingGroupIds" value={g.id} defaultChecked /> {g.name} (
                    {g.regionName}) · {t("agenda.withAccounts", { count: g.withAccounts })}
                  </label>
                </li>
              ))}
            </ul>
          </fieldset>
        ) : (
          <p className="muted">{t("agenda.noPokja")}</p>
        )}
        <div className="field">
          <label htmlFor={fields.emails.id}>{t("agenda.emails")}</label>
          <p className="field-hint" id={`${fields.emails.id}-hint`}>
            {t("agenda.emailsHint")}
          </p>
          <textarea
            {...getTextareaProps(fields.emails, { ariaDescribedBy: `${fields.emails.id}-hint` })}
            key={fields.emails.key}
            rows={2}
          />
          <FieldErrors id={fields.emails.errorId} errors={fields.emails.errors?.map((key) => t(key))} />
        </div>
        <button type="submit" className="button">
          {t("agenda.invite")}
        </button>
      </Form>
    </section>
  );
}
