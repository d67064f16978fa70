// The browser loads one language's translations at a time (about 25 KB compressed each), not
// both bundled into every page (docs/decisions/0062-light-on-a-weak-link.md): the page's language
// before hydrating (app/entry.client.tsx), another one when the reader switches (an i18next backend).
import type { BackendModule, ResourceKey } from "i18next";
import type { Language } from "./config";

// each file its own chunk, fetched when asked for
const files = import.meta.glob<ResourceKey>(["./id.json", "./en.json"], { import: "default" });

export function loadTranslations(language: Language): Promise<ResourceKey> {
  const load = files[`./${language}.json`];
  if (!load) return Promise.reject(new Error(`no translations for ${language}`));
  return load();
}

export const lazyTranslations: BackendModule = {
  type: "backend",
  init() {},
  read(language, _namespace, callback) {
    loadTranslations(language as Language).then(
      (bundle) => callback(null, bundle),
      (error: Error) => callback(error, false),
    );
  },
};
