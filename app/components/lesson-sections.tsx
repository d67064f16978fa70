// The lessons-learned template's fields as text: React escapes every string, so nothing typed in a
// field can become markup. Used by the public page and the draft's preview.
import { useTranslation } from "react-i18next";
import type { LessonSections as Sections } from "~/modules/lessons/lesson-schemas";

function Paragraphs({ text }: { text: string }) {
  return (
    <>
      {text
        .split(/\n+/)
        .map((line) => line.trim())
        .filter(Boolean)
        .map((line, i) => (
          <p key={i}>{line}</p>
        ))}
    </>
  );
}

export function LessonSections({ sections }: { sections: Sections }) {
  const { t } = useTranslation();
  const needs = (["policy", "budget", "people", "time"] as const).filter((key) => sections.needs[key]);
  return (
    <div className="lesson-sections">
      {sections.context ? (
        <section aria-labelledby="ls-context">
          <h2 id="ls-context">{t("lessonTemplate.fields.context")}</h2>
          <Paragraphs text={sections.context} />
        </section>
      ) : null}
      {sections.mentorSteps.length > 0 ? (
        <section aria-labelledby="ls-steps">
          <h2 id="ls-steps">{t("lessonTemplate.fields.mentorSteps")}</h2>
          <ol className="lesson-steps">
            {sections.mentorSteps.map((step, i) => (
              <li key={i}>
                {step.when ? <strong className="lesson-step-when">{step.when}</strong> : null} {step.what}
              </li>
            ))}
          </ol>
        </section>
      ) : null}
      {sections.results || sections.indicators.length > 0 ? (
        <section aria-labelledby="ls-results">
          <h2 id="ls-results">{t("lessonTemplate.fields.results")}</h2>
          <Paragraphs text={sections.results} />
          {sections.indicators.length > 0 ? (
            <table>
              <caption>{t("lessonTemplate.fields.indicators")}</caption>
              <thead>
                <tr>
                  <th scope="col">{t("lessonTemplate.indicator")}</th>
                  <th scope="col">{t("lessonTemplate.value")}</th>
                </tr>
              </thead>
              <tbody>
                {sections.indicators.map((indicator, i) => (
                  <tr key={i}>
                    <td>{indicator.name}</td>
                    <td>{indicator.value || "—"}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          ) : null}
        </section>
      ) : null}
      {sections.successFactors.length > 0 ? (
        <section aria-labelledby="ls-factors">
          <h2 id="ls-factors">
            {t("lessonTemplate.fields.successFactors")} ({sections.successFactors.length})
          </h2>
          <ol>
            {sections.successFactors.map((factor, i) => (
              <li key={i}>{factor}</li>
            ))}
          </ol>
        </section>
      ) : null}
      {sections.obstacles ? (
        <section aria-labelledby="ls-obstacles">
          <h2 id="ls-obstacles">{t("lessonTemplate.fields.obstacles")}</h2>
          <Paragraphs text={sections.obstacles} />
        </section>
      ) : null}
      {needs.length > 0 ? (
        <section aria-labelledby="ls-needs">
          <h2 id="ls-needs">{t("lessonTemplate.fields.needs")}</h2>
          <dl className="lesson-needs">
            {needs.map((key) => (
              <div key={key}>
                <dt>{t(`lessonTemplate.needs.${key}`)}</dt>
                <dd>
                  <Paragraphs text={sections.needs[key]} />
                </dd>
              </div>
            ))}
          </dl>
        </section>
      ) : null}
      {sections.replicationSteps.length > 0 ? (
        <section aria-labelledby="ls-replicate">
          <h2 id="ls-replicate">{t("lessonTemplate.fields.replicationSteps")}</h2>
          <ol>
            {sections.replicationSteps.map((step, i) => (
              <li key={i}>{step}</li>
            ))}
          </ol>
        </section>
      ) : null}
      {sections.contacts ? (
        <section aria-labelledby="ls-contacts">
          <h2 id="ls-contacts">{t("lessonTemplate.fields.contacts")}</h2>
          <Paragraphs text={sections.contacts} />
        </section>
      ) : null}
    </div>
  );
}
