// What Remix passes to every loader and action from the HTTP server (server/start.ts).
declare module "@remix-run/node" {
  interface AppLoadContext {
    clientIp?: string;
  }
}

export function clientIpOf(context: { clientIp?: string } | undefined): string {
  return context?.clientIp || "unknown";
}
