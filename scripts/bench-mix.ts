// Pure helpers of `npm run bench` (scripts/bench-http.ts): percentiles, the realistic mix's
// request plan (many people, each on their own pages, and anonymous visitors) and the writer's
// schedule. No I/O here, so they are tested on their own (scripts/bench-mix.test.ts).

/** the value at or below which p % of the sorted samples lie (nearest rank) */
export function percentile(sorted: readonly number[], p: number) {
  if (sorted.length === 0) return 0;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
}

export function summarise(latencies: readonly number[]) {
  const sorted = [...latencies].sort((a, b) => a - b);
  return { p50: percentile(sorted, 50), p95: percentile(sorted, 95), p99: percentile(sorted, 99) };
}

/**
 * The share of all answers that came from the page cache (an answer without the cache's header
 * was rendered, so it counts as a miss), or null ("n/a") when no answer had the header at all.
 */
export function hitRatio(hits: number, misses: number, answers = hits + misses): number | null {
  return hits + misses === 0 || answers === 0 ? null : hits / answers;
}

/** mulberry32: deterministic, so two runs ask for the same pages in the same order */
export function createRng(seed: number) {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export type MixPerson = {
  /** what the person's requests carry (their session cookie) */
  cookie: string;
  /** the pages this person reads, each with its kind (project, pairing, dashboard, catalogue) */
  pages: { kind: string; path: string }[];
};
export type MixRequest = { kind: string; path: string; cookie?: string; anonymous: boolean };

/**
 * The realistic mix: each request is, with probability `signedInShare`, a random signed-in person
 * on one of their own pages, otherwise an anonymous visitor on one of the public pages.
 */
export function createMixPlan({
  people,
  anonymousPages,
  signedInShare = 0.7,
  seed = 20,
}: {
  people: readonly MixPerson[];
  anonymousPages: readonly { kind: string; path: string }[];
  signedInShare?: number;
  seed?: number;
}): () => MixRequest {
  const withPages = people.filter((p) => p.pages.length > 0);
  if (withPages.length === 0 && anonymousPages.length === 0) throw new Error("the mix has no pages");
  const random = createRng(seed);
  const pick = <T>(items: readonly T[]) => items[Math.floor(random() * items.length)];
  return () => {
    const signedIn = withPages.length > 0 && (anonymousPages.length === 0 || random() < signedInShare);
    if (signedIn) {
      const person = pick(withPages);
      return { ...pick(person.pages), cookie: person.cookie, anonymous: false };
    }
    return { ...pick(anonymousPages), anonymous: true };
  };
}

/** when (ms after the start) the writer's writes are due: evenly spaced, `perSecond` a second */
export function writeSchedule(perSecond: number, durationSeconds: number): number[] {
  if (perSecond <= 0 || durationSeconds <= 0) return [];
  const count = Math.floor(perSecond * durationSeconds);
  return Array.from({ length: count }, (_, k) => (k * 1000) / perSecond);
}

/** "met" or "not met" for a measured value against a target (`atMost` or `atLeast`) */
export function checkTarget(value: number | undefined, target: { atMost?: number; atLeast?: number }) {
  if (value === undefined || Number.isNaN(value)) return "not measured";
  if (target.atMost !== undefined && value > target.atMost) return "not met";
  if (target.atLeast !== undefined && value < target.atLeast) return "not met";
  return "met";
}
