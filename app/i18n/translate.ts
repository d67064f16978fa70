// A translation function outside React (meta functions, loaders building titles),
// on one shared instance: on the server resources are bundled, so it is ready synchronously.
import { type TFunction, type i18n, createInstance } from "i18next";
import { defaultLanguage, i18nConfig, isLanguage } from "./config";

let instance: i18n = createInstance();
void instance.init({ ...i18nConfig, lng: defaultLanguage });

/**
 * The browser's entry hands over its own instance, which holds the languages loaded so far (the
 * browser bundle has no translations of its own: docs/decisions/0062).
 */
export function translateWith(shared: i18n) {
  instance = shared;
}

export function fixedT(language: unknown): TFunction {
  return instance.getFixedT(isLanguage(language) ? language : defaultLanguage);
}

/** The language chosen by the root loader, from a meta function's matches. */
export function languageOfMatches(
  matches: ReadonlyArray<{ id: string; data?: unknown }>,
): string | undefined {
  const data = matches.find((match) => match.id === "root")?.data;
  return data && typeof data === "object" && "locale" in data && typeof data.locale === "string"
    ? data.locale
    : undefined;
}

/** A page's <title> in the viewer's language: "<translated key> · Lintas". */
export function titleMeta(matches: ReadonlyArray<{ id: string; data?: unknown }>, key: string) {
  const t = fixedT(languageOfMatches(matches));
  return [{ title: `${t(key)} · ${t("app.name")}` }];
}
