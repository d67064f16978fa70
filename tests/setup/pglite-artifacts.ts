// PGlite's WebAssembly module and file-system bundle, read from node_modules at once: left to
// itself, PGlite.create fetches both asynchronously (and initdb's, unused when a dump is loaded)
// on every start, in every test file's fresh worker.
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";

const dist = path.dirname(createRequire(import.meta.url).resolve("@electric-sql/pglite"));

export async function pgliteArtifacts(): Promise<{ pgliteWasmModule: WebAssembly.Module; fsBundle: Blob }> {
  return {
    pgliteWasmModule: await WebAssembly.compile(readFileSync(path.join(dist, "pglite.wasm"))),
    fsBundle: new Blob([readFileSync(path.join(dist, "pglite.data"))]),
  };
}
