import { getFormProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod";
import {
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
  type MetaFunction,
  redirect,
} from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { requirePermission } from "~/auth/require-user.server";
import { RegionPicker } from "~/components/region-picker";
import { PairingPlanFields } from "~/components/pairing-adjust-form";
import { FormErrors, FormField } from "~/components/ui/form-field";
import { newPairingSchema } from "~/models/pairing-schemas";
import { PairingRuleError, createPairing, suggestMentors } from "~/models/pairing.server";
import { listRegionsForPicker } from "~/models/region.server";
import { formatNumber } from "~/utils/format";
import { titleMeta } from "~/i18n/translate";

export const meta: MetaFunction = ({ matches }) => titleMeta(matches, "pairings.new");

export async function loader({ request }: LoaderFunctionArgs) {
  await requirePermission(request, "pairing:create");
  const params = new URL(request.url).searchParams;
  const need = params.get("kebutuhan")?.slice(0, 200) ?? "";
  const mentee = params.get("mentee")?.match(/^\d{2}(\.\d{2})?/)?.[0] ?? "";
  return {
    regions: await listRegionsForPicker(),
    need,
    mentee,
    suggestions: need && mentee ? await suggestMentors(need, mentee) : [],
  };
}

export async function action({ request }: ActionFunctionArgs) {
  const scope = await requirePermission(request, "pairing:create");
  const submission = parseWithZod(await request.formData(), { schema: newPairingSchema });
  if (submission.status !== "success") return Response.json(submission.reply(), { status: 400 });
  try {
    const pairing = await createPairing(scope, submission.value);
    return redirect(`/pasangan/${pairing.id}`);
  } catch (error) {
    if (error instanceof PairingRuleError)
      return Response.json(submission.reply({ formErrors: [error.key] }), { status: 400 });
    throw error;
  }
}

export default function NewPairing() {
  const { t, i18n } = useTranslation();
  const { regions, need, mentee, suggestions } = useLoaderData<typeof loader>();
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
                </tr>
              </thead>
              <tbody>
                {suggestions.map((s) => (
                  <tr key={s.code}>
                    <td>
                      {s.name} ({s.code})
                    </td>
                    <td>{formatNumber(s.score, i18n.language)}</td>
                    <td>{s.reasons.join("; ")}</td>
                    <td>
                      {s.distanceKm === null ? "—" : `${formatNumber(s.distanceKm, i18n.language, 0)} km`}
                    </td>
                    <td>
                      {s.zoneDifferenceHours === 0
                        ? t("pairings.sameZone")
                        : t("pairings.hours", { count: s.zoneDifferenceHours })}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )
        ) : null}
      </section>
      {/* a new search remounts the form, so it starts from the mentee and need just searched */}
      <PairingForm key={`${mentee}|${need}`} regions={regions} mentee={mentee} need={need} />
    </main>
  );
}

function PairingForm({
  regions,
  mentee,
  need,
}: {
  regions: { code: string; label: string }[];
  mentee: string;
  need: string;
}) {
  const { t } = useTranslation();
  const lastResult = useActionData<typeof action>();
  const [form, fields] = useForm({
    lastResult,
    defaultValue: {
      menteeRegionCode: mentee,
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
      <button type="submit" className="button primary">
        {t("pairings.create")}
      </button>
    </Form>
  );
}
