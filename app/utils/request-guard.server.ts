// Hostile requests are refused before any loader or action runs (decision 0041), so a bad request
// is a 4xx with the friendly page and never reaches the database:
// - U+0000 in the address (path or query) or in a form field's name, value or file name → 400
//   (PostgreSQL text cannot hold it; Lintas has no use for it);
// - a write whose body is not a form (urlencoded or multipart) → 415, except /api/* (the LiveKit
//   webhook takes application/webhook+json);
// - a form that cannot be parsed (multipart without boundary, truncated, broken part headers) → 400;
// - in Express, before Remix: methods other than GET, HEAD, POST, PUT, PATCH, DELETE (the Fetch API
//   cannot carry TRACE or CONNECT) → 405; `?_data` requests (pre-single-fetch; Remix logs each as
//   an error) → 400; an undecodable address → 400 (Express's router would answer with its own page).
// guardBuild wraps every route of the server build (server/start.ts); the sweep in
// tests/integration/hostile-input.test.ts wraps each route module with guardRouteModule.
import type { ServerBuild } from "@remix-run/node";
import type { RequestHandler } from "express";
import { type Language, defaultLanguage } from "~/i18n/config";
import { getLanguage } from "~/i18n/i18n.server";
import { fixedT } from "~/i18n/translate";

const NUL = "\u0000";
const UNDECODABLE = "undecodable address";
const FORM_TYPES = ["application/x-www-form-urlencoded", "multipart/form-data"];
/**
 * methods Remix serves; anything else is answered 405 before it (undici cannot carry TRACE or
 * CONNECT, and Remix logs OPTIONS as an error)
 */
const SERVED_METHODS = new Set(["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE"]);

export type Refusal = { status: 400 | 405 | 415; reason: string };

/** The address: undecodable, or U+0000 anywhere in the path or the query → 400. */
export function refusalForUrl(url: URL): Refusal | undefined {
  let path: string;
  try {
    path = decodeURIComponent(url.pathname);
  } catch {
    return { status: 400, reason: UNDECODABLE };
  }
  if (path.includes(NUL)) return { status: 400, reason: "NUL in the path" };
  for (const [name, value] of url.searchParams) {
    if (name.includes(NUL) || value.includes(NUL)) return { status: 400, reason: "NUL in the query" };
  }
  return undefined;
}

function isFormType(contentType: string | null) {
  const mediaType = (contentType ?? "").split(";")[0].trim().toLowerCase();
  return FORM_TYPES.includes(mediaType);
}

/** A write's body: not a form → 415; unparseable, or NUL in a name, value or file name → 400. */
export async function refusalForForm(request: Request): Promise<Refusal | undefined> {
  if (!isFormType(request.headers.get("Content-Type"))) {
    return { status: 415, reason: "a form (urlencoded or multipart) was expected" };
  }
  let form: FormData;
  try {
    form = await request.clone().formData();
  } catch {
    return { status: 400, reason: "malformed form" };
  }
  for (const [name, value] of form) {
    if (hasControlCharacter(name)) return { status: 400, reason: "control character in a field name" };
    const text = typeof value === "string" ? value : value.name;
    if (text.includes(NUL)) return { status: 400, reason: "NUL in a field" };
  }
  return undefined;
}

/** A field name is an identifier: no control character at all (CR/LF there is a broken part). */
function hasControlCharacter(name: string) {
  for (let i = 0; i < name.length; i++) {
    const code = name.charCodeAt(i);
    if (code < 0x20 || code === 0x7f) return true;
  }
  return false;
}

/** A small page with the error page's wording, for answers given outside the React tree. */
export function plainErrorPage(status: number, language: Language = defaultLanguage) {
  const t = fixedT(language);
  return `<!doctype html><html lang="${language}"><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>${t("errorPage.badRequest.title")} · ${t("app.name")}</title>
<body style="font-family:system-ui,sans-serif;max-width:40rem;margin:3rem auto;padding:0 1rem"><main>
<p>${t("errorPage.status", { status })}</p><h1>${t("errorPage.badRequest.title")}</h1>
<p>${t("errorPage.badRequest.message")}</p><p><a href="/">${t("common.backHome")}</a></p>
</main></body></html>`;
}

type Args = { request: Request };
type RouteFunction = (args: Args & never) => unknown;
type RouteModuleLike = { default?: unknown; loader?: RouteFunction; action?: RouteFunction };

/** routes that machines post to with their own content types (the LiveKit webhook's JSON) */
const API_ROUTE_IDS = new Set(["routes/sessions/livekit-webhook"]);

/**
 * The route module with its loader and action refusing hostile requests first. A page route's
 * refusal is shown by the error boundary; a resource route answers with the plain page. A write to
 * a route without an action, or a read of a resource route without a loader, is a quiet 405
 * (Remix would answer 405 too, but log it as an error with a stack trace).
 */
export function guardRouteModule<M extends RouteModuleLike>(routeId: string, module: M): M {
  const isPage = module.default != null;
  const isApi = API_ROUTE_IDS.has(routeId);
  const refuse = async (request: Request, refusal: Refusal | undefined) => {
    if (!refusal) return;
    if (isPage) throw new Response(refusal.reason, { status: refusal.status });
    throw new Response(plainErrorPage(refusal.status, await getLanguage(request)), {
      status: refusal.status,
      headers: { "Content-Type": "text/html; charset=utf-8" },
    });
  };
  const guarded: M = { ...module };
  const { loader, action } = module;
  if (loader) {
    guarded.loader = (async (args: Args) => {
      await refuse(args.request, refusalForUrl(new URL(args.request.url)));
      return loader(args as never);
    }) as M["loader"];
  }
  if (action) {
    guarded.action = (async (args: Args) => {
      const { request } = args;
      await refuse(request, refusalForUrl(new URL(request.url)));
      if (!isApi) await refuse(request, await refusalForForm(request));
      return action(args as never);
    }) as M["action"];
  } else {
    guarded.action = (async ({ request }: Args) => {
      await refuse(request, { status: 405, reason: "this address takes no writes" });
    }) as M["action"];
  }
  if (!loader && !isPage) {
    guarded.loader = (async ({ request }: Args) => {
      await refuse(request, { status: 405, reason: "this address is only written to" });
    }) as M["loader"];
  }
  return guarded;
}

/** The server build with every route guarded (server/start.ts serves this one). */
export function guardBuild(build: ServerBuild): ServerBuild {
  const routes: ServerBuild["routes"] = {};
  for (const [id, route] of Object.entries(build.routes)) {
    routes[id] = { ...route, module: guardRouteModule(id, route.module) };
  }
  return { ...build, routes };
}

/** Express, before Remix: what Remix cannot or should not take. */
export function requestGuardMiddleware(): RequestHandler {
  return (req, res, next) => {
    // appended, not resolved: "//host/path" is a path here, not another host
    const address = `http://lintas.invalid${req.originalUrl}`;
    const parsable = req.originalUrl.startsWith("/") && URL.canParse(address);
    const url = new URL(parsable ? address : "http://lintas.invalid/");
    let refusal: Refusal | undefined;
    if (!SERVED_METHODS.has(req.method)) refusal = { status: 405, reason: "method not allowed" };
    else if (!parsable) refusal = { status: 400, reason: UNDECODABLE };
    else if (url.searchParams.has("_data"))
      refusal = { status: 400, reason: "?_data requests are not served" };
    // Express's router would answer an undecodable address with its own error page
    else if (refusalForUrl(url)?.reason === UNDECODABLE) refusal = { status: 400, reason: UNDECODABLE };
    if (!refusal) return next();
    const cookie = req.headers.cookie;
    void getLanguage(new Request(url, { headers: cookie ? { Cookie: cookie } : {} })).then((language) => {
      if (refusal.status === 405) res.set("Allow", "GET, HEAD, POST");
      res.status(refusal.status).type("html").send(plainErrorPage(refusal.status, language));
    }, next);
  };
}
