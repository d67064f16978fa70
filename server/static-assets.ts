// The browser's files. Scripts and styles were compressed when they were built (Brotli 11 and
// gzip 9, vite-plugin-compression2 in vite.config.ts): the file the browser can read is sent as it
// is, with no compression work per request; anything else falls back to the on-the-fly
// compression in front of it (docs/decisions/0067-precompressed-assets-and-the-editor-on-a-weak-link.md).
import type { RequestHandler } from "express";
import expressStaticGzip from "express-static-gzip";

type ServeStaticOptions = NonNullable<Parameters<typeof expressStaticGzip>[1]["serveStatic"]>;

const precompressed = (root: string, serveStatic: ServeStaticOptions) =>
  expressStaticGzip(root, {
    enableBrotli: true,
    orderPreference: ["br", "gz"],
    index: false,
    serveStatic,
  }) as RequestHandler;

/**
 * `/assets/*`: named by their content, kept a year and never revalidated (no ETag or
 * Last-Modified), with `nosniff` as their one security header: the document policies (CSP,
 * framing, permissions) apply to documents and workers, and no worker is loaded from `/assets`
 * (checked in tests/e2e/production-server.test.ts). The rest of `build/client` (the service
 * worker, the offline page, icons) keeps every header, an hour.
 */
export function staticAssets(clientDir = "build/client"): { assets: RequestHandler; rest: RequestHandler } {
  return {
    assets: precompressed(`${clientDir}/assets`, {
      immutable: true,
      maxAge: "1y",
      etag: false,
      lastModified: false,
      setHeaders: (response) => response.setHeader("X-Content-Type-Options", "nosniff"),
    }),
    rest: precompressed(clientDir, { maxAge: "1h" }),
  };
}
