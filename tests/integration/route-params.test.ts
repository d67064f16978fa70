// A malformed address parameter is "Not found" on every route that has one: a 300-character id,
// SQL or HTML in the id, a path that climbs out, a region code that is not one. Never a 500, never a
// query with it (app/utils/route-params.ts). Asked by an admin, who may read everything, so nothing
// but the parameter can refuse; NUL in a parameter is the request guard's (hostile-input.test.ts).
import { readFile } from "node:fs/promises";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import {
  callRoute,
  cookieFor,
  createPerson,
  ensureRegions,
  formRequest,
  getRequest,
} from "../fixtures/people";
import { ROUTE_PATHS } from "../fixtures/route-table";

const ROUTES_DIR = path.resolve("app/routes");

const MALFORMED = [
  "a".repeat(300),
  `x'; DROP TABLE "User"; --`,
  "../../etc/passwd",
  "<script>alert(1)</script>",
  "dua kata",
  "é",
  "",
];

type RouteFunction = Parameters<typeof callRoute>[0];

/** a project tab's loader reads no parameter: its layout's loader (projects/$projectId/layout.tsx) answers 404 */
const TABS_WITHOUT_PARAMS = [
  "projects/$projectId/indicators.tsx",
  "projects/$projectId/team.tsx",
  "projects/$projectId/milestones.tsx",
];

let adminCookie: string;

beforeAll(async () => {
  await ensureRegions();
  const admin = await createPerson({ role: "ADMIN" });
  adminCookie = await cookieFor(admin.id);
});

/** the route files whose address has a parameter (the table in remix.config.js) */
const files = Object.keys(ROUTE_PATHS).filter((file) => /(^|\/):[A-Za-z]/.test(ROUTE_PATHS[file]));
/** a file's parameters, from its address */
const paramNames = (file: string) => [...ROUTE_PATHS[file].matchAll(/:([A-Za-z]+)/g)].map((m) => m[1]);

describe("a malformed address parameter", () => {
  it("covers every route with a parameter", () => {
    expect(files.length).toBeGreaterThan(30);
  });

  it.each(files)("%s: answers 404 from the loader and the action", async (file) => {
    const module = (await import(`../../app/routes/${file}`)) as {
      loader?: RouteFunction;
      action?: RouteFunction;
    };
    const source = await readFile(path.join(ROUTES_DIR, file), "utf8");
    const readsParams = (fn: string) =>
      new RegExp(`export async function ${fn}\\(\\{[^}]*\\bparams\\b`).test(source);
    const functions = (["loader", "action"] as const).filter((fn) => module[fn]);
    // only a project tab's loader leaves the parameter to its layout
    const unread = functions.filter((fn) => !readsParams(fn));
    expect(unread).toEqual(TABS_WITHOUT_PARAMS.includes(file) ? ["loader"] : []);
    const names = paramNames(file);
    const answers: string[] = [];
    for (const name of names) {
      for (const value of MALFORMED) {
        // the other parameters of the route well-formed, only this one hostile
        const params = Object.fromEntries(names.map((other) => [other, other === "code" ? "74" : "x"]));
        params[name] = value;
        const context = `${file} ${name}=${JSON.stringify(value.slice(0, 40))}`;
        for (const fn of functions.filter((fn) => readsParams(fn))) {
          const request =
            fn === "loader" ? getRequest("/x", adminCookie) : formRequest("/x", { intent: "x" }, adminCookie);
          const status = await callRoute(module[fn]!, request, params).then(
            (response) => response.status,
            (error: unknown) => `threw ${String(error).slice(0, 80)}`,
          );
          if (status !== 404) answers.push(`${fn} ${context}: ${status}`);
        }
      }
    }
    expect(answers).toEqual([]);
  });
});
