// Both languages' translations, bundled: on the server, in tests and while developing. The
// browser's production build replaces this module with an empty one (the plugin in vite.config.ts)
// and loads only the page's language (app/i18n/lazy-translations.ts, docs/decisions/0062).
import en from "./en.json";
import id from "./id.json";

const bundledTranslations: { id?: { translation: typeof id }; en?: { translation: typeof en } } = {
  id: { translation: id },
  en: { translation: en },
};

export default bundledTranslations;
