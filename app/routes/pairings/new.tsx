import { getFormProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod";
import {
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
  type MetaFunction,
  redirect,
} from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import type { TFunction } from "i18next";
import { useTranslation } from "react-i18next";
import { requirePermission } from "~/auth/require-user.server";
import { RegionPicker } from "~/components/region-picker";
import { PairingPlanFields, PairingRecordFields, type RecordChoices } from "~/components/pairing-adjust-form";
import { FormErrors, FormField } from "~/components/ui/form-field";
import { newPairingSchema } from "~/modules/pairings/pairing-schemas";
import { createPairing, listPairingRecordChoices } from "~/modules/pairings/create.server";
import { type MentorReason, suggestMentors } from "~/modules/pairings/matching.server";
import { listRegionsForPicker, resolveRegionFields } from "~/modules/regions/region.server";
import { formatNumber } from "~/utils/format";
import { titleMeta } from "~/i18n/translate";
import { type IntentResult, defineIntent, refused, runIntents } from "~/utils/form-action.server";

export const meta: MetaFunction = ({ matches }) => titleMeta(matches, "pairings.new");

export async function loader({ request }: LoaderFunctionArgs) {
  await requirePermission(request, "pairing:create");
  const params = new URL(request.url).searchParams;
  const need = params.get("kebutuhan")?.slice(0, 200) ?? "";
  const mentee = params.get("mentee")?.match(/^\d{2}(\.\d{2})?/)?.[0] ?? "";
  const mentor = params.get("mentor")?.match(/^\d{2}(\.\d{2})?/)?.[0] ?? "";
  const [regions, suggestions] = await Promise.all([
    listRegionsForPicker(),
    need && mentee ? suggestMentors(need, mentee) : [],
  ]);
  const known = (code: string) => regions.some((r) => r.code === code);
  // the projects, practices and Pokja of each side, once the search has named its region
  const choices =
    known(mentor) || known(mentee)
      ? await listPairingRecordChoices(known(mentor) ? mentor : "-", known(mentee) ? mentee : "-")
      : null;
  return {
    regions,
    need,
    mentee: known(mentee) ? mentee : "",
    mentor: known(mentor) && mentor !== mentee ? mentor : "",
    suggestions,
    choices,
  };
}

export async function action({ request }: ActionFunctionArgs) {
  const scope = await requirePermission(request, "pairing:create");
  // a pairing rule's refusal (PairingRuleError) answers on the form, as every RuleError
  return runIntents(
    await request.formData(),
    {
      create: defineIntent(newPairingSchema, async (value) => {
        const input = await resolveRegionFields(value, ["mentorRegionCode", "menteeRegionCode"]);
        if (!input.value) return refused(input.fieldErrors);
        const pairing = await createPairing(scope, input.value);
        return redirect(`/pasangan/${pairing.id}`);
      }),
    },
    { defaultIntent: "create" },
  );
}

/** Why a region is suggested, one reason a line, with the points it adds to the score. */
function mentorReasonText(reason: MentorReason, t: TFunction, lng: string) {
  const points = t("pairings.why.points", { points: formatNumber(reason.points, lng) });
  if (reason.kind === "zone")
    return `${reason.hours === 0 ? t("pairings.why.sameZone") : t("pairings.why.zone", { count: Math.abs(reason.hours) })} ${points}`;
  if (reason.kind === "distance")
    return `${t("pairings.why.distance", { km: formatNumber(reason.km, lng, 0) })} ${points}`;
  const status =
    reason.kind === "practice"
      ? t(`catalog.maturity.${reason.status}`)
      : t(`projects.status.${reason.status}`);
  return (
    [
      t(`pairings.why.${reason.kind}`, { name: reason.name, status }),
      t("pairings.why.matched", {
        fields: reason.matched.map((field) => t(`pairings.why.fields.${field}`)).join(", "),
      }),
      reason.results ? t("pairings.why.results") : t("pairings.why.noResults"),
    ].join(" · ") + ` ${points}`
  );
}

export default function NewPairing() {
  const { t, i18n } = useTranslation();
  const { regions, need, mentee, mentor, suggestions, choices } = useLoaderData<typeof loader>();
  return (
    <main className="narrow">
      <h1>{t("pairings.new")}</h1>
      <section aria-labelledby="suggest-heading" className="card">
        <h2 id="suggest-heading">{t("pairings.findMentor")}</h2>
        <Form method="get">
          <label htmlFor="need">{t("pairings.need")}</label>
          <input id="need" name="kebutuhan" defaultValue={need} placeholder="sanitasi, lumpur tinja" />
          <label htmlFor="mentee-q">{t("pairings.menteeRegion")}</label>
          <input id="mentee-q" name="mentee" defaultValue={mentee} list="mentee-regions" autoComplete="off" />
          <datalist id="mentee-regions">
            {regions.map((r) => (
              <option key={r.code} value={`${r.code} ${r.label}`} />
            ))}
          </datalist>
          <button type="submit" className="button">
            {t("pairings.suggest")}
          </button>
        </Form>
        {need && mentee ? (
          suggestions.length === 0 ? (
            <p>{t("pairings.noSuggestions")}</p>
          ) : (
            <table>
              <caption>{t("pairings.suggestionsCaption")}</caption>
              <thead>
                <tr>
                  <th scope="col">{t("map.region")}</th>
                  <th scope="col">{t("pairings.relevance")}</th>
                  <th scope="col">{t("pairings.because")}</th>
                  <th scope="col">{t("pairings.distance")}</th>
                  <th scope="col">{t("pairings.zoneDifference")}</th>
                  <th scope="col">
                    <span className="visually-hidden">{t("pairings.chooseMentor")}</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {suggestions.map((s) => (
                  <tr key={s.code}>
                    <td>
                      {s.name} ({s.code})
                    </td>
                    <td>{formatNumber(s.score, i18n.language)}</td>
                    <td>
                      <ul className="plain">
                        {s.reasons.map((reason, i) => (
                          <li key={i}>{mentorReasonText(reason, t, i18n.language)}</li>
                        ))}
                      </ul>
                    </td>
                    <td>
                      {s.distanceKm === null ? "—" : `${formatNumber(s.distanceKm, i18n.language, 0)} km`}
                    </td>
                    <td>
                      {s.zoneDifferenceHours === 0
                        ? t("pairings.sameZone")
                        : t("pairings.hours", { count: s.zoneDifferenceHours })}
                    </td>
                    <td>
                      {s.code === mentor ? (
                        t("pairings.chosen")
                      ) : (
                        <Link
                          to={`?${new URLSearchParams({ kebutuhan: need, mentee, mentor: s.code })}`}
                          aria-label={`${t("pairings.chooseMentor")}: ${s.name}`}
                        >
                          {t("pairings.chooseMentor")}
                        </Link>
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )
        ) : null}
      </section>
      {/* a new search remounts the form, so it starts from the mentee and need just searched */}
      <PairingForm
        key={`${mentee}|${mentor}|${need}`}
        regions={regions}
        mentee={mentee}
        mentor={mentor}
        need={need}
        choices={choices}
      />
    </main>
  );
}

function PairingForm({
  regions,
  mentee,
  mentor,
  need,
  choices,
}: {
  regions: { code: string; label: string }[];
  mentee: string;
  mentor: string;
  need: string;
  choices: RecordChoices | null;
}) {
  const { t } = useTranslation();
  const actionData = useActionData<IntentResult>();
  const [form, fields] = useForm({
    lastResult: actionData?.result,
    defaultValue: {
      menteeRegionCode: mentee,
      mentorRegionCode: mentor,
      topic: need,
      method: "PRIVATE_TELECONFERENCE",
      facilitatorOrgName: "PMU PPSP Bappenas",
    },
    onValidate: ({ formData }) => parseWithZod(formData, { schema: newPairingSchema }),
    shouldValidate: "onBlur",
  });
  return (
    <Form method="post" {...getFormProps(form)}>
      <FormErrors id={form.errorId} errors={form.errors} />
      <RegionPicker field={fields.mentorRegionCode} label={t("pairings.mentorRegion")} regions={regions} />
      <RegionPicker field={fields.menteeRegionCode} label={t("pairings.menteeRegion")} regions={regions} />
      <PairingPlanFields
        fields={fields}
        afterSector={<FormField field={fields.facilitatorOrgName} label={t("pairings.facilitator")} />}
      />
      {/* the choices belong to the regions searched above; the server refuses another region's */}
      <PairingRecordFields
        fields={fields}
        mentor={mentor && choices ? choices : null}
        mentee={mentee && choices ? choices : null}
      />
      {choices ? null : <p className="muted">{t("pairings.recordAfterSearch")}</p>}
      <button type="submit" className="button primary">
        {t("pairings.create")}
      </button>
    </Form>
  );
}

export { RouteErrorBoundary as ErrorBoundary } from "~/components/route-error-boundary";
