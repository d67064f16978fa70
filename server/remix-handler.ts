// Express → Remix, like @remix-run/express's createRequestHandler, except for the body: Remix reads
// it through a counter (app/utils/body-limit.server.ts), so a body without Content-Length is
// refused with 413 at the limit instead of being read whole (docs/decisions/0039). The adapter
// hands Remix the Node request stream itself and does not export its parts, hence this copy.
import type { IncomingHttpHeaders } from "node:http";
import {
  type AppLoadContext,
  createReadableStreamFromReadable,
  writeReadableStreamToWritable,
} from "@remix-run/node";
import type { Request as ExpressRequest, RequestHandler, Response as ExpressResponse } from "express";
import { countedBody, sendTooLarge } from "../app/utils/body-limit.server";

export type RemixHandler = (request: Request, loadContext?: AppLoadContext) => Promise<Response>;

export function createRemixHandler({
  handle,
  bodyLimit,
  getLoadContext,
}: {
  /** createRequestHandler(build, mode) from @remix-run/node */
  handle: RemixHandler;
  /** the most this request's body may carry, in bytes */
  bodyLimit: (req: ExpressRequest) => number;
  getLoadContext?: (req: ExpressRequest, res: ExpressResponse) => AppLoadContext;
}): RequestHandler {
  return async (req, res, next) => {
    // aborted when the client goes away before the answer is sent, or when its body is refused:
    // Remix stops, and does not report the failed read of a refused body as an error
    const controller = new AbortController();
    res.on("close", () => {
      if (!res.writableFinished) controller.abort();
    });
    let body: ReadableStream<Uint8Array> | undefined;
    if (req.method !== "GET" && req.method !== "HEAD") {
      const counted = countedBody(req, bodyLimit(req), () => {
        controller.abort();
        sendTooLarge(req, res);
      });
      body = createReadableStreamFromReadable(counted);
    }
    try {
      const request = new Request(requestUrl(req), {
        method: req.method,
        headers: requestHeaders(req.headers),
        signal: controller.signal,
        ...(body ? { body, duplex: "half" } : {}),
      });
      const response = await handle(request, getLoadContext?.(req, res));
      // refused (413 already sent) or the client is gone: nobody reads this answer
      if (res.headersSent || controller.signal.aborted) {
        await response.body?.cancel().catch(() => undefined);
        return;
      }
      await sendResponse(res, response);
      // a body the route never read: dropped, so the connection can carry the next request
      if (body && !req.complete) {
        req.unpipe();
        req.resume();
      }
    } catch (error) {
      if (res.headersSent || controller.signal.aborted) return;
      next(error);
    }
  };
}

function requestUrl(req: ExpressRequest): string {
  // req.hostname has no port and follows "trust proxy"; the port comes from X-Forwarded-Host or Host
  const port = [req.get("X-Forwarded-Host"), req.get("host")]
    .map((host) => Number.parseInt(host?.split(":")[1] ?? "", 10))
    .find((value) => Number.isSafeInteger(value));
  return new URL(`${req.protocol}://${req.hostname}${port ? `:${port}` : ""}${req.originalUrl}`).href;
}

function requestHeaders(incoming: IncomingHttpHeaders): Headers {
  const headers = new Headers();
  for (const [name, values] of Object.entries(incoming)) {
    if (values === undefined) continue;
    for (const value of Array.isArray(values) ? values : [values]) headers.append(name, value);
  }
  return headers;
}

async function sendResponse(res: ExpressResponse, response: Response) {
  res.statusMessage = response.statusText;
  res.status(response.status);
  for (const [name, value] of response.headers.entries()) res.append(name, value);
  if (response.headers.get("Content-Type")?.match(/text\/event-stream/i)) res.flushHeaders();
  if (response.body) await writeReadableStreamToWritable(response.body, res);
  else res.end();
}
