// The two languages stay in step, and every key the code asks for exists, so a reader never
// sees a raw key such as "home.title" instead of text.
import { readFile, readdir } from "node:fs/promises";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { fixedT, languageOfMatches } from "./translate";
import en from "./en.json";
import id from "./id.json";

type Tree = { [key: string]: string | Tree };

function flatten(tree: Tree, prefix = ""): Map<string, string> {
  const entries = new Map<string, string>();
  for (const [key, value] of Object.entries(tree)) {
    const name = prefix ? `${prefix}.${key}` : key;
    if (typeof value === "string") entries.set(name, value);
    else for (const [k, v] of flatten(value, name)) entries.set(k, v);
  }
  return entries;
}

const placeholders = (text: string) => [...text.matchAll(/\{\{\s*(\w+)/g)].map((m) => m[1]).sort();
const tags = (text: string) => [...text.matchAll(/<(\w+)>/g)].map((m) => m[1]).sort();

async function sourceFiles(dir: string): Promise<string[]> {
  const files: string[] = [];
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) {
      if (entry.name !== "generated") files.push(...(await sourceFiles(full)));
    } else if (/\.tsx?$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name)) {
      files.push(full);
    }
  }
  return files;
}

describe("translations", () => {
  const indonesian = flatten(id);
  const english = flatten(en);

  it("have the same keys in Indonesian and English", () => {
    expect(
      [...english.keys()].filter((key) => !indonesian.has(key)),
      "only in en.json",
    ).toEqual([]);
    expect(
      [...indonesian.keys()].filter((key) => !english.has(key)),
      "only in id.json",
    ).toEqual([]);
  });

  it("use the same placeholders and tags in both languages", () => {
    const differing = [...indonesian].filter(([key, text]) => {
      const other = english.get(key);
      return (
        other !== undefined &&
        (placeholders(text).join() !== placeholders(other).join() || tags(text).join() !== tags(other).join())
      );
    });
    expect(differing.map(([key]) => key)).toEqual([]);
  });

  it("contain every key the code names literally", async () => {
    const missing = new Set<string>();
    for (const file of await sourceFiles(path.resolve("app"))) {
      const source = await readFile(file, "utf8");
      const used = [
        ...source.matchAll(/\bt\(\s*["'`]([A-Za-z][\w-]*(?:\.[\w-]+)+)["'`]/g),
        ...source.matchAll(/i18nKey="([A-Za-z][\w-]*(?:\.[\w-]+)+)"/g),
      ].map((m) => m[1]);
      for (const key of used) {
        const known = indonesian.has(key) || indonesian.has(`${key}_one`) || indonesian.has(`${key}_other`);
        if (!known) missing.add(`${key} (${path.relative(process.cwd(), file)})`);
      }
    }
    expect([...missing].sort()).toEqual([]);
  });

  it("translate outside React in the language of the root loader, Indonesian otherwise", () => {
    const matches = [{ id: "root", data: { locale: "en", user: null } }, { id: "routes/home" }];
    expect(fixedT(languageOfMatches(matches))("nav.projects")).toBe("Projects");
    expect(fixedT(languageOfMatches([{ id: "root" }]))("nav.projects")).toBe("Proyek");
    expect(fixedT("fr")("nav.projects")).toBe("Proyek");
  });
});
