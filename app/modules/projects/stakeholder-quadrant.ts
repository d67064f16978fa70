// The four quadrants of a stakeholder map (influence × interest, 1–5 each): pure, so the map on
// the team tab and the project PDF name them alike.
export const QUADRANTS = ["satisfy", "manage", "monitor", "inform"] as const;
export type Quadrant = (typeof QUADRANTS)[number];

/** Influence and interest of 3 or more count as high. */
export function quadrantOf(s: { influence: number; interest: number }): Quadrant {
  const influential = s.influence >= 3;
  const interested = s.interest >= 3;
  if (influential) return interested ? "manage" : "satisfy";
  return interested ? "inform" : "monitor";
}
