// Region picker for 552 entries: a text field with a native datalist (type-ahead by name or
// code, keyboard accessible, no JavaScript needed). The server reads the leading code of a picked
// entry or resolves a typed name (resolveRegionInput in region.server.ts).
import { getInputProps } from "@conform-to/react";
import type { TFunction } from "i18next";
import { useTranslation } from "react-i18next";
import { type AnyField, FieldErrors } from "~/components/ui/form-field";
import { intlLocale } from "~/i18n/config";

/**
 * A region field's error in words: an i18n key, or a key with the choices of an ambiguous name
 * ("errors.regionAmbiguous|Kab. Blitar (35.05)|Kota Blitar (35.72)"), joined with "atau"/"or".
 */
export function regionErrorText(t: TFunction, language: string, error: string) {
  const [key, ...choices] = error.split("|");
  if (choices.length === 0) return t(key);
  const list = new Intl.ListFormat(intlLocale(language), { type: "disjunction" });
  return t(key, { choices: list.format(choices) });
}

export function RegionPicker({
  field,
  label,
  regions,
}: {
  field: AnyField;
  label: string;
  regions: { code: string; label: string }[];
}) {
  const { t, i18n } = useTranslation();
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
      <FieldErrors
        id={field.errorId}
        errors={field.errors?.map((error) => regionErrorText(t, i18n.language, error))}
      />
    </div>
  );
}
