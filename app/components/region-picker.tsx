// Region picker for 552 entries: a text field with a native datalist (type-ahead by name or
// code, keyboard accessible, no JavaScript needed); the server reads the leading code.
import { getInputProps } from "@conform-to/react";
import { useTranslation } from "react-i18next";
import { type AnyField, FieldErrors } from "~/components/ui/form-field";

export function RegionPicker({
  field,
  label,
  regions,
}: {
  field: AnyField;
  label: string;
  regions: { code: string; label: string }[];
}) {
  const { t } = useTranslation();
  const listId = `${field.id}-regions`;
  const hintId = `${field.id}-hint`;
  return (
    <div className="field">
      <label htmlFor={field.id}>{label}</label>
      <p className="field-hint" id={hintId}>
        {t("regions.pickerHint")}
      </p>
      <input
        {...getInputProps(field, { type: "text", ariaDescribedBy: hintId })}
        key={field.key}
        list={listId}
        autoComplete="off"
      />
      <datalist id={listId}>
        {regions.map((region) => (
          <option key={region.code} value={`${region.code} ${region.label}`} />
        ))}
      </datalist>
      <FieldErrors id={field.errorId} errors={field.errors?.map((key) => t(key))} />
    </div>
  );
}
