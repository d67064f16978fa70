// The period form of the printable reports (GET, works without JavaScript) and the print hint.
import { Form } from "@remix-run/react";
import { useTranslation } from "react-i18next";

export function ReportPeriodForm({ fromDay, toDay }: { fromDay: string; toDay: string }) {
  const { t } = useTranslation();
  return (
    <>
      <Form method="get" className="inline-fields" aria-label={t("reports.period")}>
        <div className="field">
          <label htmlFor="from">{t("reports.from")}</label>
          <input id="from" name="from" type="date" defaultValue={fromDay} />
        </div>
        <div className="field">
          <label htmlFor="to">{t("reports.to")}</label>
          <input id="to" name="to" type="date" defaultValue={toDay} />
        </div>
        <button type="submit" className="button">
          {t("reports.show")}
        </button>
      </Form>
      <p className="muted actions">{t("reports.printHint")}</p>
    </>
  );
}
