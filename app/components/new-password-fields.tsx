// A new password typed twice, as every form that sets one asks for it.
import { useTranslation } from "react-i18next";
import { type AnyField, FormField } from "~/components/ui/form-field";

export function NewPasswordFields({ password, confirm }: { password: AnyField; confirm: AnyField }) {
  const { t } = useTranslation();
  return (
    <>
      <FormField
        field={password}
        label={t("auth.newPassword")}
        type="password"
        autoComplete="new-password"
        hint={t("auth.passwordRule")}
      />
      <FormField
        field={confirm}
        label={t("auth.confirmPassword")}
        type="password"
        autoComplete="new-password"
      />
    </>
  );
}
