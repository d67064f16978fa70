import { getFormProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod";
import {
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
  type MetaFunction,
  redirect,
} from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { z } from "zod";
import { can } from "~/auth/permissions";
import { getUser } from "~/auth/session.server";
import { env } from "~/env.server";
import { hitRateLimit } from "~/modules/accounts/rate-limit.server";
import { PairingRuleError } from "~/modules/pairings/pairing-status";
import { useTranslation } from "react-i18next";
import { IndicatorChart } from "~/components/indicator-chart";
import { RegionPicker } from "~/components/region-picker";
import { FormErrors, FormField, TextareaField } from "~/components/ui/form-field";
import { SafeLink } from "~/components/ui/safe-link";
import { getPublishedPractice } from "~/modules/catalogue/catalog.server";
import { similarPractices, similarPracticesInProvince } from "~/modules/catalogue/similar.server";
import { CONTENT_LICENCE } from "~/utils/licence";
import { requestToLearnAsVisitor, requestToLearn } from "~/modules/pairings/learn-request.server";
import { visitorRequestSchema } from "~/modules/catalogue/practice-schemas";
import { OutOfScopeError } from "~/errors";
import { listRegionsForPicker, resolveRegionFields } from "~/modules/regions/region.server";
import { formatDay } from "~/utils/format";
import { invariantResponse } from "~/utils/invariant";
import { type IntentResult, defineIntent, refused, runIntents } from "~/utils/form-action.server";
import { clientIpOf } from "~/utils/request.server";
import { requireParam } from "~/utils/route-params";

export const meta: MetaFunction<typeof loader> = ({ data }) =>
  data
    ? [
        { title: `${data.practice.name} · Lintas` },
        ...(data.practice.summary ? [{ name: "description", content: data.practice.summary }] : []),
        { tagName: "link", rel: "canonical", href: data.jsonLd.url },
        { "script:ld+json": data.jsonLd },
      ]
    : [{ title: "Lintas" }];

export const handle = { hydrate: false, visitorScripts: false };

/** Requests a visitor (one address) may leave per hour, as the signed-in limit. */
const VISITOR_LIMIT = 10;

// public: published practices only
export async function loader({ request, params }: LoaderFunctionArgs) {
  const practice = await getPublishedPractice(requireParam(params, "slug", "slug"));
  invariantResponse(practice, "Not found", { status: 404 });
  const user = await getUser(request);
  const visitorForm = !user && new URL(request.url).searchParams.has("minta");
  const url = `${env.APP_URL}/katalog/${practice.slug}`;
  const similar = await similarPractices(practice);
  return {
    practice,
    similar,
    // "in your province" when the viewer has a region, else the practice's own province
    inProvince: await similarPracticesInProvince(practice, {
      viewerRegionCode: user?.regionCode,
      exclude: similar.map((p) => p.id),
    }),
    // the 552 regions only when a visitor opens the request form: the page stays light
    regions: visitorForm ? await listRegionsForPicker() : [],
    jsonLd: {
      "@context": "https://schema.org",
      "@type": "CreativeWork",
      "@id": url,
      url,
      name: practice.name,
      description: practice.summary ?? undefined,
      keywords: practice.tags.join(", ") || undefined,
      about: practice.sector ?? undefined,
      inLanguage: "id",
      datePublished: practice.publishedAt?.toISOString(),
      dateModified: practice.updatedAt.toISOString(),
      license: CONTENT_LICENCE.url,
      spatialCoverage: { "@type": "AdministrativeArea", name: practice.region.name },
      creator: {
        "@type": "GovernmentOrganization",
        name: practice.organisation
          ? `${practice.organisation.name}, ${practice.region.name}`
          : practice.region.name,
      },
      isPartOf: { "@type": "DataCatalog", name: "Lintas", url: `${env.APP_URL}/katalog` },
    },
    viewer: user
      ? {
          signedIn: true,
          hasRegion: Boolean(user.regionCode),
          facilitator: can(user.memberships, "pairing:create"),
        }
      : { signedIn: false, hasRegion: false, facilitator: false },
  };
}

const requestSchema = z.object({
  message: z.string().trim().min(10, "errors.tooShort").max(2000, "errors.tooLong"),
});

// signed in: anyone with a region may ask to learn; it becomes a proposed pairing for the PMU.
// anonymous: a visitor's request (name, region, email, need), the same proposed pairing.
// Neither form names an intent: who asks decides which one it is.
export async function action({ request, params, context }: ActionFunctionArgs) {
  const slug = requireParam(params, "slug", "slug");
  const user = await getUser(request);
  const formData = await request.formData();
  if (!user)
    return runIntents(
      formData,
      { visitor: visitorIntent(slug, clientIpOf(context)) },
      { defaultIntent: "visitor" },
    );
  // every post counts towards the hourly limit, a malformed one too
  const limit = await hitRateLimit(`ask-to-learn:${user.id}`, 60 * 60_000);
  return runIntents(
    formData,
    {
      ask: defineIntent(requestSchema, async ({ message }) => {
        if (limit.count > 10) return refused({ "": ["auth.rateLimited"] }, 429);
        // a pairing rule's refusal (PairingRuleError) answers on the form, as every RuleError
        await requestToLearn({ user }, slug, message);
        return redirect(`/katalog/${slug}?diminta=1`);
      }),
    },
    { defaultIntent: "ask" },
  );
}

function visitorIntent(slug: string, ip: string) {
  return defineIntent(
    visitorRequestSchema,
    async (value) => {
      const input = await resolveRegionFields(value, ["regionCode"]);
      if (!input.value) return refused(input.fieldErrors);
      const limit = await hitRateLimit(`ask-to-learn:ip:${ip}`, 60 * 60_000);
      if (limit.count > VISITOR_LIMIT) return refused({ "": ["auth.rateLimited"] }, 429);
      try {
        await requestToLearnAsVisitor(slug, input.value);
      } catch (error) {
        if (error instanceof OutOfScopeError) throw new Response("Not found", { status: 404 });
        throw error;
      }
      return redirect(`/katalog/${slug}?diminta=1`);
    },
    {
      // the region the visitor named is refused next to it; other pairing rules on the form
      refuse: (error) =>
        error instanceof PairingRuleError &&
        (error.key === "pairings.errors.sameRegion" || error.key === "errors.regionUnknown")
          ? { key: error.key, field: "regionCode" }
          : undefined,
    },
  );
}

/** The signed-in form's errors, its field's and its own, in one list above it. */
function askErrors(actionData: IntentResult | undefined) {
  if (actionData?.intent !== "ask") return undefined;
  const errors = Object.values(actionData.result?.error ?? {}).flatMap((keys) => keys ?? []);
  return errors.length > 0 ? [...new Set(errors)] : ["errors.choice"];
}

function RequestSent() {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  return params.has("diminta") ? (
    <p role="status" className="notice">
      {t("catalog.requestSent")}
    </p>
  ) : null;
}

function VisitorRequestForm() {
  const { t } = useTranslation();
  const { regions } = useLoaderData<typeof loader>();
  const actionData = useActionData<IntentResult>();
  const [form, fields] = useForm({
    id: "visitor-request",
    lastResult: actionData?.intent === "visitor" ? actionData.result : undefined,
    onValidate: ({ formData }) => parseWithZod(formData, { schema: visitorRequestSchema }),
    shouldValidate: "onBlur",
    shouldRevalidate: "onInput",
  });
  return (
    <Form method="post" {...getFormProps(form)}>
      <p>{t("catalog.visitor.intro")}</p>
      <FormErrors id={form.errorId} errors={form.errors} />
      <FormField field={fields.name} label={t("catalog.visitor.name")} autoComplete="name" />
      <RegionPicker field={fields.regionCode} label={t("catalog.visitor.region")} regions={regions} />
      <FormField field={fields.email} label={t("catalog.visitor.email")} type="email" autoComplete="email" />
      <TextareaField field={fields.need} label={t("catalog.visitor.need")} rows={3} />
      <button type="submit" className="button primary">
        {t("catalog.sendRequest")}
      </button>
    </Form>
  );
}

function AskToLearn() {
  const { t } = useTranslation();
  const { practice, viewer, regions } = useLoaderData<typeof loader>();
  const actionData = useActionData<IntentResult>();
  const errors = askErrors(actionData);
  const [params] = useSearchParams();
  if (params.has("diminta")) return null;
  return (
    <section aria-labelledby="ask-heading" className="card" id="minta">
      <h2 id="ask-heading">{t("catalog.askToLearn")}</h2>
      {!viewer.signedIn ? (
        <>
          <p>
            <Link to={`/masuk?redirectTo=${encodeURIComponent(`/katalog/${practice.slug}`)}`}>
              {t("catalog.signInToAsk")}
            </Link>
          </p>
          {regions.length > 0 || actionData?.intent === "visitor" ? (
            <VisitorRequestForm />
          ) : (
            <p>
              <Link to={`/katalog/${practice.slug}?minta=1#minta`}>{t("catalog.visitor.open")}</Link>
            </p>
          )}
        </>
      ) : viewer.facilitator ? (
        <p>
          <Link to={`/pasangan/baru?kebutuhan=${encodeURIComponent(practice.name)}`} className="button">
            {t("pairings.new")}
          </Link>
        </p>
      ) : !viewer.hasRegion ? (
        <p>{t("pairings.errors.noRegion")}</p>
      ) : (
        <Form method="post">
          {errors ? (
            <div className="form-errors" role="alert">
              {errors.map((key) => (
                <p key={key}>{t(key)}</p>
              ))}
            </div>
          ) : null}
          <label htmlFor="ask-message">{t("catalog.askMessage")}</label>
          <textarea id="ask-message" name="message" rows={3} required minLength={10} />
          <button type="submit" className="button primary">
            {t("catalog.sendRequest")}
          </button>
        </Form>
      )}
    </section>
  );
}

export default function PracticePage() {
  const { t, i18n } = useTranslation();
  const { practice, similar, inProvince } = useLoaderData<typeof loader>();
  const iid = (
    [
      ["innovationForm", practice.innovationForm],
      ["innovationType", practice.innovationType],
      ["innovationInitiator", practice.innovationInitiator],
      ["innovationStage", practice.innovationStage],
    ] as const
  ).filter(([, value]) => value);
  return (
    <main>
      <p className="muted">
        <Link to="/katalog">{t("catalog.title")}</Link>
      </p>
      <h1>{practice.name}</h1>
      <RequestSent />
      <p>
        <Link to={`/wilayah/${practice.region.code}`}>{practice.region.name}</Link>
        {practice.organisation ? ` · ${practice.organisation.name}` : ""} ·{" "}
        {t(`catalog.maturity.${practice.maturity}`)}
        {practice.startedYear ? ` · ${t("catalog.since", { year: practice.startedYear })}` : ""}
        {practice.replicatedCount > 0
          ? ` · ${t("catalog.replicatedBy", { count: practice.replicatedCount })}`
          : ""}
      </p>
      {practice.summary ? <p className="lead">{practice.summary}</p> : null}
      {(["problem", "solution", "results", "cost", "resources"] as const).map((key) =>
        practice[key] ? (
          <section key={key}>
            <h2>{t(`catalog.fields.${key}`)}</h2>
            <p className="prose">{practice[key]}</p>
          </section>
        ) : null,
      )}
      {practice.project?.indicators.length ? (
        <section>
          <h2>{t("projects.tab.indicators")}</h2>
          {practice.project.indicators.map((i) => (
            <IndicatorChart key={i.id} indicator={i} />
          ))}
        </section>
      ) : null}
      {iid.length > 0 || practice.governmentAffair || practice.evidenceUrl ? (
        <section aria-labelledby="iid-heading">
          <h2 id="iid-heading">{t("catalog.iid")}</h2>
          <dl className="facts">
            {iid.map(([key, value]) => (
              <div key={key}>
                <dt>{t(`curation.fields.${key}`)}</dt>
                <dd>{t(`curation.${key}.${value}`)}</dd>
              </div>
            ))}
            {practice.governmentAffair ? (
              <div>
                <dt>{t("curation.fields.governmentAffair")}</dt>
                <dd>{practice.governmentAffair}</dd>
              </div>
            ) : null}
            {practice.evidenceUrl ? (
              <div>
                <dt>{t("curation.fields.evidenceUrl")}</dt>
                <dd>
                  <SafeLink href={practice.evidenceUrl} rel="nofollow noopener">
                    {practice.evidenceUrl}
                  </SafeLink>
                </dd>
              </div>
            ) : null}
          </dl>
        </section>
      ) : null}
      {practice.mediaUrl ? (
        <p>
          <SafeLink href={practice.mediaUrl} rel="nofollow noopener">
            {t("catalog.media")}
          </SafeLink>
        </p>
      ) : null}
      {practice.lessons.length > 0 ? (
        <section>
          <h2>{t("catalog.lessons")}</h2>
          <ul>
            {practice.lessons.map((l) => (
              <li key={l.slug}>
                <Link to={`/pelajaran/${l.slug}`}>{l.title}</Link>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      {practice.replications.length > 0 ? (
        <section>
          <h2>{t("catalog.replications")}</h2>
          <ul>
            {practice.replications.map((r) => (
              <li key={r.id}>
                <Link to={`/wilayah/${r.region.code}`}>{r.region.name}</Link>:{" "}
                {t(`catalog.replicationStatus.${r.statusKey}`)}
                {r.results ? ` · ${r.results}` : ""}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      {practice.contactName ? (
        <p>
          {t("catalog.contact")}: {practice.contactName}
        </p>
      ) : null}
      <p className="muted">
        {t("catalog.lastUpdated", {
          date: formatDay(practice.updatedAt, i18n.language, practice.region.timeZone),
        })}{" "}
        · <a href={CONTENT_LICENCE.url}>{t("catalog.licence")}</a>
      </p>
      <AskToLearn />
      {similar.length > 0 ? (
        <section aria-labelledby="similar-heading">
          <h2 id="similar-heading">{t("catalog.similar")}</h2>
          <ul>
            {similar.map((p) => (
              <li key={p.slug}>
                <Link to={`/katalog/${p.slug}`}>{p.name}</Link>{" "}
                <span className="muted">
                  · {p.region.name} · {t(`catalog.maturity.${p.maturity}`)}
                </span>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      {inProvince ? (
        <section aria-labelledby="in-province-heading">
          <h2 id="in-province-heading">
            {t(`catalog.inProvince.${inProvince.basis}`, { province: inProvince.province.name })}
          </h2>
          {inProvince.practices.length > 0 ? (
            <ul>
              {inProvince.practices.map((p) => (
                <li key={p.slug}>
                  <Link to={`/katalog/${p.slug}`}>{p.name}</Link>{" "}
                  <span className="muted">
                    · {p.region.name} · {t(`catalog.maturity.${p.maturity}`)}
                  </span>
                </li>
              ))}
            </ul>
          ) : (
            <p className="muted">
              {t("catalog.inProvince.none")}{" "}
              <Link to={`/katalog?provinsi=${inProvince.province.code}`}>
                {t("catalog.inProvince.browse", { province: inProvince.province.name })}
              </Link>
            </p>
          )}
        </section>
      ) : null}
    </main>
  );
}

export { RouteErrorBoundary as ErrorBoundary } from "~/components/route-error-boundary";
