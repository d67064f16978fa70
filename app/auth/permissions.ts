// Who may do what: a map from role to actions, each with the widest scope the role gets.
// Checked in one place (requirePermission); models turn the scope into query filters.
import type { Role } from "~/generated/prisma/enums";

export const ACTIONS = [
  "app:use", // signed-in pages (dashboard, profile)
  "project:read",
  "project:create",
  "project:update",
  "project:review", // comment on and approve milestones
  // write on a project's discussion (and @mention people in it); a read-only viewer only reads it
  "project:comment",
  "project:launch",
  "cohort:import", // a training institution imports a cohort's participants and project titles
  // the spreadsheet progress update (/proyek/pembaruan-massal, docs/decisions/0060): download the
  // milestones and indicators of the projects in scope and upload them filled; each row still needs
  // what the form needs (project:update for statuses, dates and measurements; project:review to approve)
  "project:bulk-update",
  "pairing:read",
  "pairing:create",
  "pairing:update",
  "pairing:replicate", // the replication record: what the mentee adopted, adapted, dropped, and its results
  // commitments (tindak lanjut) of a pairing: add them, set their status, turn the mentee's into
  // milestones. Those who run the pairing write them: the facilitator, the officers of either
  // region (the Pokja secretariats) and each side's lead; an ordinary participant or a viewer
  // reads them. Turning one into a milestone writes the mentee's change project, so it is further
  // limited to the mentee side (commitmentWhere / menteeCommitmentWhere in scope.server.ts).
  "pairing:commit",
  "session:read",
  "session:create", // a pairing's sessions
  "session:host", // stand-alone sessions: a change project's team, a province's coordination meeting
  "session:join",
  // record by hand whether a past session was held and who attended (Zoom, WhatsApp, in person, or
  // LiveKit while its webhook was down): the facilitator, and the officers of the session's host
  // region (a pairing's mentor region; a stand-alone session's region) (sessionRecordWhere)
  "session:record",
  // a pairing's time polls (/pasangan/:pairingId/pilih-waktu): open one, see its grid, pick the slot
  // that becomes the session(s). Those asked answer as themselves (signed in, or their personal link).
  "poll:manage",
  "lesson:write",
  "lesson:publish",
  // comment on a lesson in review, and see it in the review queue (/tinjauan): facilitators all;
  // anyone else the lessons of pairings they lead, either side (reviewWhere in lesson-review.server.ts)
  "lesson:review",
  "practice:curate",
  "people:invite",
  "people:manage",
  "outbox:read",
  "audit:read",
  "data:backup", // download a consistent snapshot of the whole database
  "region:manage", // agencies (OPD) and working groups (Pokja) of a region
  "dashboard:read", // the region, province and cohort dashboards (rows still follow project:read)
] as const;
export type Action = (typeof ACTIONS)[number];

/**
 * own: records the person leads or belongs to; assigned: projects they coach or mentor;
 * agency: their organisation's; region: their region's (a province membership covers its
 * kabupaten/kota: "province"); all: everything.
 */
export type ScopeKind = "own" | "assigned" | "agency" | "region" | "province" | "all";

const READ_ALL = {
  "app:use": "all",
  "project:read": "all",
  "pairing:read": "all",
  "session:read": "all",
} as const;

export const PERMISSIONS: Record<Role, Partial<Record<Action, ScopeKind>>> = {
  ADMIN: Object.fromEntries(ACTIONS.map((action) => [action, "all"])) as Record<Action, ScopeKind>,
  FACILITATOR: {
    ...READ_ALL,
    "project:comment": "all",
    "pairing:create": "all",
    "pairing:update": "all",
    "pairing:replicate": "all",
    "pairing:commit": "all",
    "session:create": "all",
    "session:host": "all",
    "session:join": "all",
    "session:record": "all",
    "poll:manage": "all",
    "lesson:write": "all",
    "lesson:publish": "all",
    "lesson:review": "all",
    "practice:curate": "all",
    "people:invite": "all",
    "cohort:import": "all",
    "region:manage": "all",
    "dashboard:read": "all",
  },
  REGION_OFFICER: {
    "app:use": "all",
    "project:read": "region",
    "project:create": "region",
    "project:update": "region",
    "project:comment": "region",
    "project:launch": "region",
    "project:bulk-update": "region",
    "pairing:read": "region",
    "pairing:update": "region",
    // of pairings whose mentee is their region (replicationWhere), or that they lead
    "pairing:replicate": "region",
    // of pairings of their region (either side); milestones only when their region is the mentee
    "pairing:commit": "region",
    "session:read": "region",
    // its projects' teams; a province's officer also the province's coordination meeting
    "session:host": "region",
    "session:join": "region",
    // the sessions their region hosts (sessionRecordWhere)
    "session:record": "region",
    "lesson:write": "region",
    // not their region's lessons (they write them): those of the pairings they lead
    "lesson:review": "own",
    "practice:curate": "region",
    "region:manage": "region",
    "dashboard:read": "region",
  },
  PARTICIPANT: {
    "app:use": "all",
    "project:read": "own",
    "project:create": "own",
    "project:update": "own",
    "project:comment": "own",
    "pairing:read": "region",
    // of pairings they lead (replicationWhere)
    "pairing:replicate": "own",
    // of pairings they lead (a side's lead participant, linked to their account)
    "pairing:commit": "own",
    "session:read": "own",
    // the teams of the projects they lead or belong to
    "session:host": "own",
    "session:join": "own",
    "lesson:write": "own",
    "lesson:review": "own",
  },
  COACH: {
    "app:use": "all",
    "dashboard:read": "assigned",
    "project:read": "assigned",
    "project:bulk-update": "assigned",
    "project:review": "assigned",
    "project:comment": "assigned",
    "pairing:replicate": "own",
    "session:read": "own",
    "session:join": "own",
    "lesson:review": "own",
  },
  MENTOR: {
    "app:use": "all",
    "dashboard:read": "assigned",
    "project:read": "assigned",
    "project:review": "assigned",
    "project:comment": "assigned",
    "pairing:replicate": "own",
    "session:read": "own",
    "session:join": "own",
    "lesson:review": "own",
  },
  VIEWER: {
    "app:use": "all",
    "dashboard:read": "region",
    "project:read": "region",
    "pairing:read": "region",
    "session:read": "region",
  },
};

export type Membership = { role: Role; regionCode: string | null; organisationId: string | null };

export type Grant = { scope: ScopeKind; regionCode: string | null; organisationId: string | null };

/** Every grant the person's memberships give for an action (empty: not allowed). */
export function grantsFor(memberships: Membership[], action: Action): Grant[] {
  return memberships.flatMap((membership) => {
    const scope = PERMISSIONS[membership.role][action];
    if (!scope) return [];
    // a region-scoped role held for a province covers the province's kabupaten/kota
    const widened =
      scope === "region" && membership.regionCode && !membership.regionCode.includes(".")
        ? "province"
        : scope;
    return [{ scope: widened, regionCode: membership.regionCode, organisationId: membership.organisationId }];
  });
}

export function can(memberships: Membership[], action: Action): boolean {
  return grantsFor(memberships, action).length > 0;
}
