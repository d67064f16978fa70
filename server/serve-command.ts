// What `npm run serve` (and so `npm start`) runs: `[NAME=value …] node <flags> build/start/start.mjs`.
// The benchmark, the browser journeys and the multi-process test start the server the same way.
import { readFileSync } from "node:fs";
import path from "node:path";

const root = path.resolve(import.meta.dirname, "..");

export type ServeCommand = {
  /** the environment the script sets before node starts (e.g. MALLOC_ARENA_MAX, decision 0073) */
  env: Record<string, string>;
  /** node's arguments: its flags and the compiled start script */
  args: string[];
};

/** Parses a `serve` script: environment assignments, then `node` and its arguments. */
export function parseServeScript(script: string): ServeCommand {
  const words = script.trim().split(/\s+/);
  const env: Record<string, string> = {};
  while (words.length > 0 && /^[A-Z_][A-Z0-9_]*=\S*$/.test(words[0])) {
    const [name, ...value] = words.shift()!.split("=");
    env[name] = value.join("=");
  }
  const [command, ...args] = words;
  if (command !== "node") throw new Error(`npm run serve is not \`[NAME=value …] node …\`: ${script}`);
  return { env, args };
}

/** The command in package.json's `serve` script. */
export function serveCommand(): ServeCommand {
  const manifest = JSON.parse(readFileSync(path.join(root, "package.json"), "utf8")) as {
    scripts: Record<string, string>;
  };
  return parseServeScript(manifest.scripts.serve);
}
