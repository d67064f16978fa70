// A region's agencies (OPD) and working groups (Pokja): people who may manage the region add,
// rename and remove them, and choose who sits in each Pokja (one lead).
import { getFormProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import type { z } from "zod";
import { useTranslation } from "react-i18next";
import { requirePermission } from "~/auth/require-user.server";
import { FormErrors, FormField, SelectField } from "~/components/ui/form-field";
import {
  AGENCY_KINDS,
  agencyDeleteSchema,
  agencySchema,
  groupDeleteSchema,
  groupLeadSchema,
  groupMemberRemoveSchema,
  groupMemberSchema,
  groupSchema,
} from "~/modules/regions/agency-schemas";
import {
  AgencyInUseError,
  DuplicateNameError,
  NoAccountError,
  addGroupMember,
  deleteAgency,
  deleteGroup,
  getRegionAgencies,
  removeGroupMember,
  saveAgency,
  saveGroup,
  setGroupLead,
} from "~/modules/regions/agency.server";
import { OutOfScopeError } from "~/errors";
import { titleMeta } from "~/i18n/translate";
import { type IntentResult, defineIntent, runIntents } from "~/utils/form-action.server";
import { invariantResponse } from "~/utils/invariant";
import { requireParam } from "~/utils/route-params";

export const meta: MetaFunction = ({ matches }) => titleMeta(matches, "agencies.title");

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { grants } = await requirePermission(request, "region:manage");
  const data = await getRegionAgencies(grants, requireParam(params, "code", "regionCode"));
  // another region's officer learns nothing, not even whether the region exists
  invariantResponse(data, "Forbidden", { status: 403 });
  return data;
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { grants } = await requirePermission(request, "region:manage");
  const code = requireParam(params, "code", "regionCode");
  const formData = await request.formData();
  const intent = String(formData.get("intent") ?? "");
  // one page holds a form per agency and per Pokja: the answer names the form it belongs to
  const answerAs = String(formData.get("formId") ?? intent);
  const write = <S extends z.ZodTypeAny>(schema: S, run: (value: z.output<S>) => Promise<unknown>) =>
    defineIntent(
      schema,
      async (value) => {
        try {
          await run(value);
        } catch (error) {
          // another region's officer learns nothing, not even whether the region exists
          if (error instanceof OutOfScopeError) throw new Response("Forbidden", { status: 403 });
          throw error;
        }
      },
      { answerAs },
    );
  const intents = {
    agency: write(agencySchema, (v) => saveAgency(grants, code, v)),
    "agency-delete": write(agencyDeleteSchema, (v) => deleteAgency(grants, code, v.agencyId)),
    group: write(groupSchema, (v) => saveGroup(grants, code, v)),
    "group-delete": write(groupDeleteSchema, (v) => deleteGroup(grants, code, v.groupId)),
    "group-member": write(groupMemberSchema, (v) => addGroupMember(grants, code, v)),
    "group-member-remove": write(groupMemberRemoveSchema, (v) => removeGroupMember(grants, code, v.memberId)),
    "group-lead": write(groupLeadSchema, (v) => setGroupLead(grants, code, v.memberId)),
  };
  // a form the page never offers: refuse before anything is read or written, 403 outside one's regions
  if (!Object.hasOwn(intents, intent))
    invariantResponse(await getRegionAgencies(grants, code), "Forbidden", { status: 403 });
  return runIntents(formData, intents, {
    refuse: (error) =>
      error instanceof DuplicateNameError || error instanceof NoAccountError
        ? { key: error.key, field: error.field }
        : error instanceof AgencyInUseError
          ? { key: error.key }
          : undefined,
  });
}

type Data = Awaited<ReturnType<typeof loader>>;

function useLastResult(formId: string) {
  const actionData = useActionData<IntentResult>();
  return actionData?.intent === formId ? actionData.result : undefined;
}

export default function RegionAgencies() {
  const { t } = useTranslation();
  const { region, agencies, groups } = useLoaderData<typeof loader>();
  return (
    <main>
      <p className="muted">
        <Link to={`/wilayah/${region.code}`}>{region.name}</Link>
      </p>
      <h1>{t("agencies.heading", { name: region.name })}</h1>
      <datalist id="agency-kinds">
        {AGENCY_KINDS.map((kind) => (
          <option key={kind} value={kind} />
        ))}
      </datalist>

      <section aria-labelledby="agencies-heading">
        <h2 id="agencies-heading">{t("agencies.agencies")}</h2>
        {agencies.length === 0 ? <p>{t("regions.noneRecorded")}</p> : null}
        <ul className="plain-list">
          {agencies.map((agency) => (
            <li key={agency.id}>
              <AgencyForm agency={agency} />
            </li>
          ))}
        </ul>
        <h3>{t("agencies.addAgency")}</h3>
        <AgencyForm />
      </section>

      <section aria-labelledby="groups-heading">
        <h2 id="groups-heading">{t("agencies.groups")}</h2>
        {groups.length === 0 ? <p>{t("regions.noneRecorded")}</p> : null}
        {groups.map((group) => (
          <article key={group.id} className="card" aria-labelledby={`group-${group.id}`}>
            <h3 id={`group-${group.id}`}>{group.name}</h3>
            {group.topic ? <p className="muted">{group.topic}</p> : null}
            <GroupForm group={group} />
            <table>
              <caption>{t("agencies.membersOf", { name: group.name })}</caption>
              <thead>
                <tr>
                  <th scope="col">{t("agencies.memberName")}</th>
                  <th scope="col">{t("agencies.position")}</th>
                  <th scope="col">{t("agencies.agency")}</th>
                  <th scope="col">{t("agencies.role")}</th>
                  <th scope="col">{t("agencies.actions")}</th>
                </tr>
              </thead>
              <tbody>
                {group.members.map((m) => (
                  <tr key={m.id}>
                    <td>
                      {m.name}
                      {m.user ? (
                        <div className="muted">
                          {m.user.email}
                          {m.user.region ? ` · ${m.user.region.name}` : ""}
                        </div>
                      ) : (
                        <div className="muted">{t("agencies.noAccountYet")}</div>
                      )}
                    </td>
                    <td>{m.position ?? "—"}</td>
                    <td>{m.organisation?.name ?? "—"}</td>
                    <td>{m.isLead ? <strong>{t("agencies.lead")}</strong> : t("agencies.member")}</td>
                    <td className="row-actions">
                      {!m.isLead ? (
                        <Form method="post">
                          <input type="hidden" name="intent" value="group-lead" />
                          <input type="hidden" name="memberId" value={m.id} />
                          <button type="submit" className="link-button">
                            {t("agencies.makeLead", { name: m.name })}
                          </button>
                        </Form>
                      ) : null}
                      <Form method="post">
                        <input type="hidden" name="intent" value="group-member-remove" />
                        <input type="hidden" name="memberId" value={m.id} />
                        <button type="submit" className="link-button">
                          {t("agencies.removeMember", { name: m.name })}
                        </button>
                      </Form>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
            <MemberForm groupId={group.id} agencies={agencies} />
          </article>
        ))}
        <h3>{t("agencies.addGroup")}</h3>
        <GroupForm />
      </section>
    </main>
  );
}

function AgencyForm({ agency }: { agency?: Data["agencies"][number] }) {
  const { t } = useTranslation();
  const formId = agency ? `agency-${agency.id}` : "agency-new";
  const [form, fields] = useForm({
    id: formId,
    lastResult: useLastResult(formId),
    defaultValue: agency ? { name: agency.name, kind: agency.kind ?? "" } : undefined,
    onValidate: ({ formData }) => parseWithZod(formData, { schema: agencySchema }),
    shouldValidate: "onBlur",
  });
  const deleteId = agency ? `agency-delete-${agency.id}` : "";
  const deleteResult = useLastResult(deleteId);
  return (
    <div className="inline-fields">
      <Form method="post" {...getFormProps(form)} className="inline-fields">
        <input type="hidden" name="intent" value="agency" />
        <input type="hidden" name="formId" value={formId} />
        {agency ? <input type="hidden" name="agencyId" value={agency.id} /> : null}
        <FormErrors id={form.errorId} errors={form.errors} />
        <FormField field={fields.name} label={t("agencies.name")} />
        <KindField field={fields.kind} />
        <button type="submit" className="button">
          {agency ? t("agencies.save") : t("agencies.addAgency")}
        </button>
      </Form>
      {agency ? (
        <Form method="post">
          <input type="hidden" name="intent" value="agency-delete" />
          <input type="hidden" name="formId" value={deleteId} />
          <input type="hidden" name="agencyId" value={agency.id} />
          <FormErrors errors={(deleteResult?.error?.[""] as string[] | undefined) ?? undefined} />
          <button type="submit" className="link-button">
            {t("agencies.remove", { name: agency.name })}
          </button>
        </Form>
      ) : null}
    </div>
  );
}

/** Kind: a text input offering the usual kinds from a datalist, any other text allowed. */
function KindField({ field }: { field: Parameters<typeof FormField>[0]["field"] }) {
  const { t } = useTranslation();
  return (
    <div className="field">
      <label htmlFor={field.id}>{t("agencies.kind")}</label>
      <input
        id={field.id}
        name={field.name}
        defaultValue={(field.initialValue as string | undefined) ?? ""}
        key={field.key}
        list="agency-kinds"
        autoComplete="off"
        aria-invalid={field.errors ? true : undefined}
      />
    </div>
  );
}

function GroupForm({ group }: { group?: { id: string; name: string; topic: string | null } }) {
  const { t } = useTranslation();
  const formId = group ? `group-${group.id}-edit` : "group-new";
  const [form, fields] = useForm({
    id: formId,
    lastResult: useLastResult(formId),
    defaultValue: group ? { name: group.name, topic: group.topic ?? "" } : undefined,
    onValidate: ({ formData }) => parseWithZod(formData, { schema: groupSchema }),
    shouldValidate: "onBlur",
  });
  return (
    <div className="inline-fields">
      <Form method="post" {...getFormProps(form)} className="inline-fields">
        <input type="hidden" name="intent" value="group" />
        <input type="hidden" name="formId" value={formId} />
        {group ? <input type="hidden" name="groupId" value={group.id} /> : null}
        <FormErrors id={form.errorId} errors={form.errors} />
        <FormField field={fields.name} label={t("agencies.groupName")} />
        <FormField field={fields.topic} label={t("agencies.topic")} />
        <button type="submit" className="button">
          {group ? t("agencies.save") : t("agencies.addGroup")}
        </button>
      </Form>
      {group ? (
        <Form method="post">
          <input type="hidden" name="intent" value="group-delete" />
          <input type="hidden" name="groupId" value={group.id} />
          <button type="submit" className="link-button">
            {t("agencies.remove", { name: group.name })}
          </button>
        </Form>
      ) : null}
    </div>
  );
}

function MemberForm({ groupId, agencies }: { groupId: string; agencies: Data["agencies"] }) {
  const { t } = useTranslation();
  const formId = `member-${groupId}`;
  const [form, fields] = useForm({
    id: formId,
    lastResult: useLastResult(formId),
    onValidate: ({ formData }) => parseWithZod(formData, { schema: groupMemberSchema }),
    shouldValidate: "onBlur",
  });
  return (
    <Form method="post" {...getFormProps(form)}>
      <fieldset>
        <legend>{t("agencies.addMember")}</legend>
        <input type="hidden" name="intent" value="group-member" />
        <input type="hidden" name="formId" value={formId} />
        <input type="hidden" name="groupId" value={groupId} />
        <FormErrors id={form.errorId} errors={form.errors} />
        <p className="field-hint">{t("agencies.memberHint")}</p>
        <FormField field={fields.email} label={t("agencies.memberEmail")} type="email" />
        <FormField field={fields.name} label={t("agencies.memberName")} />
        <FormField field={fields.position} label={t("agencies.position")} />
        <SelectField
          field={fields.organisationId}
          label={t("agencies.agency")}
          placeholder="—"
          options={agencies.map((a) => ({ value: a.id, label: a.name }))}
        />
        <div className="field">
          <label>
            <input type="checkbox" name={fields.isLead.name} value="on" /> {t("agencies.isLead")}
          </label>
        </div>
        <button type="submit" className="button">
          {t("agencies.addMember")}
        </button>
      </fieldset>
    </Form>
  );
}

export { RouteErrorBoundary as ErrorBoundary } from "~/components/route-error-boundary";
