// i18next options shared by the server (entry.server, loaders) and the browser (entry.client).
// The server bundles both translations; the browser loads the page's language before hydrating.
import type { InitOptions } from "i18next";
import bundledTranslations from "./bundled-translations";

export const supportedLanguages = ["id", "en"] as const;
export type Language = (typeof supportedLanguages)[number];

/** Indonesian is the default; English is a choice made with ?lng=en and kept in a cookie. */
export const defaultLanguage: Language = "id";

/**
 * Both languages on the server, in tests and while developing; none in the browser's production
 * bundle, which loads only the page's language (app/i18n/lazy-translations.ts, decision 0062).
 */
export const resources = bundledTranslations;

export const i18nConfig = {
  supportedLngs: [...supportedLanguages],
  fallbackLng: defaultLanguage,
  defaultNS: "translation",
  ns: ["translation"],
  resources,
  // React escapes what it renders
  interpolation: { escapeValue: false },
  // resources are in memory: initialise synchronously, so the first render is translated
  initImmediate: false,
  react: { useSuspense: false },
} satisfies InitOptions;

export function isLanguage(value: unknown): value is Language {
  return typeof value === "string" && (supportedLanguages as readonly string[]).includes(value);
}

/** The BCP 47 locale for Intl formatting: Indonesian, or British English (day month year). */
export function intlLocale(language: string): string {
  return language === "en" ? "en-GB" : "id-ID";
}
