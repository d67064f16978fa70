// Hydrates the page in the language the server rendered it in (<html lang>): that language's
// translations are loaded first (one chunk, docs/decisions/0062), so i18next is ready before the
// first render; another language is loaded when the reader switches.
import { RemixBrowser } from "@remix-run/react";
import i18next from "i18next";
import { StrictMode, startTransition } from "react";
import { hydrateRoot } from "react-dom/client";
import { I18nextProvider, initReactI18next } from "react-i18next";
import { getInitialNamespaces } from "remix-i18next/client";
import { defaultLanguage, i18nConfig, isLanguage } from "~/i18n/config";
import { lazyTranslations, loadTranslations } from "~/i18n/lazy-translations";
import { translateWith } from "~/i18n/translate";

const htmlLanguage = document.documentElement.lang;
const language = isLanguage(htmlLanguage) ? htmlLanguage : defaultLanguage;
const translation = await loadTranslations(language);

await i18next
  .use(lazyTranslations)
  .use(initReactI18next)
  .init({
    ...i18nConfig,
    lng: language,
    // the page's language is here; others (and the fallback) come through the backend
    resources: { [language]: { translation } },
    partialBundledLanguages: true,
    ns: ["translation", ...getInitialNamespaces()],
  });
translateWith(i18next);

startTransition(() => {
  hydrateRoot(
    document,
    <I18nextProvider i18n={i18next}>
      <StrictMode>
        <RemixBrowser />
      </StrictMode>
    </I18nextProvider>,
  );
});
