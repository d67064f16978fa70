// A Node module hook that does what Vite does to app sources on the server build: replaces
// `import.meta.env.SSR` with `true`. Scripts that import route modules outside Vite (e.g.
// scripts/bench-pages.ts, which registers it itself) need it: under plain tsx
// `import.meta.env` is undefined and app/components/public-project.tsx throws on import.
// Registered with `register(new URL("./vite-env-hook.mjs", import.meta.url))` from node:module.
export async function load(url, context, nextLoad) {
  const result = await nextLoad(url, context);
  if (url.includes("/app/") && !url.includes("node_modules") && result.source) {
    const source = String(result.source);
    if (source.includes("import.meta.env.SSR"))
      return { ...result, source: source.replaceAll("import.meta.env.SSR", "true") };
  }
  return result;
}
