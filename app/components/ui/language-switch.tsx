// Switches the interface language with a plain link (?lng=…), which works without JavaScript;
// the server remembers the choice in the `lng` cookie.
import { Link, useLocation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { type Language, supportedLanguages } from "~/i18n/config";

export function languageHref(pathname: string, search: string, language: Language): string {
  const params = new URLSearchParams(search);
  params.set("lng", language);
  return `${pathname}?${params.toString()}`;
}

export function LanguageSwitch({ current }: { current: string }) {
  const { t } = useTranslation();
  const { pathname, search } = useLocation();
  return (
    <nav className="language-switch" aria-label={t("language.label")}>
      <ul>
        {supportedLanguages.map((language) => (
          <li key={language}>
            {language === current ? (
              <span aria-current="true" lang={language}>
                {t(`language.${language}`)}
              </span>
            ) : (
              <Link
                to={languageHref(pathname, search, language)}
                lang={language}
                hrefLang={language}
                title={t("language.switchTo", { language: t(`language.${language}`) })}
              >
                {t(`language.${language}`)}
              </Link>
            )}
          </li>
        ))}
      </ul>
    </nav>
  );
}
