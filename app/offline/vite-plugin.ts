// Builds what the browser needs to work offline, after the client build (docs/decisions/0063):
// /offline.js (the page script), /offline.html (both languages, from the translation files) and
// /sw.js (the Workbox service worker, told which files to precache and their revisions). Each
// script is bundled by Vite on its own as one classic script (IIFE): a service worker and a page
// with no other JavaScript cannot load ES module chunks.
import { createHash } from "node:crypto";
import { readFile, readdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { type Plugin, build } from "vite";
import en from "../i18n/en.json";
import id from "../i18n/id.json";

const here = path.dirname(new URL(import.meta.url).pathname);

async function bundle(entry: string, outDir: string, fileName: string, define: Record<string, string> = {}) {
  await build({
    configFile: false,
    logLevel: "warn",
    define: { "process.env.NODE_ENV": '"production"', ...define },
    build: {
      outDir,
      emptyOutDir: false,
      target: "es2020",
      copyPublicDir: false,
      lib: { entry, formats: ["iife"], name: "lintas", fileName: () => fileName },
    },
  });
}

const escape = (text: string) =>
  text.replace(/[&<>"]/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;" })[c] ?? c);

/** The page shown for an address never read on this device while offline: both languages. */
function offlinePage(stylesheet: string | undefined) {
  const part = (lang: string, page: typeof id.offline.page) =>
    `<section lang="${lang}"><h1>${escape(page.title)}</h1><p>${escape(page.body)}</p></section>`;
  return `<!DOCTYPE html>
<html lang="id">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escape(id.offline.page.title)} · ${escape(id.app.name)}</title>
<link rel="manifest" href="/manifest.webmanifest">
${stylesheet ? `<link rel="stylesheet" href="/assets/${stylesheet}">` : ""}
</head>
<body>
<main id="konten" class="page">
${part("id", id.offline.page)}
${part("en", en.offline.page)}
<p><a class="button primary" href="">${escape(id.offline.page.retry)} / <span lang="en">${escape(en.offline.page.retry)}</span></a></p>
</main>
</body>
</html>
`;
}

export function offlinePlugin(): Plugin {
  let outDir = "";
  let ssr = false;
  return {
    name: "lintas-offline",
    apply: "build",
    configResolved(config) {
      outDir = config.build.outDir;
      ssr = !!config.build.ssr;
    },
    async closeBundle() {
      if (ssr) return;
      const assets = await readdir(path.join(outDir, "assets"));
      const stylesheet = assets.find((name) => /^app-[\w-]+\.css$/.test(name));
      await writeFile(path.join(outDir, "offline.html"), offlinePage(stylesheet));
      await bundle(path.join(here, "client.ts"), outDir, "offline.js");
      const precached = [
        "/offline.html",
        "/offline.js",
        "/manifest.webmanifest",
        "/icons/icon-192.png",
        "/icons/icon.svg",
        "/favicon.ico",
        ...(stylesheet ? [`/assets/${stylesheet}`] : []),
      ];
      const manifest = await Promise.all(
        precached.map(async (url) => ({
          url,
          revision: createHash("sha256")
            .update(await readFile(path.join(outDir, url)))
            .digest("hex")
            .slice(0, 16),
        })),
      );
      await bundle(path.join(here, "sw.ts"), outDir, "sw.js", {
        __LINTAS_PRECACHE__: JSON.stringify(manifest),
      });
    },
  };
}
