// PGlite's WebAssembly module and file-system bundle for a test file's database. Left to itself,
// PGlite.create fetches both asynchronously (and initdb's, unused when a dump is loaded) on every
// start, in every test file's fresh worker. The module is compiled once, in Vitest's main thread
// (global-setup.ts), and handed to the workers over a BroadcastChannel: a compiled
// WebAssembly.Module crosses threads without being compiled again, and keeps the optimised code
// V8 made for it in earlier files (~0.9 → ~0.5 CPU-seconds to open a database; decision 0052,
// round 11).
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { BroadcastChannel } from "node:worker_threads";

const dist = path.dirname(createRequire(import.meta.url).resolve("@electric-sql/pglite"));

/** the channel the main thread answers "module?" on with { module } */
export const PGLITE_MODULE_CHANNEL = "lintas-test-pglite-module";

export function compilePgliteModule(): Promise<WebAssembly.Module> {
  return WebAssembly.compile(readFileSync(path.join(dist, "pglite.wasm")));
}

/**
 * Answers the workers' requests for the compiled module until the returned function is called
 * (in Vitest's main thread, from the global set-up).
 */
export async function sharePgliteModule(): Promise<() => void> {
  const module = await compilePgliteModule();
  const channel = new BroadcastChannel(PGLITE_MODULE_CHANNEL);
  channel.onmessage = (event) => {
    if ((event as { data?: unknown }).data === "module?") channel.postMessage({ module });
  };
  channel.unref();
  return () => channel.close();
}

/** the main thread's compiled module; undefined when nobody answers within a second */
export async function sharedPgliteModule(): Promise<WebAssembly.Module | undefined> {
  const channel = new BroadcastChannel(PGLITE_MODULE_CHANNEL);
  try {
    return await new Promise<WebAssembly.Module | undefined>((resolve) => {
      const timer = setTimeout(() => resolve(undefined), 1_000);
      channel.onmessage = (event) => {
        const module = (event as { data?: { module?: unknown } }).data?.module;
        if (module instanceof WebAssembly.Module) {
          clearTimeout(timer);
          resolve(module);
        }
      };
      channel.postMessage("module?");
    });
  } finally {
    channel.close();
  }
}

/** the shared module, or one compiled here when nobody shares one */
async function pgliteModule(): Promise<WebAssembly.Module> {
  return (await sharedPgliteModule()) ?? (await compilePgliteModule());
}

export async function pgliteArtifacts(): Promise<{ pgliteWasmModule: WebAssembly.Module; fsBundle: Blob }> {
  return {
    pgliteWasmModule: await pgliteModule(),
    fsBundle: new Blob([readFileSync(path.join(dist, "pglite.data"))]),
  };
}
