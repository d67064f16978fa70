// The shape of app/modules (docs/architecture.md, decision 0048): files by use case, each well under
// 600 lines, no barrel that re-exports another file's code, and no two files importing each other
// (directly or round a longer loop, statically or through a dynamic import).
import { readFileSync, readdirSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

const root = path.resolve(import.meta.dirname, "..");
const modulesDir = path.join(root, "app/modules");

const files = readdirSync(modulesDir, { recursive: true, encoding: "utf8" })
  .filter((file) => /\.tsx?$/.test(file) && !/\.test\.tsx?$/.test(file))
  .map((file) => `app/modules/${file.split(path.sep).join("/")}`)
  .sort();
const source = new Map(files.map((file) => [file, readFileSync(path.join(root, file), "utf8")]));

/** The module files a file imports: `from "~/modules/…"` and `import("~/modules/…")`. */
function importsOf(file: string) {
  const found = new Set<string>();
  for (const match of source.get(file)!.matchAll(/(?:from\s*|import\(\s*)"~\/(modules\/[^"]+)"/g)) {
    const target = `app/${match[1].replace(/\.tsx?$/, "")}`;
    const hit = [`${target}.ts`, `${target}.tsx`].find((candidate) => source.has(candidate));
    if (hit) found.add(hit);
  }
  return [...found];
}

/** Every loop of imports, each as the files along it (depth-first search over the import graph). */
function importCycles() {
  const graph = new Map(files.map((file) => [file, importsOf(file)]));
  const cycles: string[][] = [];
  const done = new Set<string>();
  const path: string[] = [];
  const visit = (file: string) => {
    const at = path.indexOf(file);
    if (at >= 0) {
      cycles.push([...path.slice(at), file]);
      return;
    }
    if (done.has(file)) return;
    path.push(file);
    for (const next of graph.get(file)!) visit(next);
    path.pop();
    done.add(file);
  };
  for (const file of files) visit(file);
  return cycles.map((cycle) => cycle.join(" → "));
}

describe("app/modules", () => {
  it("has files to check", () => {
    expect(files.length).toBeGreaterThan(50);
    expect(files).toContain("app/modules/projects/launch.server.ts");
  });

  it("has no import cycle between its files", () => {
    expect(importCycles()).toEqual([]);
  });

  it("keeps every file well under 600 lines", () => {
    const long = files.filter((file) => source.get(file)!.split("\n").length > 600);
    expect(long).toEqual([]);
  });

  it("has no barrel: no file re-exports another module file's code", () => {
    const barrels = files.filter((file) => /^export\s+(\*|\{[^}]*\})\s+from\s+"~\//m.test(source.get(file)!));
    expect(barrels).toEqual([]);
  });
});
