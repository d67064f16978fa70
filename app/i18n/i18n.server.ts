// Language detection for every request: ?lng=id|en first, then the `lng` cookie, else Indonesian.
// The Accept-Language header is deliberately not consulted: officials often run English browsers
// but expect the Indonesian interface; English is an explicit choice.
import { createCookie } from "@remix-run/node";
import { RemixI18Next } from "remix-i18next/server";
import { env } from "~/env.server";
import { type Language, defaultLanguage, i18nConfig, isLanguage, supportedLanguages } from "./config";

export const languageCookie = createCookie("lng", {
  path: "/",
  sameSite: "lax",
  httpOnly: true,
  secure: env.APP_URL.startsWith("https://"),
  maxAge: 365 * 24 * 60 * 60,
});

export const i18nServer = new RemixI18Next({
  detection: {
    supportedLanguages: [...supportedLanguages],
    fallbackLanguage: defaultLanguage,
    cookie: languageCookie,
    order: ["searchParams", "cookie"],
  },
  i18next: i18nConfig,
});

export async function getLanguage(request: Request): Promise<Language> {
  const language = await i18nServer.getLocale(request);
  return isLanguage(language) ? language : defaultLanguage;
}

/**
 * The Set-Cookie header that remembers an explicit choice (?lng=en), or undefined when the
 * request made none. Unsupported values (?lng=fr) are ignored.
 */
export async function rememberLanguageChoice(request: Request): Promise<string | undefined> {
  const chosen = new URL(request.url).searchParams.get("lng");
  if (!isLanguage(chosen)) return undefined;
  const current = await languageCookie.parse(request.headers.get("Cookie"));
  if (current === chosen) return undefined;
  return languageCookie.serialize(chosen);
}
