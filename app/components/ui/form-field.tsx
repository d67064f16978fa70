// A labelled input with its error message right beside it (keys translated here).
import type { FieldMetadata } from "@conform-to/react";
import { getInputProps, getSelectProps, getTextareaProps } from "@conform-to/react";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { formatNumber, parseDecimal } from "~/utils/numbers";

// Any field of any form: the components only read its name, id, errors and initial value.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyField = FieldMetadata<any, any, string[]>;

type InputType =
  | "text"
  | "email"
  | "password"
  | "tel"
  | "date"
  | "datetime-local"
  | "number"
  | "url"
  | "search";

export function FormField({
  field,
  label,
  type = "text",
  hint,
  autoComplete,
  inputMode,
}: {
  field: AnyField;
  label: string;
  type?: InputType;
  hint?: string;
  autoComplete?: string;
  inputMode?: React.HTMLAttributes<HTMLInputElement>["inputMode"];
}) {
  const hintId = hint ? `${field.id}-hint` : undefined;
  return (
    <FieldShell field={field} label={label} hint={hint} hintId={hintId}>
      <input
        {...getInputProps(field, { type, ariaDescribedBy: hintId })}
        key={field.key}
        autoComplete={autoComplete}
        inputMode={inputMode}
      />
    </FieldShell>
  );
}

/**
 * A decimal typed as the page's language writes it ("1,22", "1.339,15"; "1.22" in English): a
 * text input, since a number input drops the Indonesian comma. While typing, an ambiguous value
 * ("1.339") is echoed back as it will be read, before anything is saved.
 */
export function DecimalField({ field, label, hint }: { field: AnyField; label: string; hint?: string }) {
  const { t, i18n } = useTranslation();
  const [readAs, setReadAs] = useState<string | undefined>();
  const hintId = `${field.id}-hint`;
  const readAsId = `${field.id}-read-as`;
  return (
    <FieldShell field={field} label={label} hint={hint ?? t("numbers.decimalHint")} hintId={hintId}>
      <input
        {...getInputProps(field, { type: "text", ariaDescribedBy: `${hintId} ${readAsId}` })}
        key={field.key}
        inputMode="decimal"
        autoComplete="off"
        onInput={(event) => {
          const parsed = parseDecimal(event.currentTarget.value, i18n.language);
          if (!parsed.ok || !parsed.ambiguous) return setReadAs(undefined);
          const shown = formatNumber(parsed.value, i18n.language, { maximumFractionDigits: 6 });
          setReadAs(
            Number.isInteger(parsed.value)
              ? t("numbers.readAsThousands", { value: shown })
              : t("numbers.readAsDecimal", { value: shown }),
          );
        }}
      />
      <output id={readAsId} htmlFor={field.id} className="field-hint" aria-live="polite">
        {readAs}
      </output>
    </FieldShell>
  );
}

/** Label, optional hint and the field's errors around one control. */
function FieldShell({
  field,
  label,
  hint,
  hintId,
  children,
}: {
  field: AnyField;
  label: string;
  hint?: string;
  hintId?: string;
  children: React.ReactNode;
}) {
  const { t } = useTranslation();
  return (
    <div className="field">
      <label htmlFor={field.id}>{label}</label>
      {hint ? (
        <p className="field-hint" id={hintId}>
          {hint}
        </p>
      ) : null}
      {children}
      <FieldErrors id={field.errorId} errors={field.errors?.map((key) => t(key))} />
    </div>
  );
}

// One paragraph, not a list: role="alert" on a <ul> would hide the list from assistive technology
// and leave its items orphaned (axe: listitem).
export function FieldErrors({ id, errors }: { id?: string; errors?: string[] }) {
  if (!errors?.length) return null;
  return (
    <p className="field-errors" id={id} role="alert">
      {errors.join(" ")}
    </p>
  );
}

/** Errors that belong to the whole form (e.g. "wrong email or password"). */
export function FormErrors({ id, errors }: { id?: string; errors?: string[] }) {
  const { t } = useTranslation();
  if (!errors?.length) return null;
  return (
    <div className="form-errors" id={id} role="alert">
      {errors.map((error) => (
        <p key={error}>{t(error)}</p>
      ))}
    </div>
  );
}

export function SelectField({
  field,
  label,
  options,
  placeholder,
}: {
  field: AnyField;
  label: string;
  options: { value: string; label: string }[];
  placeholder?: string;
}) {
  return (
    <FieldShell field={field} label={label}>
      <select {...getSelectProps(field)} key={field.key}>
        {placeholder !== undefined ? <option value="">{placeholder}</option> : null}
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    </FieldShell>
  );
}

export function TextareaField({
  field,
  label,
  hint,
  rows = 4,
}: {
  field: AnyField;
  label: string;
  hint?: string;
  rows?: number;
}) {
  const hintId = hint ? `${field.id}-hint` : undefined;
  return (
    <FieldShell field={field} label={label} hint={hint} hintId={hintId}>
      <textarea {...getTextareaProps(field, { ariaDescribedBy: hintId })} key={field.key} rows={rows} />
    </FieldShell>
  );
}
