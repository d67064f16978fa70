import { describe, expect, it } from "vitest";
import { isOfflineWrite, reasonForReplay } from "./outbox";

describe("the offline outbox's rules", () => {
  it.each([
    ["/proyek/demo-project-l2t2-kendari", true],
    ["/proyek/demo-project-l2t2-kendari/tonggak", true],
    ["/proyek/demo-project-l2t2-kendari/indikator", true],
    ["/proyek/baru", false],
    ["/proyek/pembaruan-massal", false],
    ["/proyek/demo-project-l2t2-kendari/tim", false],
    ["/keluar", false],
    ["/pasangan/abc", false],
  ])("keeps a post to %s offline: %s", (path, kept) => {
    expect(isOfflineWrite(new URL(path, "http://127.0.0.1"))).toBe(kept);
  });

  it.each([
    [200, "", null],
    [303, "", null],
    [200, "/masuk", "signedOut"],
    [409, "", "conflict"],
    [400, "", "invalid"],
    [413, "", "invalid"],
    [403, "", "forbidden"],
    [500, "", "other"],
  ] as const)("reads a replayed write answered %i (led to %j) as %j", (status, to, reason) => {
    expect(reasonForReplay(status, to)).toBe(reason);
  });
});
