// Issue #25 item 9, for the pages whose key is a token in the address rather than a cookie: the
// personal calendar feed and an invitation (the invitee's email and name) must not be kept by a
// browser's or a proxy's cache, as a document, as a single-fetch .data answer, and through the
// Express middleware of server/start.ts, which keeps a route's own no-store.
import type { AddressInfo } from "node:net";
import { createRequestHandler } from "@remix-run/node";
import express from "express";
import { beforeAll, describe, expect, it } from "vitest";
import { rotateCalendarToken } from "~/modules/sessions/calendar-feed.server";
import { inviteUser } from "~/modules/accounts/user.server";
import * as feedRoute from "~/routes/sessions/calendar-feed";
import { privateCacheMiddleware } from "~/utils/security-headers.server";
import { callRoute, cookieFor, createPerson, ensureRegions, getRequest } from "../fixtures/people";
import { loadAppBuild } from "../fixtures/app-build";

let handle: (request: Request) => Promise<Response>;
let invitationToken: string;

beforeAll(async () => {
  await ensureRegions();
  const facilitator = await createPerson({ role: "FACILITATOR" });
  invitationToken = await inviteUser(facilitator.id, {
    email: "tamu-rahasia@blitar.test",
    name: "Tamu Rahasia",
    role: "VIEWER",
  });
  const started = await loadAppBuild();
  const build = started.build;
  const handler = createRequestHandler(build, "production");
  handle = (request) => handler(request, { clientIp: "198.18.3.1" });
}, 60_000);

describe("pages keyed by a token in the address", () => {
  it("the personal calendar feed is private, no-store", async () => {
    const person = await createPerson({ role: "FACILITATOR" });
    const token = await rotateCalendarToken(person.id);
    const response = await callRoute(feedRoute.loader, getRequest(`/kalender/${token}.ics`), {
      token: `${token}.ics`,
    });
    expect(response.status).toBe(200);
    expect(response.headers.get("Cache-Control")).toBe("private, no-store");
  });

  it("an invitation's page and its .data answer, which show the invitee, are private, no-store", async () => {
    for (const path of [`/undangan/${invitationToken}`, `/undangan/${invitationToken}.data`]) {
      const response = await handle(new Request(`http://localhost${path}`));
      expect(response.status, path).toBe(200);
      expect(await response.text(), path).toContain("tamu-rahasia@blitar.test");
      expect(response.headers.get("Cache-Control"), path).toBe("private, no-store");
    }
  });

  it("keeps no-store through server/start.ts's private-cache middleware, with or without a sign-in", async () => {
    const app = express();
    app.use(privateCacheMiddleware());
    app.all("*", async (req, res) => {
      const response = await handle(
        new Request(`http://localhost${req.originalUrl}`, {
          headers: req.headers.cookie ? { Cookie: req.headers.cookie } : {},
        }),
      );
      res.status(response.status);
      for (const [name, value] of response.headers) res.setHeader(name, value);
      res.send(Buffer.from(await response.arrayBuffer()));
    });
    const server = app.listen(0, "127.0.0.1");
    await new Promise((resolve) => server.once("listening", resolve));
    try {
      const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
      const person = await createPerson({ role: "VIEWER" });
      const signedIn = await cookieFor(person.id);
      for (const cookie of [undefined, signedIn]) {
        for (const path of [`/undangan/${invitationToken}`, `/undangan/${invitationToken}.data`]) {
          const response = await fetch(`${base}${path}`, { headers: cookie ? { Cookie: cookie } : {} });
          expect(response.headers.get("Cache-Control"), `${path} ${cookie ? "signed in" : ""}`).toBe(
            "private, no-store",
          );
        }
      }
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
  });
});
