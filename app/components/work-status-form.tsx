// A one-field form to change the work status of an assignment, a commitment or the like.
import { Form } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { WORK_STATUSES } from "~/modules/projects/project-schemas";

export function WorkStatusForm({
  intent,
  idName,
  id,
  status,
}: {
  intent: string;
  idName: string;
  id: string;
  status: string;
}) {
  const { t } = useTranslation();
  const selectId = `${intent}-${id}`;
  return (
    <Form method="post" className="inline-form">
      <input type="hidden" name="intent" value={intent} />
      <input type="hidden" name={idName} value={id} />
      <label className="visually-hidden" htmlFor={selectId}>
        {t("admin.status")}
      </label>
      <select id={selectId} name="status" defaultValue={status}>
        {WORK_STATUSES.map((s) => (
          <option key={s} value={s}>
            {t(`projects.workStatus.${s}`)}
          </option>
        ))}
      </select>
      <button type="submit" className="button small">
        {t("common.save")}
      </button>
    </Form>
  );
}
