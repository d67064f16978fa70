import {
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
  type MetaFunction,
  redirect,
} from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { z } from "zod";
import { can } from "~/auth/permissions";
import { requireUser } from "~/auth/require-user.server";
import { getUser } from "~/auth/session.server";
import { hitRateLimit } from "~/models/rate-limit.server";
import { PairingRuleError, requestToLearn } from "~/models/pairing.server";
import { useTranslation } from "react-i18next";
import { IndicatorChart } from "~/components/indicator-chart";
import { getPublishedPractice } from "~/models/catalog.server";
import { invariantResponse } from "~/utils/invariant";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `${data.practice.name} · Lintas` : "Lintas" },
];

export const handle = { hydrate: false };

// public: published practices only
export async function loader({ request, params }: LoaderFunctionArgs) {
  const practice = await getPublishedPractice(params.slug ?? "");
  invariantResponse(practice, "Not found", { status: 404 });
  const user = await getUser(request);
  return {
    practice,
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

// signed in: anyone with a region may ask to learn; it becomes a proposed pairing for the PMU
export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const limit = await hitRateLimit(`ask-to-learn:${user.id}`, 60 * 60_000);
  if (limit.count > 10) return Response.json({ errors: ["auth.rateLimited"] }, { status: 429 });
  const parsed = requestSchema.safeParse(Object.fromEntries(await request.formData()));
  if (!parsed.success)
    return Response.json({ errors: parsed.error.issues.map((i) => i.message) }, { status: 400 });
  try {
    await requestToLearn({ user }, params.slug ?? "", parsed.data.message);
  } catch (error) {
    if (error instanceof PairingRuleError) return Response.json({ errors: [error.key] }, { status: 400 });
    throw error;
  }
  return redirect(`/katalog/${params.slug}?diminta=1`);
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

function AskToLearn() {
  const { t } = useTranslation();
  const { practice, viewer } = useLoaderData<typeof loader>();
  const result = useActionData<{ errors?: string[] }>();
  const [params] = useSearchParams();
  if (params.has("diminta")) return null;
  return (
    <section aria-labelledby="ask-heading" className="card">
      <h2 id="ask-heading">{t("catalog.askToLearn")}</h2>
      {!viewer.signedIn ? (
        <p>
          <Link to={`/masuk?redirectTo=${encodeURIComponent(`/katalog/${practice.slug}`)}`}>
            {t("catalog.signInToAsk")}
          </Link>
        </p>
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
          {result?.errors ? (
            <div className="form-errors" role="alert">
              {result.errors.map((key) => (
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
  const { t } = useTranslation();
  const { practice } = useLoaderData<typeof loader>();
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
      </p>
      {practice.summary ? <p className="lead">{practice.summary}</p> : null}
      {(["problem", "solution", "results", "cost"] as const).map((key) =>
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
                <Link to={`/wilayah/${r.region.code}`}>{r.region.name}</Link>: {r.status}
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
      <AskToLearn />
    </main>
  );
}
