import { type LinksFunction, type LoaderFunctionArgs, type MetaFunction, data } from "@remix-run/node";
import {
  Links,
  Meta,
  Outlet,
  Scripts,
  useMatches,
  ScrollRestoration,
  isRouteErrorResponse,
  useRouteError,
  useRouteLoaderData,
} from "@remix-run/react";
import { useEffect } from "react";
import { useTranslation } from "react-i18next";
import { useChangeLanguage } from "remix-i18next/react";
import { can } from "~/auth/permissions";
import { getUser } from "~/auth/session.server";
import { ErrorPage, errorKindForStatus } from "~/components/ui/error-page";
import { RouteFocus } from "~/components/ui/route-focus";
import { SiteFooter } from "~/components/ui/site-footer";
import { SiteHeader } from "~/components/ui/site-header";
import { getLanguage, rememberLanguageChoice } from "~/i18n/i18n.server";
import { fixedT } from "~/i18n/translate";
import stylesheet from "~/styles/app.css?url";
import { useNonce } from "~/utils/nonce-provider";

export const links: LinksFunction = () => [
  { rel: "stylesheet", href: stylesheet },
  // installable, in Indonesian (docs/decisions/0063-offline.md)
  { rel: "manifest", href: "/manifest.webmanifest" },
  { rel: "icon", href: "/icons/icon.svg", type: "image/svg+xml" },
  { rel: "apple-touch-icon", href: "/icons/icon-192.png" },
];

// public: every page needs the language and whether someone is signed in
export async function loader({ request }: LoaderFunctionArgs) {
  const [locale, languageCookie, user] = await Promise.all([
    getLanguage(request),
    rememberLanguageChoice(request),
    getUser(request),
  ]);
  const unread = user?._count.notifications ?? 0;
  return data(
    {
      locale,
      // the review queue's link, for those the permission map lets review lessons
      // the id tags what is recorded offline with its recorder (docs/decisions/0063-offline.md)
      user: user
        ? { id: user.id, name: user.name, unread, reviews: can(user.memberships, "lesson:review") }
        : null,
    },
    languageCookie ? { headers: { "Set-Cookie": languageCookie } } : undefined,
  );
}

export const meta: MetaFunction<typeof loader> = ({ data, error }) => {
  const t = fixedT(data?.locale);
  if (error) {
    const status = isRouteErrorResponse(error) ? error.status : 500;
    return [{ title: `${t(`errorPage.${errorKindForStatus(status)}.title`)} · ${t("app.name")}` }];
  }
  return [{ title: t("app.name") }, { name: "description", content: t("home.description") }];
};

export function Layout({ children }: { children: React.ReactNode }) {
  const data = useRouteLoaderData<typeof loader>("root");
  const { t, i18n } = useTranslation();
  const nonce = useNonce();
  // pages that must stay light (the national map) opt out of hydration: no script, no data twice
  const matches = useMatches();
  const hydrate = !matches.some(
    (match) => (match.handle as { hydrate?: boolean } | undefined)?.hydrate === false,
  );
  // the public reading pages (catalogue, practice, lesson) bring a visitor no script at all: the
  // offline outbox and the service worker serve people who sign in and write (0063, issue #23)
  const offlineScript =
    Boolean(data?.user) ||
    !matches.some(
      (match) => (match.handle as { visitorScripts?: boolean } | undefined)?.visitorScripts === false,
    );
  // without root data (the root loader failed) the server's i18next instance knows the language
  const locale = data?.locale ?? i18n.language;
  useChangeLanguage(locale);
  // <html data-hydrated>: React has taken over the page (its handlers work from here); the browser
  // journeys wait for it instead of for half a second without network traffic (decision 0052)
  useEffect(() => {
    document.documentElement.dataset.hydrated = "true";
  }, []);
  return (
    <html lang={locale}>
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta name="theme-color" content="#0b5394" />
        <Meta />
        <Links />
      </head>
      <body>
        <a href="#konten" className="skip-link">
          {t("app.skipToContent")}
        </a>
        <SiteHeader
          language={locale}
          userName={data?.user?.name}
          unread={data?.user?.unread}
          reviews={data?.user?.reviews}
        />
        <div id="konten" className="page" tabIndex={-1}>
          {/* what was recorded offline, listed by /offline.js in a shadow root React does not see */}
          <div
            id="offline-outbox"
            data-strings={JSON.stringify(offlineStrings(t))}
            data-user={data?.user?.id ?? ""}
          />
          {children}
        </div>
        <SiteFooter />
        <RouteFocus />
        {/* the service worker and the offline outbox, a few KB, on every page a person may write from (0063) */}
        {import.meta.env.PROD && offlineScript ? <script src="/offline.js" defer nonce={nonce} /> : null}
        {hydrate ? (
          <>
            <ScrollRestoration nonce={nonce} />
            <Scripts nonce={nonce} />
          </>
        ) : null}
      </body>
    </html>
  );
}

/** The outbox's words in the page's language, for the page script (it has no translations). */
function offlineStrings(t: (key: string) => string) {
  const reasons = [
    "conflict",
    "invalid",
    "forbidden",
    "otherPerson",
    "otherAuthor",
    "expired",
    "other",
  ] as const;
  return {
    heading: t("offline.outbox"),
    pending: t("offline.pending"),
    waitingSignIn: t("offline.waitingSignIn"),
    failed: t("offline.failed"),
    retry: t("offline.retry"),
    openForm: t("offline.openForm"),
    dismiss: t("offline.dismiss"),
    untitled: t("offline.untitled"),
    reasons: Object.fromEntries(reasons.map((reason) => [reason, t(`offline.reason.${reason}`)])),
  };
}

export default function App() {
  return <Outlet />;
}

export function ErrorBoundary() {
  const error = useRouteError();
  const status = isRouteErrorResponse(error) ? error.status : 500;
  // a stack trace only while developing; production shows the friendly page alone
  const details = import.meta.env.DEV && error instanceof Error ? error.stack : undefined;
  return <ErrorPage status={status} details={details} />;
}
