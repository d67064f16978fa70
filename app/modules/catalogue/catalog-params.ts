// The catalogue's search parameters (shared by the page and the search model): facets, sorts,
// and the URL parameters that carry them, so every filtered view is a plain link.
import { MATURITIES } from "~/modules/catalogue/practice-schemas";
import { SPM_FIELDS } from "~/modules/projects/project-schemas";

export const CATALOG_SORTS = ["relevance", "recent", "replications"] as const;
export type CatalogSort = (typeof CATALOG_SORTS)[number];
export const REGION_KINDS = ["REGENCY", "CITY", "PROVINCE"] as const;
export const PAGE_SIZE = 20;

export type CatalogFilters = {
  sector?: string;
  spm?: (typeof SPM_FIELDS)[number];
  province?: string;
  kind?: (typeof REGION_KINDS)[number];
  maturity?: (typeof MATURITIES)[number];
  year?: number;
  hasResults?: boolean;
};
export type FacetName = keyof CatalogFilters;
export const FACETS: FacetName[] = ["sector", "spm", "province", "kind", "maturity", "year", "hasResults"];

/** The catalogue's filters from a URL's search parameters; unknown values are ignored. */
export function parseCatalogParams(params: URLSearchParams) {
  const pick = <T extends string>(values: readonly T[], value: string | null) =>
    values.includes(value as T) ? (value as T) : undefined;
  const year = Number(params.get("tahun"));
  const filters: CatalogFilters = {
    sector: params.get("sektor")?.trim().slice(0, 120) || undefined,
    spm: pick(SPM_FIELDS, params.get("spm")),
    province: /^\d{2}$/.test(params.get("provinsi") ?? "") ? params.get("provinsi")! : undefined,
    kind: pick(REGION_KINDS, params.get("jenis")),
    maturity: pick(MATURITIES, params.get("kematangan")),
    year: Number.isInteger(year) && year >= 1990 && year <= 2100 ? year : undefined,
    hasResults: params.get("hasil") === "1" ? true : undefined,
  };
  const page = Number(params.get("halaman"));
  return {
    q: params.get("q")?.trim().slice(0, 200) ?? "",
    filters,
    sort: pick(CATALOG_SORTS, params.get("urut")),
    page: Number.isInteger(page) && page > 1 && page < 1000 ? page : 1,
    /** every matching lesson (up to 100) rather than the first few: ?pelajaran=semua */
    allLessons: params.get("pelajaran") === "semua",
  };
}

/** The URL parameter each facet is carried in. */
export const FACET_PARAMS: Record<FacetName, string> = {
  sector: "sektor",
  spm: "spm",
  province: "provinsi",
  kind: "jenis",
  maturity: "kematangan",
  year: "tahun",
  hasResults: "hasil",
};

export type Segment = { text: string; mark?: true };
