import { describe, expect, it } from "vitest";
import type { Action } from "~/auth/permissions";
import type { ProjectStatus } from "~/generated/prisma/enums";
import {
  type ProjectFacts,
  TRANSITIONS,
  addMonths,
  checkInSchedule,
  riskReasons,
  checkTransition,
  isAtRisk,
  movesFor,
} from "./project-status";

const STATUSES: ProjectStatus[] = [
  "DRAFT",
  "PROPOSED",
  "APPROVED",
  "PILOTING",
  "LAUNCHED",
  "IMPLEMENTED",
  "SUSTAINED",
  "STOPPED",
];
const LAUNCH = new Date("2023-10-10T03:00:00Z");

const complete: ProjectFacts = {
  kind: "TRAINING_CHANGE_PROJECT",
  problem: "Sanitasi aman baru 1,22 %",
  teamSize: 6,
  milestones: [
    { horizon: "SHORT", status: "DONE" },
    { horizon: "MEDIUM", status: "IN_PROGRESS" },
    { horizon: "LONG", status: "NOT_STARTED" },
  ],
  indicatorCount: 2,
  launchedAt: LAUNCH,
  checkIns: [
    { createdAt: new Date("2024-01-08T00:00:00Z") },
    { createdAt: new Date("2024-10-01T00:00:00Z") },
  ],
};
const everything = () => true;
const input = {
  launchEvent: { title: "Launching PKN II", date: LAUNCH, launchedBy: "Bupati Lahat" },
  stopReason: "Anggaran dialihkan",
};
const now = new Date("2024-11-01T00:00:00Z");

// the complete table of allowed moves: from → to
const ALLOWED: Record<ProjectStatus, ProjectStatus[]> = {
  DRAFT: ["PROPOSED", "STOPPED"],
  PROPOSED: ["APPROVED", "DRAFT", "STOPPED"],
  APPROVED: ["PILOTING", "STOPPED"],
  PILOTING: ["LAUNCHED", "STOPPED"],
  LAUNCHED: ["IMPLEMENTED", "STOPPED"],
  IMPLEMENTED: ["SUSTAINED", "STOPPED"],
  SUSTAINED: ["STOPPED"],
  STOPPED: [],
};

describe("launch status transitions", () => {
  const table = STATUSES.flatMap((from) =>
    STATUSES.map((to) => ({ from, to, allowed: ALLOWED[from].includes(to) })),
  );

  it.each(table)("$from → $to allowed: $allowed", ({ from, to, allowed }) => {
    const result = checkTransition(from, to, everything, complete, input, now);
    expect(result.ok).toBe(allowed);
    if (!allowed) expect(result).toMatchObject({ reason: "not-a-move" });
  });

  it("matches the map in code", () => {
    for (const from of STATUSES)
      expect(TRANSITIONS[from].map((m) => m.to).sort()).toEqual([...ALLOWED[from]].sort());
  });

  it("refuses proposing a project with no team and no milestone, and says what is missing", () => {
    const result = checkTransition("DRAFT", "PROPOSED", everything, {
      ...complete,
      teamSize: 0,
      milestones: [],
    });
    expect(result).toEqual({
      ok: false,
      reason: "incomplete",
      missing: ["status.missing.team", "status.missing.milestone"],
    });
  });

  it("needs a launch event to launch and a reason to stop", () => {
    expect(checkTransition("PILOTING", "LAUNCHED", everything, complete, {})).toMatchObject({
      missing: ["status.missing.launchEvent"],
    });
    expect(checkTransition("LAUNCHED", "STOPPED", everything, complete, { stopReason: "  " })).toMatchObject({
      missing: ["status.missing.stopReason"],
    });
  });

  it("lets only a reviewer approve a training project, and the agency head approve others", () => {
    const reviewerOnly = (a: Action) => a === "project:review";
    const leaderOnly = (a: Action) => a === "project:update";
    const headOnly = (a: Action) => a === "project:launch";
    expect(checkTransition("PROPOSED", "APPROVED", reviewerOnly, complete).ok).toBe(true);
    expect(checkTransition("PROPOSED", "APPROVED", leaderOnly, complete)).toMatchObject({
      reason: "not-allowed",
    });
    expect(
      checkTransition("PROPOSED", "APPROVED", headOnly, { ...complete, kind: "REGIONAL_INNOVATION" }).ok,
    ).toBe(true);
    expect(checkTransition("PILOTING", "LAUNCHED", leaderOnly, complete, input)).toMatchObject({
      reason: "not-allowed",
    });
  });

  it("offers each person only the moves they may make", () => {
    const leaderOnly = (a: Action) => a === "project:update";
    const reviewerOnly = (a: Action) => a === "project:review";
    const headOnly = (a: Action) => a === "project:launch";
    const targets = (moves: { to: string }[]) => moves.map((m) => m.to);
    expect(targets(movesFor("DRAFT", "TRAINING_CHANGE_PROJECT", leaderOnly))).toEqual(["PROPOSED"]);
    expect(targets(movesFor("PROPOSED", "TRAINING_CHANGE_PROJECT", leaderOnly))).toEqual([]);
    expect(targets(movesFor("PROPOSED", "TRAINING_CHANGE_PROJECT", reviewerOnly))).toEqual([
      "APPROVED",
      "DRAFT",
    ]);
    expect(targets(movesFor("PROPOSED", "REGIONAL_INNOVATION", reviewerOnly))).toEqual(["DRAFT"]);
    expect(targets(movesFor("PROPOSED", "REGIONAL_INNOVATION", headOnly))).toEqual(["APPROVED"]);
    expect(targets(movesFor("PILOTING", "TRAINING_CHANGE_PROJECT", leaderOnly))).toEqual([]);
    expect(targets(movesFor("PILOTING", "TRAINING_CHANGE_PROJECT", headOnly))).toEqual(["LAUNCHED"]);
  });

  it("counts a year before a project can be called sustained", () => {
    expect(
      checkTransition("IMPLEMENTED", "SUSTAINED", everything, complete, {}, new Date("2024-06-01")),
    ).toMatchObject({
      missing: ["status.missing.yearSinceLaunch"],
    });
    expect(checkTransition("IMPLEMENTED", "SUSTAINED", everything, complete, {}, now).ok).toBe(true);
  });
});

describe("check-ins and at-risk", () => {
  const base = {
    status: "LAUNCHED" as ProjectStatus,
    launchedAt: LAUNCH,
    milestones: [] as { status: string; dueDate: Date | null }[],
  };

  it("asks for check-ins at 3, 6 and 12 months after launch", () => {
    const schedule = checkInSchedule(LAUNCH, [], new Date("2024-05-01"));
    expect(schedule.map((c) => c.due.toISOString().slice(0, 10))).toEqual([
      "2024-01-10",
      "2024-04-10",
      "2024-10-10",
    ]);
    expect(schedule.map((c) => c.overdue)).toEqual([true, true, false]);
  });

  it.each([
    ["13 days after the 3-month check-in was due", "2024-01-23", false],
    ["15 days after it was due", "2024-01-25", true],
  ])("without check-ins, is %s at risk: %s", (_label, date, expected) => {
    expect(isAtRisk({ ...base, checkIns: [] }, new Date(date))).toBe(expected);
  });

  it("is not at risk when the check-in was made in the month before it was due", () => {
    expect(
      isAtRisk({ ...base, checkIns: [{ createdAt: new Date("2023-12-20") }] }, new Date("2024-02-01")),
    ).toBe(false);
  });

  it("is at risk when a milestone is past its date and not done", () => {
    const checkIns = [{ createdAt: new Date("2024-01-05") }];
    const late = [{ status: "IN_PROGRESS", dueDate: new Date("2024-01-15") }];
    expect(isAtRisk({ ...base, checkIns, milestones: late }, new Date("2024-01-20"))).toBe(true);
    expect(
      isAtRisk(
        { ...base, checkIns, milestones: [{ status: "DONE", dueDate: new Date("2024-01-15") }] },
        new Date("2024-01-20"),
      ),
    ).toBe(false);
  });

  it("never flags a project that is not launched", () => {
    expect(isAtRisk({ ...base, status: "PILOTING", checkIns: [] }, new Date("2025-01-01"))).toBe(false);
  });
});

describe("check-in windows (issue 21)", () => {
  const launched = { status: "LAUNCHED" as ProjectStatus, launchedAt: LAUNCH, milestones: [] };
  const at = (iso: string, status = "ON_TRACK") => ({ createdAt: new Date(iso), status });

  it("meets a window only with a check-in inside it: one made 38 months after launch is late for one, and missing for the others", () => {
    const lateOne = [at("2026-12-10")];
    const schedule = checkInSchedule(LAUNCH, lateOne, new Date("2026-12-20"));
    expect(schedule.map((c) => c.state)).toEqual(["late", "overdue", "overdue"]);
    expect(schedule.map((c) => c.done)).toEqual([false, false, false]);
    expect(schedule[0].checkIn).toBe(lateOne[0]);
  });

  it("takes each check-in for one window only, inside its window first", () => {
    // 2 months 20 days (3-month window) and 6 months 5 days (6-month window) after 10 Oct 2023
    const schedule = checkInSchedule(LAUNCH, [at("2024-01-01"), at("2024-04-15")], new Date("2024-06-01"));
    expect(schedule.map((c) => c.state)).toEqual(["done", "done", "upcoming"]);
    // one in the 6-month window does not also answer for the 3-month one
    const one = checkInSchedule(LAUNCH, [at("2024-04-15")], new Date("2024-06-01"));
    expect(one.map((c) => c.state)).toEqual(["overdue", "done", "upcoming"]);
  });

  it("states the tolerance: a month either side of the due date", () => {
    const [three] = checkInSchedule(LAUNCH, [], new Date("2024-01-01"));
    expect(three.opens.toISOString().slice(0, 10)).toBe("2023-12-10");
    expect(three.closes.toISOString().slice(0, 10)).toBe("2024-02-10");
    expect(checkInSchedule(LAUNCH, [at("2024-02-09")], new Date("2024-03-01"))[0].state).toBe("done");
    expect(checkInSchedule(LAUNCH, [at("2024-02-11")], new Date("2024-03-01"))[0].state).toBe("late");
  });

  it("never counts a check-in made before the launch", () => {
    const schedule = checkInSchedule(LAUNCH, [at("2023-10-01")], new Date("2024-02-01"));
    expect(schedule[0].state).toBe("overdue");
  });

  it.each(["AT_RISK", "BLOCKED"])(
    "flags a project whose latest check-in says %s, with that check-in as reason",
    (status) => {
      const checkIns = [at("2023-12-20"), at("2024-01-05", status)];
      expect(riskReasons({ ...launched, checkIns }, new Date("2024-01-10"))).toEqual([
        { kind: "checkInJudgement", status, createdAt: new Date("2024-01-05") },
      ]);
      // a later "on track" check-in answers it
      expect(
        riskReasons({ ...launched, checkIns: [...checkIns, at("2024-01-08")] }, new Date("2024-01-10")),
      ).toEqual([]);
    },
  );

  it("names the overdue check-in and the late milestone", () => {
    const reasons = riskReasons(
      {
        ...launched,
        checkIns: [],
        milestones: [
          { title: "Perbup layanan lumpur tinja", status: "IN_PROGRESS", dueDate: new Date("2024-01-15") },
        ],
      },
      new Date("2024-02-01"),
    );
    expect(reasons).toEqual([
      { kind: "checkInOverdue", months: 3, due: addMonths(LAUNCH, 3) },
      { kind: "lateMilestone", title: "Perbup layanan lumpur tinja", dueDate: new Date("2024-01-15") },
    ]);
  });
});

describe("a report after the launch (issue 21)", () => {
  it("is not satisfied by a check-in made before the launch", () => {
    const before = { ...complete, checkIns: [{ createdAt: new Date(LAUNCH.getTime() - 86_400_000) }] };
    expect(checkTransition("LAUNCHED", "IMPLEMENTED", everything, before, {}, now)).toEqual({
      ok: false,
      reason: "incomplete",
      missing: ["status.missing.checkIn"],
    });
    expect(checkTransition("LAUNCHED", "IMPLEMENTED", everything, complete, {}, now).ok).toBe(true);
  });
});
