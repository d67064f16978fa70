import type { Role } from "~/generated/prisma/enums";

export const ROLES = [
  "ADMIN",
  "FACILITATOR",
  "REGION_OFFICER",
  "PARTICIPANT",
  "COACH",
  "MENTOR",
  "VIEWER",
] as const satisfies readonly Role[];
