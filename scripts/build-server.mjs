// `npm run build`, after the Remix build: the start script (server/start.ts) and the embedded
// database's thread (server/pglite-worker.ts) compiled once to plain JavaScript in build/start/,
// so `npm start` and `npm run serve` run them with Node alone. Through the tsx loader every module
// of the process (the server build's 1.6 MB too) was transformed again on each start: ~2 s of a
// cold start and ~230 MB of memory for the loader's thread and its source maps (decision 0072).
// Packages stay imports of node_modules; only our own TypeScript is bundled.
//
// Plain JavaScript (not TypeScript) so that it runs before anything is compiled.
import { writeFile } from "node:fs/promises";
import path from "node:path";
import { build } from "esbuild";

const root = path.resolve(import.meta.dirname, "..");
// two levels below the project, like build/server/index.js: paths that modules resolve from their
// own file (`new URL("../../prisma/data/…", import.meta.url)`) land in the same place
const outdir = path.join(root, "build/start");

await build({
  absWorkingDir: root,
  entryPoints: { server: "server/start.ts", "pglite-worker": "server/pglite-worker.ts" },
  outdir,
  // server/pglite-thread.ts starts `./pglite-worker.mjs` beside itself
  outExtension: { ".js": ".mjs" },
  bundle: true,
  packages: "external",
  // the app's own "~/…" imports are bundled (tsconfig paths), not taken for packages
  alias: { "~": "./app" },
  platform: "node",
  format: "esm",
  target: "node20",
  tsconfig: path.join(root, "tsconfig.json"),
  logLevel: "warning",
});

// server/start.ts imports server/production-mode.ts first so that React, Remix and the app see
// NODE_ENV=production; in one bundled file the packages' imports would be evaluated before it
await writeFile(
  path.join(outdir, "start.mjs"),
  `// built by scripts/build-server.mjs: \`npm start\` and \`npm run serve\` run this\n` +
    `process.env.NODE_ENV ||= "production";\n` +
    `await import("./server.mjs");\n`,
);
