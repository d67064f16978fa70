// The browser's files. Scripts and styles were compressed when they were built (Brotli 11 and
// gzip 9, vite-plugin-compression2 in vite.config.ts): the file the browser can read is sent as it
// is, with no compression work per request; anything else falls back to the on-the-fly
// compression in front of it (docs/decisions/0067-precompressed-assets-and-the-editor-on-a-weak-link.md).
import type { RequestHandler } from "express";
import expressStaticGzip from "express-static-gzip";

const precompressed = (root: string, serveStatic: { immutable?: boolean; maxAge: string }) =>
  expressStaticGzip(root, {
    enableBrotli: true,
    orderPreference: ["br", "gz"],
    index: false,
    serveStatic,
  }) as RequestHandler;

/** `/assets/*` (named by their content: kept a year) and the rest of `build/client` (an hour). */
export function staticAssets(clientDir = "build/client"): { assets: RequestHandler; rest: RequestHandler } {
  return {
    assets: precompressed(`${clientDir}/assets`, { immutable: true, maxAge: "1y" }),
    rest: precompressed(clientDir, { maxAge: "1h" }),
  };
}
