// Renders documents: one i18next instance per language (made once: the translations are bundled
// and an instance's language never changes, so requests can share it), a CSP nonce
// for Remix's inline scripts, and the security headers on every document and data response.
import { PassThrough } from "node:stream";
import {
  type EntryContext,
  type HandleDataRequestFunction,
  createReadableStreamFromReadable,
} from "@remix-run/node";
import { RemixServer } from "@remix-run/react";
import { type i18n as I18n, createInstance } from "i18next";
import { isbot } from "isbot";
import { renderToPipeableStream } from "react-dom/server";
import { I18nextProvider, initReactI18next } from "react-i18next";
import { i18nConfig } from "~/i18n/config";
import { getLanguage } from "~/i18n/i18n.server";
import { NonceProvider } from "~/utils/nonce-provider";
import { applySecurityHeaders, createNonce } from "~/utils/security-headers.server";

export const streamTimeout = 5_000;

const instances = new Map<string, I18n>();

/** The shared i18next instance for a language (building one per request was a tenth of a page). */
async function i18nFor(language: string): Promise<I18n> {
  const kept = instances.get(language);
  if (kept) return kept;
  const instance = createInstance();
  await instance.use(initReactI18next).init({ ...i18nConfig, lng: language });
  instances.set(language, instance);
  return instance;
}

export default async function handleRequest(
  request: Request,
  responseStatusCode: number,
  responseHeaders: Headers,
  remixContext: EntryContext,
) {
  const nonce = createNonce();
  const instance = await i18nFor(await getLanguage(request));

  // crawlers and SPA-mode prerendering get the whole page at once
  const readyEvent =
    isbot(request.headers.get("user-agent")) || remixContext.isSpaMode ? "onAllReady" : "onShellReady";

  return new Promise<Response>((resolve, reject) => {
    let shellRendered = false;
    const { pipe, abort } = renderToPipeableStream(
      <NonceProvider value={nonce}>
        <I18nextProvider i18n={instance}>
          <RemixServer context={remixContext} url={request.url} abortDelay={streamTimeout} nonce={nonce} />
        </I18nextProvider>
      </NonceProvider>,
      {
        nonce,
        [readyEvent]() {
          shellRendered = true;
          const body = new PassThrough();
          responseHeaders.set("Content-Type", "text/html; charset=utf-8");
          applySecurityHeaders(responseHeaders, nonce);
          resolve(
            new Response(createReadableStreamFromReadable(body), {
              headers: responseHeaders,
              status: responseStatusCode,
            }),
          );
          pipe(body);
        },
        onShellError(error: unknown) {
          reject(error);
        },
        onError(error: unknown) {
          responseStatusCode = 500;
          // errors before the shell are reported by onShellError; later ones only here
          if (shellRendered) console.error(error);
        },
      },
    );
    setTimeout(abort, streamTimeout + 1_000);
  });
}

export const handleDataRequest: HandleDataRequestFunction = (response) => {
  applySecurityHeaders(response.headers);
  return response;
};
