// A friendly page for a thrown response or an unexpected error, in the reader's language.
import { Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";

export type ErrorKind = "notFound" | "forbidden" | "badRequest" | "serverError";

export function errorKindForStatus(status: number): ErrorKind {
  if (status === 404) return "notFound";
  if (status === 401 || status === 403) return "forbidden";
  if (status >= 400 && status < 500) return "badRequest";
  return "serverError";
}

/** `details` (a stack trace) is passed in development only. */
export function ErrorPage({ status, details }: { status: number; details?: string }) {
  const { t } = useTranslation();
  const kind = errorKindForStatus(status);
  return (
    <main className="error-page narrow">
      <p className="error-status">{t("errorPage.status", { status })}</p>
      <h1>{t(`errorPage.${kind}.title`)}</h1>
      <p>{t(`errorPage.${kind}.message`)}</p>
      <p>
        <Link to="/" className="button primary">
          {t("common.backHome")}
        </Link>
      </p>
      {details ? (
        <details>
          <summary>{t("errorPage.details")}</summary>
          <pre>{details}</pre>
        </details>
      ) : null}
    </main>
  );
}
