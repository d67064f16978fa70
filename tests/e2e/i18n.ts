// The texts a journey expects, read from the same translation files the app renders,
// so a reworded label does not break a journey but a missing or untranslated one does.
import en from "../../app/i18n/en.json";
import id from "../../app/i18n/id.json";

const dictionaries = { id, en } as const;

export function text(language: keyof typeof dictionaries, key: string): string {
  let value: unknown = dictionaries[language];
  for (const part of key.split(".")) {
    value =
      typeof value === "object" && value !== null ? (value as Record<string, unknown>)[part] : undefined;
  }
  if (typeof value !== "string") throw new Error(`app/i18n/${language}.json has no text at "${key}"`);
  return value;
}
