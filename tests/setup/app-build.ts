// Before the integration tests: the production server build that tests/fixtures/app-build.ts
// loads must be as new as the app. `npm test` builds before the tests; a developer who changed
// app code and runs one file gets it rebuilt here (~20 s) rather than a stale build.
import { execFile } from "node:child_process";
import { existsSync, statSync } from "node:fs";
import { readdir, stat } from "node:fs/promises";
import path from "node:path";
import { promisify } from "node:util";
import { SERVER_BUILD } from "../fixtures/app-build";

const root = path.resolve(import.meta.dirname, "../..");
/** what the server build is made from, besides node_modules */
const SOURCES = ["app", "vite.config.ts", "package.json", "tsconfig.json"];

async function newestSource(): Promise<number> {
  let newest = 0;
  for (const source of SOURCES) {
    const full = path.join(root, source);
    const info = await stat(full);
    if (!info.isDirectory()) {
      newest = Math.max(newest, info.mtimeMs);
      continue;
    }
    for (const entry of await readdir(full, { recursive: true, withFileTypes: true })) {
      if (!entry.isFile() || /\.test\.tsx?$/.test(entry.name)) continue;
      newest = Math.max(newest, (await stat(path.join(entry.parentPath, entry.name))).mtimeMs);
    }
  }
  return newest;
}

/** true when build/server/index.js is missing or older than any source of the app */
export async function serverBuildIsStale(): Promise<boolean> {
  if (!existsSync(SERVER_BUILD)) return true;
  return statSync(SERVER_BUILD).mtimeMs < (await newestSource());
}

export default async function setup() {
  if (!(await serverBuildIsStale())) return;
  const started = performance.now();
  console.log("The page tests render the production build, which is older than the app: building it");
  try {
    await promisify(execFile)("npx", ["remix", "vite:build"], { cwd: root, maxBuffer: 64 * 1024 * 1024 });
  } catch (error) {
    const { stdout, stderr } = error as { stdout?: string; stderr?: string };
    throw new Error(`remix vite:build failed:\n${stdout ?? ""}${stderr ?? ""}`);
  }
  console.log(`built in ${((performance.now() - started) / 1000).toFixed(1)} s`);
}
