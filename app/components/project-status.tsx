import { useTranslation } from "react-i18next";

export function StatusBadge({ status }: { status: string }) {
  const { t } = useTranslation();
  return <span className={`badge status-${status.toLowerCase()}`}>{t(`projects.status.${status}`)}</span>;
}

/** The launch path as steps, the current one marked (readable without colour: text and aria-current). */
export function StatusSteps({ status }: { status: string }) {
  const { t } = useTranslation();
  const steps = ["DRAFT", "PROPOSED", "APPROVED", "PILOTING", "LAUNCHED", "IMPLEMENTED", "SUSTAINED"];
  const current = steps.indexOf(status);
  return (
    <ol className="status-steps" aria-label={t("projects.statusPath")}>
      {steps.map((step, index) => (
        <li
          key={step}
          className={index < current ? "done" : index === current ? "current" : ""}
          aria-current={index === current ? "step" : undefined}
        >
          {index < current ? "✓ " : ""}
          {t(`projects.status.${step}`)}
        </li>
      ))}
    </ol>
  );
}
