import { vitePlugin as remix } from "@remix-run/dev";
import { type Plugin, defineConfig } from "vite";
import { compression } from "vite-plugin-compression2";
import { offlinePlugin } from "./app/offline/vite-plugin";
import remixConfig from "./remix.config.js";

declare module "@remix-run/node" {
  interface Future {
    v3_singleFetch: true;
  }
}

/**
 * The browser's production bundle leaves out the bundled translations (both languages, ~50 KB
 * compressed) and loads only the page's language instead (docs/decisions/0062-light-on-a-weak-link.md).
 */
const translationsOnDemand: Plugin = {
  name: "lintas-translations-on-demand",
  apply: "build",
  enforce: "pre",
  resolveId(source, importer, options) {
    if (!options?.ssr && source === "./bundled-translations" && importer?.endsWith("/app/i18n/config.ts"))
      return "\0lintas-no-bundled-translations";
  },
  load(id) {
    if (id === "\0lintas-no-bundled-translations") return "export default {};";
  },
};

/**
 * The browser's scripts and styles are compressed once, when they are built, at the strongest
 * settings (Brotli 11, gzip 9), and served as they are (server/static-assets.ts): 13 % fewer bytes
 * than compressing each answer on the fly, and no CPU spent on it per request (decision 0067).
 */
const precompressed: Plugin = {
  ...compression({
    include: /\.(js|mjs|css|svg|json|webmanifest)$/,
    threshold: 1024,
    algorithms: ["brotliCompress", "gzip"],
    logLevel: "silent",
  }),
  apply: (_config, env) => env.command === "build" && !env.isSsrBuild,
};

export default defineConfig({
  plugins: [translationsOnDemand, remix(remixConfig), offlinePlugin(), precompressed],
  resolve: { alias: { "~": new URL("./app", import.meta.url).pathname } },
  // server code uses top-level await (the database opens once per process)
  build: {
    target: "es2022",
    // @date-fns/tz declares no "sideEffects": without this, its TZDate class (which patches its own
    // prototype when loaded) rides along to every page that formats a date (decision 0051)
    rollupOptions: { treeshake: { moduleSideEffects: (id) => !id.includes("/node_modules/@date-fns/tz/") } },
  },
  // visx ships ES modules in packages without "type": "module", which only Node >= 20.19 can import:
  // bundled into the server build instead (docs/decisions/0030-charts-visx.md)
  ssr: { target: "node", noExternal: [/^@visx\//] },
  server: { port: 3000 },
  // pre-bundled once, so the dev server does not re-optimise them mid-session (a React hook error)
  optimizeDeps: { include: ["@conform-to/react", "@conform-to/zod", "zod", "react-i18next", "i18next"] },
});
