import { describe, expect, it } from "vitest";
import { isCrossSiteWrite } from "./csrf.server";

const base = {
  method: "POST",
  path: "/masuk",
  host: "lintas.example.id",
  origin: undefined,
  secFetchSite: undefined,
};

describe("cross-site write detection", () => {
  it.each([
    [
      "a form post from our own page",
      { origin: "https://lintas.example.id", secFetchSite: "same-origin" },
      false,
    ],
    ["a form post from another site", { origin: "https://evil.example", secFetchSite: "cross-site" }, true],
    ["a sibling subdomain", { origin: "https://x.example.id", secFetchSite: "same-site" }, true],
    ["an old browser with only Origin, foreign", { origin: "https://evil.example" }, true],
    ["an old browser with only Origin, ours", { origin: "http://lintas.example.id" }, false],
    ["a sandboxed frame (Origin: null)", { origin: "null" }, true],
    [
      "a GET from anywhere",
      { method: "GET", origin: "https://evil.example", secFetchSite: "cross-site" },
      false,
    ],
    ["the LiveKit webhook", { path: "/api/livekit/webhook", origin: "https://livekit.example" }, false],
    ["a non-browser client", {}, false],
  ])("%s → %s", (_name, change, expected) => {
    expect(isCrossSiteWrite({ ...base, ...change })).toBe(expected);
  });
});
