// A province's kabupaten/kota side by side.
import { grantsFor } from "~/auth/permissions";
import { prisma } from "~/db.server";
import { OutOfScopeError } from "~/errors";
import type { ProjectStatus } from "~/generated/prisma/enums";
import { indicatorTargetSelect, latestMeasurementSelect } from "~/modules/projects/indicator-values.server";
import { LAUNCHED_STATUSES } from "~/modules/projects/project-status";
import type { CurrentUser } from "~/modules/accounts/user.server";

/**
 * A province's kabupaten/kota side by side: one chosen indicator (by name, among those recorded
 * in the province) and project counts. Null for no such province; OutOfScopeError unless the
 * person's scope covers the whole province.
 */
export async function getProvinceDashboard(user: CurrentUser, code: string, indicatorName?: string | null) {
  const grants = grantsFor(user.memberships, "dashboard:read");
  const province = await prisma.region.findUnique({
    where: { code },
    select: { code: true, name: true, kind: true, timeZone: true },
  });
  if (!province || province.kind !== "PROVINCE") return null;
  const covers = grants.some((g) => g.scope === "all" || (g.scope === "province" && g.regionCode === code));
  if (!covers) throw new OutOfScopeError("province outside dashboard scope");
  const regencies = await prisma.region.findMany({
    where: { provinceCode: code },
    select: { code: true, name: true },
    orderBy: { code: "asc" },
  });
  const [names, projectCounts] = await Promise.all([
    prisma.indicator.groupBy({
      by: ["name"],
      where: { projectId: null, region: { provinceCode: code } },
      orderBy: { name: "asc" },
    }),
    // by the kabupaten/kota's codes, read through the region index: filtered through the join to
    // Region, PostgreSQL read all 10k projects to count a province's 600 (decision 0070)
    prisma.changeProject.groupBy({
      by: ["regionCode", "status"],
      where: { regionCode: { in: regencies.map((r) => r.code) } },
      _count: { _all: true },
    }),
  ]);
  const indicatorNames = names.map((n) => n.name);
  const chosen =
    indicatorName && indicatorNames.includes(indicatorName) ? indicatorName : (indicatorNames[0] ?? null);
  const indicators = chosen
    ? await prisma.indicator.findMany({
        where: { projectId: null, name: chosen, region: { provinceCode: code } },
        select: {
          regionCode: true,
          ...indicatorTargetSelect,
          measurements: latestMeasurementSelect,
        },
        orderBy: { createdAt: "asc" },
      })
    : [];
  const byRegion = new Map<string, (typeof indicators)[number]>();
  for (const i of indicators) if (i.regionCode && !byRegion.has(i.regionCode)) byRegion.set(i.regionCode, i);
  const projectRows = regencies.map((r) => {
    const rows = projectCounts.filter((c) => c.regionCode === r.code);
    const sum = (statuses?: ProjectStatus[]) =>
      rows.filter((c) => !statuses || statuses.includes(c.status)).reduce((s, c) => s + c._count._all, 0);
    const indicator = byRegion.get(r.code);
    const latest = indicator?.measurements[0];
    return {
      code: r.code,
      name: r.name,
      projects: sum(),
      launched: sum(LAUNCHED_STATUSES),
      stopped: sum(["STOPPED"]),
      indicator: indicator
        ? {
            value: latest
              ? Number(latest.value)
              : indicator.baseline === null
                ? null
                : Number(indicator.baseline),
            period: latest
              ? (latest.periodLabel ?? latest.measuredAt.toISOString().slice(0, 10))
              : indicator.baselineYear
                ? String(indicator.baselineYear)
                : null,
            target: indicator.target === null ? null : Number(indicator.target),
            targetYear: indicator.targetYear,
          }
        : null,
    };
  });
  const first = indicators[0];
  return {
    province,
    indicatorNames,
    chosen,
    unit: first?.unit ?? null,
    direction: first?.direction ?? null,
    regencies: projectRows,
  };
}
