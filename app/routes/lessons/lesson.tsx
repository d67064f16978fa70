import {
  type ActionFunctionArgs,
  type LinksFunction,
  type LoaderFunctionArgs,
  type MetaFunction,
  data,
  redirect,
} from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { can } from "~/auth/permissions";
import { requireUser } from "~/auth/require-user.server";
import { getUser } from "~/auth/session.server";
import { LessonSections } from "~/components/lesson-sections";
import { FieldErrors, FormErrors } from "~/components/ui/form-field";
import { env } from "~/env.server";
import { fixedT, languageOfMatches } from "~/i18n/translate";
import { citeSchema } from "~/modules/lessons/lesson-schemas";
import { citationTargets, citeLesson } from "~/modules/lessons/citations.server";
import { getPublicLesson } from "~/modules/lessons/public.server";
import { LessonError } from "~/modules/lessons/working-copy.server";
import lessonStyles from "~/styles/lesson.css?url";
import { type IntentResult, defineIntent, runIntents } from "~/utils/form-action.server";
import { formatDay } from "~/utils/format";
import { invariantResponse } from "~/utils/invariant";
import { formatNumber } from "~/utils/numbers";
import { requireParam } from "~/utils/route-params";

export const handle = { hydrate: false, visitorScripts: false };
export const links: LinksFunction = () => [{ rel: "stylesheet", href: lessonStyles }];

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => {
  const t = fixedT(languageOfMatches(matches));
  if (!data) return [{ title: "Lintas" }];
  const { lesson, url, canonical } = data;
  if (lesson.withdrawn)
    return [
      { title: `${t("lessonReview.withdrawnTitle", { title: lesson.title })} · Lintas` },
      { name: "robots", content: "noindex" },
    ];
  const description = lesson.summary ?? t("lessonReview.defaultDescription");
  return [
    { title: `${lesson.title} · Lintas` },
    { name: "description", content: description },
    { tagName: "link", rel: "canonical", href: canonical },
    ...(lesson.isOlder ? [{ name: "robots", content: "noindex" }] : []),
    { property: "og:type", content: "article" },
    { property: "og:site_name", content: "Lintas" },
    { property: "og:locale", content: "id_ID" },
    { property: "og:title", content: lesson.title },
    { property: "og:description", content: description },
    { property: "og:url", content: url },
    ...(lesson.firstPublishedAt
      ? [{ property: "article:published_time", content: new Date(lesson.firstPublishedAt).toISOString() }]
      : []),
    ...(lesson.updatedAt
      ? [{ property: "article:modified_time", content: new Date(lesson.updatedAt).toISOString() }]
      : []),
    ...lesson.tags.map((tag) => ({ property: "article:tag", content: tag })),
    { name: "twitter:card", content: "summary" },
    {
      "script:ld+json": {
        "@context": "https://schema.org",
        "@type": "Article",
        headline: lesson.title,
        description,
        url: canonical,
        mainEntityOfPage: canonical,
        inLanguage: "id",
        version: String(lesson.version),
        datePublished: lesson.firstPublishedAt ? new Date(lesson.firstPublishedAt).toISOString() : undefined,
        dateModified: lesson.updatedAt ? new Date(lesson.updatedAt).toISOString() : undefined,
        keywords: lesson.tags.join(", "),
        about: lesson.sector ?? undefined,
        publisher: { "@type": "Organization", name: "Lintas" },
        ...(lesson.region ? { spatialCoverage: { "@type": "Place", name: lesson.region.name } } : {}),
      },
    },
  ];
};

// public: published lessons (and older published versions, ?versi=N); a withdrawn lesson says so with 410
export async function loader({ request, params }: LoaderFunctionArgs) {
  const slug = requireParam(params, "slug", "slug");
  const asked = new URL(request.url).searchParams.get("versi");
  const version = asked && /^\d{1,4}$/.test(asked) ? Number(asked) : undefined;
  const lesson = await getPublicLesson(slug, version);
  invariantResponse(lesson, "Not found", { status: 404 });
  const canonical = `${env.APP_URL}/pelajaran/${encodeURIComponent(slug)}`;
  if (lesson.withdrawn) return data({ lesson, url: canonical, canonical, cite: null }, { status: 410 });
  const user = await getUser(request);
  const mayCite =
    user && (can(user.memberships, "pairing:update") || can(user.memberships, "project:update"));
  return {
    lesson,
    url: lesson.isOlder ? `${canonical}?versi=${lesson.version}` : canonical,
    canonical,
    cite: user
      ? {
          signedIn: true,
          allowed: Boolean(mayCite),
          targets: mayCite ? await citationTargets(user, slug) : [],
        }
      : { signedIn: false, allowed: false, targets: [] },
  };
}

// signed in with pairing:update or project:update: "we learned from this lesson" for one of theirs
export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireUser(request);
  if (!can(user.memberships, "pairing:update") && !can(user.memberships, "project:update"))
    throw new Response("Forbidden", { status: 403 });
  const slug = requireParam(params, "slug", "slug");
  return runIntents(
    await request.formData(),
    {
      cite: defineIntent(citeSchema, async (citation) => {
        await citeLesson({ user }, slug, citation);
        return redirect(`/pelajaran/${encodeURIComponent(slug)}?dikutip=1#dipelajari`);
      }),
    },
    {
      defaultIntent: "cite",
      // the lesson's own refusals name their message and, when they belong to one, the field
      refuse: (error) => (error instanceof LessonError ? { key: error.key, field: error.field } : undefined),
    },
  );
}

export default function LessonPage() {
  const { t, i18n } = useTranslation();
  const { lesson, canonical } = useLoaderData<typeof loader>();
  if (lesson.withdrawn) {
    return (
      <main className="narrow lesson-page">
        <p className="muted">
          <Link to="/katalog">{t("catalog.title")}</Link>
        </p>
        <h1>{t("lessonReview.withdrawnTitle", { title: lesson.title })}</h1>
        <p>{t("lessonReview.withdrawnOn", { date: formatDay(lesson.at, i18n.language, lesson.timeZone) })}</p>
        {lesson.reason ? (
          <p>
            <strong>{t("lessonReview.withdrawnReason")}:</strong> {lesson.reason}
          </p>
        ) : null}
      </main>
    );
  }
  const zone = lesson.region?.timeZone ?? "Asia/Jakarta";
  const day = (value: string | Date | null) => formatDay(value, i18n.language, zone);
  return (
    <main className="narrow lesson-page">
      <nav aria-label={t("lessonReview.breadcrumb")}>
        <p className="muted">
          <Link to="/katalog">{t("catalog.title")}</Link>
        </p>
      </nav>
      <article>
        <h1>{lesson.title}</h1>
        <p className="lesson-meta">
          {lesson.pairing ? (
            <>
              <Link to={`/wilayah/${lesson.pairing.mentorRegion.code}`}>
                {lesson.pairing.mentorRegion.name}
              </Link>
              {" → "}
              <Link to={`/wilayah/${lesson.pairing.menteeRegion.code}`}>
                {lesson.pairing.menteeRegion.name}
              </Link>
              {" · "}
            </>
          ) : null}
          {lesson.version > 1
            ? t("lessonReview.versionLine", { version: lesson.version, date: day(lesson.publishedAt) })
            : lesson.publishedAt
              ? t("catalog.publishedOn", { date: day(lesson.publishedAt) })
              : null}
          {lesson.session
            ? ` · ${t("lessonReview.fromSession", { title: lesson.session.title, date: day(lesson.session.startsAt) })}`
            : null}
        </p>
        {lesson.isOlder ? (
          <p className="lesson-version-note" role="note">
            {t("lessonReview.olderVersion", { version: lesson.version, current: lesson.currentVersion })}{" "}
            <Link to={`/pelajaran/${lesson.slug}`}>{t("lessonReview.readCurrent")}</Link>
          </p>
        ) : null}
        {lesson.summary ? <p className="lead">{lesson.summary}</p> : null}
        <p className="lesson-reuse">
          {t("lessonReview.reuseCount", {
            count: lesson.reuseCount,
            formatted: formatNumber(lesson.reuseCount, i18n.language),
          })}
        </p>
        <LessonSections sections={lesson.sections} />
        {lesson.html ? (
          <section aria-labelledby="lesson-notes">
            <h2 id="lesson-notes">{t("lessonTemplate.fullText")}</h2>
            {/* rendered on the server from the editor's own schema; text is escaped and links filtered */}
            <div className="prose rich-text" dangerouslySetInnerHTML={{ __html: lesson.html }} />
          </section>
        ) : null}
        {lesson.tags.length > 0 || lesson.sector || lesson.sections.spmField ? (
          <p>
            {t("lessonTemplate.fields.tags")}:{" "}
            {[
              lesson.sector,
              lesson.sections.spmField ? t(`spm.${lesson.sections.spmField}`) : null,
              ...lesson.tags,
            ]
              .filter(Boolean)
              .join(" · ")}
          </p>
        ) : null}
        {lesson.practices.length > 0 ? (
          <p>
            {t("catalog.practice")}:{" "}
            {lesson.practices.map((p) => (
              <Link key={p.slug} to={`/katalog/${p.slug}`}>
                {p.name}
              </Link>
            ))}
          </p>
        ) : null}
        <p className="lesson-print-url">{canonical}</p>
      </article>
      <LearnedBy />
      {lesson.olderVersions.length > 0 ? (
        <section aria-labelledby="versions-heading" className="lesson-versions">
          <h2 id="versions-heading">{t("lessonReview.versionsHeading")}</h2>
          <ul>
            {lesson.olderVersions.map((v) => (
              <li key={v.version}>
                <Link to={`/pelajaran/${lesson.slug}?versi=${v.version}`}>
                  {t("lessonReview.versionN", { version: v.version })}
                </Link>{" "}
                · {day(v.publishedAt)}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </main>
  );
}

function LearnedBy() {
  const { t, i18n } = useTranslation();
  const { lesson, cite } = useLoaderData<typeof loader>();
  const actionData = useActionData<IntentResult>();
  const errors = actionData?.result?.error;
  const [search] = useSearchParams();
  if (lesson.withdrawn || !cite) return null;
  return (
    <section aria-labelledby="dipelajari" className="card">
      <h2 id="dipelajari">{t("lessonReview.learnedBy")}</h2>
      {search.has("dikutip") ? (
        <p role="status" className="notice">
          {t("lessonReview.cited")}
        </p>
      ) : null}
      {lesson.learnedBy.length === 0 ? (
        <p className="muted">{t("lessonReview.noReuse")}</p>
      ) : (
        <ul>
          {lesson.learnedBy.map((c) => (
            <li key={c.id}>
              {c.region ?? "—"} · {t(`lessonReview.kind.${c.kind}`)} ·{" "}
              {formatDay(c.at, i18n.language, lesson.region?.timeZone ?? "Asia/Jakarta")}
              {c.note ? ` — ${c.note}` : ""}
            </li>
          ))}
        </ul>
      )}
      {!lesson.isOlder && cite.allowed ? (
        cite.targets.length === 0 ? (
          <p className="muted">{t("lessonReview.nothingToCite")}</p>
        ) : (
          <Form method="post" className="lesson-cite">
            <FormErrors
              errors={actionData && !actionData.result ? ["errors.choice"] : (errors?.[""] ?? undefined)}
            />
            <div className="field">
              <label htmlFor="cite-target">{t("lessonReview.citeTarget")}</label>
              <select id="cite-target" name="target" required>
                {cite.targets.map((target) => (
                  <option key={target.value} value={target.value}>
                    {t(`lessonReview.kind.${target.kind}`)}: {target.label}
                  </option>
                ))}
              </select>
              <FieldErrors errors={errors?.target?.map((key) => t(key))} />
            </div>
            <div className="field">
              <label htmlFor="cite-note">{t("lessonReview.citeNote")}</label>
              <input id="cite-note" name="note" maxLength={500} />
              <FieldErrors errors={errors?.note?.map((key) => t(key))} />
            </div>
            <button type="submit" className="button">
              {t("lessonReview.cite")}
            </button>
          </Form>
        )
      ) : null}
      {!cite.signedIn && !lesson.isOlder ? (
        <p className="lesson-cite">
          <Link to={`/masuk?redirectTo=${encodeURIComponent(`/pelajaran/${lesson.slug}`)}`}>
            {t("lessonReview.signInToCite")}
          </Link>
        </p>
      ) : null}
    </section>
  );
}

export { RouteErrorBoundary as ErrorBoundary } from "~/components/route-error-boundary";
