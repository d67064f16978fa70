// The error boundary every page route exports, so a thrown 403/404/409 is shown where it happened:
// a page's own error keeps the site header; a tab's error keeps its parent layout (the project's
// header and tabs), since Remix renders the boundary of the route that threw inside its parents.
import { Link, Outlet, isRouteErrorResponse, useResolvedPath, useRouteError } from "@remix-run/react";
import { type ComponentProps, createContext, useContext } from "react";
import { useTranslation } from "react-i18next";
import { ErrorPage, errorKindForStatus } from "~/components/ui/error-page";

// a layout's content is already inside its <main>: a child's error is a section of it, not a page;
// the value is the layout's own address, the way back
const InsideLayout = createContext<string | null>(null);

/** A layout's <Outlet />: its children's errors render as a section of the layout's page. */
export function LayoutOutlet(props: ComponentProps<typeof Outlet>) {
  const layoutPath = useResolvedPath(".").pathname;
  return (
    <InsideLayout.Provider value={layoutPath}>
      <Outlet {...props} />
    </InsideLayout.Provider>
  );
}

export function RouteErrorBoundary() {
  const error = useRouteError();
  const layoutPath = useContext(InsideLayout);
  const status = isRouteErrorResponse(error) ? error.status : 500;
  // a stack trace only while developing; production shows the friendly message alone
  const details = import.meta.env.DEV && error instanceof Error ? error.stack : undefined;
  if (layoutPath === null) return <ErrorPage status={status} details={details} />;
  return <ErrorSection status={status} details={details} back={layoutPath} />;
}

function ErrorSection({ status, details, back }: { status: number; details?: string; back: string }) {
  const { t } = useTranslation();
  const kind = errorKindForStatus(status);
  return (
    <section className="error-page" aria-labelledby="route-error-heading">
      <p className="error-status">{t("errorPage.status", { status })}</p>
      <h2 id="route-error-heading">{t(`errorPage.${kind}.title`)}</h2>
      <p>{t(`errorPage.${kind}.message`)}</p>
      <p>
        {/* the layout's own page (a project's overview), which the person could open */}
        <Link to={back} className="button">
          {t("common.back")}
        </Link>{" "}
        <Link to="/" className="button">
          {t("common.backHome")}
        </Link>
      </p>
      {details ? (
        <details>
          <summary>{t("errorPage.details")}</summary>
          <pre>{details}</pre>
        </details>
      ) : null}
    </section>
  );
}
