import { describe, expect, it } from "vitest";
import { type FollowUpFacts, followUpOf, isLateMilestone } from "~/modules/projects/follow-up";

const day = (iso: string) => new Date(`${iso}T00:00:00Z`);
const launchedAt = day("2023-10-10");
const base: FollowUpFacts = { status: "LAUNCHED", launchedAt, checkIns: [], milestones: [] };
const checkIn = (iso: string, status = "ON_TRACK") => ({ createdAt: day(iso), status });

describe("followUpOf", () => {
  it("marks each window met, late, missing, open or upcoming", () => {
    const f = followUpOf(
      { ...base, checkIns: [checkIn("2024-01-15"), checkIn("2024-06-01")] },
      day("2024-09-20"),
    );
    // 3 months (due 10 Jan 2024): met; 6 months (due 10 Apr, closes 10 May): the June one is late;
    // 12 months (due 10 Oct 2024, opens 10 Sep): open
    expect(f.windows.map((w) => w.mark)).toEqual(["met", "late", "open"]);
    expect(f.windows[1].checkInAt).toEqual(day("2024-06-01"));
    expect(followUpOf(base, day("2023-11-01")).windows.map((w) => w.mark)).toEqual([
      "upcoming",
      "upcoming",
      "upcoming",
    ]);
  });

  it("says 'no report' when check-ins were due and none was made since the launch", () => {
    const f = followUpOf({ ...base, checkIns: [checkIn("2023-09-01")] }, day("2026-12-07"));
    expect(f.windows.map((w) => w.mark)).toEqual(["missing", "missing", "missing"]);
    expect(f.verdict).toBe("noReport");
    expect(f.atRisk).toBe(true);
    // the check-in before the launch is still the last one reported
    expect(f.lastCheckIn?.createdAt).toEqual(day("2023-09-01"));
  });

  it("counts milestones done and late (dropped ones left out) and lists the late ones", () => {
    const f = followUpOf(
      {
        ...base,
        checkIns: [checkIn("2024-01-10")],
        milestones: [
          { title: "Launching", status: "DONE", dueDate: day("2023-10-10") },
          { title: "Aplikasi", status: "IN_PROGRESS", dueDate: day("2024-01-31") },
          { title: "Ditandai", status: "LATE", dueDate: null },
          { title: "Batal", status: "DROPPED", dueDate: day("2023-12-01") },
          { title: "Nanti", status: "NOT_STARTED", dueDate: day("2025-01-01") },
        ],
      },
      day("2024-02-15"),
    );
    expect(f.milestones).toEqual({ done: 1, late: 2, total: 4 });
    expect(f.lateMilestones.map((m) => m.title)).toEqual(["Aplikasi", "Ditandai"]);
    expect(f.verdict).toBe("atRisk");
    expect(f.riskReasons.map((r) => r.kind)).toEqual(["lateMilestone", "lateMilestone"]);
  });

  it("takes the person's own judgement as a risk, and is on track without any reason", () => {
    const now = day("2024-02-01");
    expect(followUpOf({ ...base, checkIns: [checkIn("2024-01-10", "BLOCKED")] }, now).verdict).toBe("atRisk");
    const ok = followUpOf({ ...base, checkIns: [checkIn("2024-01-10")] }, now);
    expect(ok.verdict).toBe("onTrack");
    expect(ok.atRisk).toBe(false);
  });

  it("lets the status answer for stopped, implemented and sustained projects", () => {
    const now = day("2026-12-07");
    expect(followUpOf({ ...base, status: "STOPPED" }, now).verdict).toBe("stopped");
    expect(followUpOf({ ...base, status: "IMPLEMENTED" }, now).verdict).toBe("implemented");
    expect(followUpOf({ ...base, status: "SUSTAINED" }, now).verdict).toBe("sustained");
    expect(followUpOf({ ...base, launchedAt: null, status: "PILOTING" }, now).windows).toEqual([]);
  });
});

describe("isLateMilestone", () => {
  it("is late when marked so or past due and open", () => {
    const now = day("2024-06-01");
    expect(isLateMilestone({ status: "LATE", dueDate: null }, now)).toBe(true);
    expect(isLateMilestone({ status: "IN_PROGRESS", dueDate: day("2024-05-31") }, now)).toBe(true);
    expect(isLateMilestone({ status: "DONE", dueDate: day("2024-05-31") }, now)).toBe(false);
    expect(isLateMilestone({ status: "NOT_STARTED", dueDate: day("2024-06-02") }, now)).toBe(false);
  });
});
