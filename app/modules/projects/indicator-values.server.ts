// What pages read of a project's indicators: their targets and values, as plain numbers.
import type { Prisma } from "~/generated/prisma/client";

type DecimalLike = { toNumber(): number } | number | null;

function toNumber(value: DecimalLike) {
  return value === null ? null : typeof value === "number" ? value : value.toNumber();
}

/** Indicator values as plain numbers: Prisma's Decimal does not survive the trip to the browser. */
export function plainIndicator<
  T extends { baseline: DecimalLike; target: DecimalLike; measurements: ({ value: DecimalLike } & object)[] },
>(indicator: T) {
  return {
    ...indicator,
    baseline: toNumber(indicator.baseline),
    target: toNumber(indicator.target),
    measurements: indicator.measurements.map((m) => ({ ...m, value: toNumber(m.value) as number })),
  };
}

/** An indicator's unit, direction, baseline and target: what is needed to read its values. */
export const indicatorTargetSelect = {
  unit: true,
  direction: true,
  baseline: true,
  baselineYear: true,
  target: true,
  targetYear: true,
} satisfies Prisma.IndicatorSelect;

/** Only an indicator's latest measurement. */
export const latestMeasurementSelect = {
  select: { value: true, measuredAt: true, periodLabel: true },
  orderBy: { measuredAt: "desc" },
  take: 1,
} satisfies Prisma.Indicator$measurementsArgs;

/** What public pages show of an indicator: its values over time, never who entered them. */
export const publicIndicatorSelect = {
  select: {
    id: true,
    name: true,
    ...indicatorTargetSelect,
    measurements: {
      select: { value: true, measuredAt: true, periodLabel: true, source: true },
      orderBy: { measuredAt: "asc" },
    },
  },
} satisfies Prisma.ChangeProject$indicatorsArgs;
