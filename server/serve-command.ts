// What `npm run serve` (and so `npm start`) runs: `node <flags> build/start/start.mjs`. The
// benchmark, the browser journeys and the multi-process test start the server the same way.
import { readFileSync } from "node:fs";
import path from "node:path";

const root = path.resolve(import.meta.dirname, "..");

/** Node's arguments in package.json's `serve` script (its flags and the compiled start script). */
export function serveArguments(): string[] {
  const manifest = JSON.parse(readFileSync(path.join(root, "package.json"), "utf8")) as {
    scripts: Record<string, string>;
  };
  const [command, ...args] = manifest.scripts.serve.split(/\s+/);
  if (command !== "node") throw new Error(`npm run serve is not \`node …\`: ${manifest.scripts.serve}`);
  return args;
}
