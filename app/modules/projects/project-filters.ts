// The project list's filters as they travel in the address (?status=…&wilayah=…&halaman=2), so a
// filtered list, its pages, its board and its CSV are plain links that work without JavaScript.
import { PROJECT_STATUSES } from "~/modules/projects/project-schemas";

export const PROJECT_PAGE_SIZE = 25;
/** cards per board column; the column links to the filtered list for the rest */
export const BOARD_COLUMN_SIZE = 50;

export const PROJECT_SORTS = ["updated", "title", "region", "status"] as const;
export type ProjectSort = (typeof PROJECT_SORTS)[number];
export type ProjectStatusName = (typeof PROJECT_STATUSES)[number];

export type ListFilters = {
  status: ProjectStatusName | "";
  regionCode: string;
  cohortId: string;
  agency: string;
  sector: string;
  q: string;
  atRisk: boolean;
  sort: ProjectSort;
};

const text = (params: URLSearchParams, name: string, max = 100) =>
  (params.get(name) ?? "").trim().slice(0, max);

export function parseListFilters(params: URLSearchParams): ListFilters {
  const status = params.get("status") ?? "";
  const sort = params.get("urut") ?? "";
  const regionCode = text(params, "wilayah", 10);
  return {
    status: (PROJECT_STATUSES as readonly string[]).includes(status) ? (status as ProjectStatusName) : "",
    regionCode: /^\d{2}(\.\d{2})?$/.test(regionCode) ? regionCode : "",
    cohortId: text(params, "angkatan", 40),
    agency: text(params, "opd"),
    sector: text(params, "sektor"),
    q: text(params, "q"),
    atRisk: params.get("berisiko") === "1",
    sort: (PROJECT_SORTS as readonly string[]).includes(sort) ? (sort as ProjectSort) : "updated",
  };
}

/** The filters as query parameters (empty ones left out), for page links and the CSV link. */
export function listFilterParams(filters: ListFilters): URLSearchParams {
  const params = new URLSearchParams();
  if (filters.q) params.set("q", filters.q);
  if (filters.status) params.set("status", filters.status);
  if (filters.regionCode) params.set("wilayah", filters.regionCode);
  if (filters.cohortId) params.set("angkatan", filters.cohortId);
  if (filters.agency) params.set("opd", filters.agency);
  if (filters.sector) params.set("sektor", filters.sector);
  if (filters.atRisk) params.set("berisiko", "1");
  if (filters.sort !== "updated") params.set("urut", filters.sort);
  return params;
}

/** Filters in the shape the model takes. */
export function modelFilters(filters: ListFilters) {
  return {
    status: filters.status || undefined,
    regionCode: filters.regionCode || undefined,
    cohortId: filters.cohortId || undefined,
    agency: filters.agency || undefined,
    sector: filters.sector || undefined,
    q: filters.q || undefined,
    atRisk: filters.atRisk,
    sort: filters.sort,
  };
}

/** Page numbers to link: the first, the last and two either side of the current one. */
export function pageWindow(page: number, pageCount: number): (number | "gap")[] {
  const pages: (number | "gap")[] = [];
  for (let n = 1; n <= pageCount; n++) {
    if (n === 1 || n === pageCount || Math.abs(n - page) <= 2) pages.push(n);
    else if (pages[pages.length - 1] !== "gap") pages.push("gap");
  }
  return pages;
}
