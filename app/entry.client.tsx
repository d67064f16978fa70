// Hydrates the page in the language the server rendered it in (<html lang>); the translations
// are bundled, so i18next is ready before the first render.
import { RemixBrowser } from "@remix-run/react";
import i18next from "i18next";
import { StrictMode, startTransition } from "react";
import { hydrateRoot } from "react-dom/client";
import { I18nextProvider, initReactI18next } from "react-i18next";
import { getInitialNamespaces } from "remix-i18next/client";
import { defaultLanguage, i18nConfig, isLanguage } from "~/i18n/config";

const language = document.documentElement.lang;

void i18next.use(initReactI18next).init({
  ...i18nConfig,
  lng: isLanguage(language) ? language : defaultLanguage,
  ns: ["translation", ...getInitialNamespaces()],
});

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
