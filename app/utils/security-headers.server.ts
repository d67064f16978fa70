// Security headers for every response: documents get them in entry.server.tsx (with the
// per-request nonce of Remix's inline scripts); static files and resource routes get them from
// the Express middleware in server/start.ts, which fills in whatever a response did not set.
import { randomBytes } from "node:crypto";
import type { RequestHandler } from "express";
import onHeaders from "on-headers";
import { env } from "~/env.server";

export type SecurityHeaderOptions = {
  /** nonce of the inline scripts in this document; none for static files and data */
  nonce?: string;
  nodeEnv: "development" | "production" | "test";
  /** public base URL: HSTS and upgrade-insecure-requests only when it is https in production */
  appUrl: string;
  /** the LiveKit server (https:// or wss://), which the conference room connects to */
  livekitUrl?: string;
};

export function createNonce(): string {
  return randomBytes(16).toString("base64");
}

function websocketOrigin(url: string): string[] {
  const parsed = new URL(url);
  const secure = parsed.protocol === "https:" || parsed.protocol === "wss:";
  return [`${secure ? "wss" : "ws"}://${parsed.host}`, `${secure ? "https" : "http"}://${parsed.host}`];
}

export function contentSecurityPolicy(options: SecurityHeaderOptions): string {
  const development = options.nodeEnv === "development";
  const https = options.nodeEnv === "production" && options.appUrl.startsWith("https://");
  const connect = ["'self'"];
  if (options.livekitUrl) connect.push(...websocketOrigin(options.livekitUrl));
  // Vite's hot-reload socket
  if (development) connect.push("ws:");
  const directives: Record<string, string[] | null> = {
    "default-src": ["'self'"],
    // no 'unsafe-inline': Remix's inline scripts carry the nonce
    "script-src": ["'self'", ...(options.nonce ? [`'nonce-${options.nonce}'`] : [])],
    // Vite injects <style> elements in development only
    "style-src": development ? ["'self'", "'unsafe-inline'"] : ["'self'"],
    // style attributes (a progress bar's width) cannot run code; allow them
    "style-src-attr": ["'unsafe-inline'"],
    "img-src": ["'self'", "data:", "blob:"],
    "font-src": ["'self'"],
    "connect-src": connect,
    // camera and microphone streams of the conference room
    "media-src": ["'self'", "blob:"],
    "worker-src": ["'self'", "blob:"],
    "object-src": ["'none'"],
    "base-uri": ["'self'"],
    "form-action": ["'self'"],
    "frame-ancestors": ["'none'"],
    "upgrade-insecure-requests": https ? [] : null,
  };
  return Object.entries(directives)
    .filter((entry): entry is [string, string[]] => entry[1] !== null)
    .map(([name, values]) => [name, ...values].join(" "))
    .join("; ");
}

export function securityHeaders(options: SecurityHeaderOptions): Record<string, string> {
  const headers: Record<string, string> = {
    "Content-Security-Policy": contentSecurityPolicy(options),
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "strict-origin-when-cross-origin",
    // conference rooms use camera, microphone and screen sharing on this origin only
    "Permissions-Policy":
      "camera=(self), microphone=(self), display-capture=(self), fullscreen=(self), geolocation=(), payment=(), usb=()",
    // for browsers without frame-ancestors
    "X-Frame-Options": "DENY",
    "Cross-Origin-Opener-Policy": "same-origin",
  };
  if (options.nodeEnv === "production" && options.appUrl.startsWith("https://")) {
    headers["Strict-Transport-Security"] = "max-age=31536000; includeSubDomains";
  }
  return headers;
}

/** The headers for this process's configuration. */
export function securityHeadersForEnv(nonce?: string): Record<string, string> {
  return securityHeaders({ nonce, nodeEnv: env.NODE_ENV, appUrl: env.APP_URL, livekitUrl: env.LIVEKIT_URL });
}

/** Sets every security header on a response's headers (documents: with their nonce). */
export function applySecurityHeaders(headers: Headers, nonce?: string): Headers {
  for (const [name, value] of Object.entries(securityHeadersForEnv(nonce))) headers.set(name, value);
  return headers;
}

/**
 * Express middleware: just before a response's headers are written, adds each security header
 * the response has not set itself, so static files and resource routes get them too while a
 * document keeps the nonce policy set by entry.server.tsx.
 */
export function securityHeadersMiddleware(): RequestHandler {
  const headers = Object.entries(securityHeadersForEnv());
  return (_request, response, next) => {
    onHeaders(response, function fillIn() {
      for (const [name, value] of headers) {
        if (!response.hasHeader(name)) response.setHeader(name, value);
      }
    });
    next();
  };
}

/** The sign-in cookie (app/auth/session.server.ts) */
const SESSION_COOKIE = /(?:^|;\s*)__lintas_session=/;

/**
 * Express middleware: a response that depends on the person (the request carries the sign-in
 * cookie, or the response sets a cookie) must not be kept by a browser's or a proxy's cache, so
 * it gets `Cache-Control: private, no-store` and `Vary: Cookie` just before its headers are
 * written — also when a page cache replays it. A route's own `no-store` is kept; anonymous
 * responses (the public catalogue) keep their caching.
 */
export function privateCacheMiddleware(): RequestHandler {
  return (request, response, next) => {
    const signedIn = SESSION_COOKIE.test(request.headers.cookie ?? "");
    onHeaders(response, function markPrivate() {
      if (!signedIn && !response.hasHeader("Set-Cookie")) return;
      if (!/\bno-store\b/i.test(String(response.getHeader("Cache-Control") ?? "")))
        response.setHeader("Cache-Control", "private, no-store");
      response.vary("Cookie");
    });
    next();
  };
}
