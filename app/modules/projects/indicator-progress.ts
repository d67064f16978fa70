// How far an indicator has come from its baseline toward its target, in its good direction
// (higher or lower is better). The one progress calculation: charts, pages and reports use it.

type Target = { direction: "UP" | "DOWN"; baseline: number | null; target: number | null };

/** Share of the way from baseline to target, in the indicator's good direction (0–1, may exceed 1). */
export function progressTowardTarget(indicator: Target, latest: number | null) {
  if (indicator.baseline === null || indicator.target === null || latest === null) return null;
  const span = indicator.target - indicator.baseline;
  if (span === 0) return latest === indicator.target ? 1 : 0;
  const progress = (latest - indicator.baseline) / span;
  // a value moving the wrong way is negative progress, whichever the direction
  const wrongWay = indicator.direction === "UP" ? latest < indicator.baseline : latest > indicator.baseline;
  return wrongWay ? -Math.abs(progress) : progress;
}

/** Progress of the latest measurement (measurements oldest first); null without baseline, target or a value. */
export function latestProgress(indicator: Target & { measurements: { value: number }[] }) {
  const latest = indicator.measurements.at(-1);
  return progressTowardTarget(indicator, latest ? latest.value : null);
}
