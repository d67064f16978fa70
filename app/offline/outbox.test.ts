import { describe, expect, it } from "vitest";
import { KEEP_WRITE_MS, isOfflineWrite, outcomeOfReplay, retryDelayMs, writtenFields } from "./outbox";

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
    [200, "", null, "saved"],
    [303, "", null, "saved"],
    // a lapsed session is not a failure: it waits for the sign-in
    [200, "/masuk", null, "signIn"],
    [401, "", null, "signIn"],
    // the server failed: tried again later, never dropped
    [500, "", null, "later"],
    [503, "", null, "later"],
    // the content refused: "not sent", with the content
    [409, "", null, "conflict"],
    [409, "", "recorded-by", "otherPerson"],
    [400, "", null, "invalid"],
    [413, "", null, "invalid"],
    [422, "", null, "invalid"],
    [403, "", null, "forbidden"],
  ] as const)(
    "reads a replayed write answered %i (led to %j, refused %j) as %j",
    (status, to, refused, outcome) => {
      expect(outcomeOfReplay(status, to, refused)).toBe(outcome);
    },
  );

  it("waits longer after each server failure, up to 15 minutes, and keeps a write 30 days", () => {
    expect([1, 2, 3, 10, 20].map(retryDelayMs)).toEqual([10_000, 20_000, 40_000, 900_000, 900_000]);
    expect(KEEP_WRITE_MS).toBe(30 * 24 * 3600 * 1000);
  });

  it("keeps what the person wrote, not the hidden fields", () => {
    const form = new FormData();
    form.set("intent", "milestone-update");
    form.set("milestoneId", "m1");
    form.set("version", "3");
    form.set("status", "DONE");
    form.set("note", "  ");
    form.set("evidenceFile", new File([new Uint8Array([1, 2])], "iplt.jpg", { type: "image/jpeg" }));
    form.set("evidenceUrl", new File([], ""));
    expect(writtenFields(form.entries())).toEqual([
      { name: "status", value: "DONE" },
      { name: "evidenceFile", value: "iplt.jpg", file: true },
    ]);
  });
});
