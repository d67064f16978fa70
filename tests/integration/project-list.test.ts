// The project list in pages of 25 whose links keep the filters, the board by status with a
// count per column, and the CSV with the same filters; always inside the person's scope.
import { beforeAll, describe, expect, it } from "vitest";
import { prisma } from "~/db.server";
import { listFilterParams, pageWindow, parseListFilters } from "~/modules/projects/project-filters";
import * as listRoute from "~/routes/projects/index";
import * as csvRoute from "~/routes/projects/export.csv";
import { callRoute, cookieFor, createPerson, ensureRegions, getRequest } from "../fixtures/people";

let officer: string;
let stranger: string;
let cohortId: string;

type ListData = {
  view: "list";
  projects: { id: string; title: string; status: string; atRisk: boolean }[];
  total: number;
  page: number;
  pageCount: number;
  query: string;
};
type BoardData = {
  view: "board";
  columns: { status: string; total: number; projects: { title: string }[] }[];
};

async function load<T>(url: string, cookie = officer) {
  const response = await callRoute(listRoute.loader, getRequest(url, cookie));
  expect(response.status).toBe(200);
  return (await response.json()) as T;
}

beforeAll(async () => {
  await ensureRegions();
  officer = await cookieFor((await createPerson({ role: "REGION_OFFICER", regionCode: "74.71" })).id);
  stranger = await cookieFor((await createPerson({ role: "REGION_OFFICER", regionCode: "35.72" })).id);
  cohortId = (await prisma.cohort.create({ data: { programme: "PKN_II", batch: "Angkatan XX", year: 2023 } }))
    .id;
  const statuses = [
    "DRAFT",
    "PROPOSED",
    "APPROVED",
    "PILOTING",
    "LAUNCHED",
    "IMPLEMENTED",
    "SUSTAINED",
    "STOPPED",
  ];
  const year = new Date().getUTCFullYear();
  await prisma.changeProject.createMany({
    data: Array.from({ length: 30 }, (_, i) => ({
      title: `Proyek ${String(i + 1).padStart(2, "0")}`,
      kind: "REGIONAL_INNOVATION" as const,
      regionCode: "74.71",
      status: statuses[i % statuses.length] as "DRAFT",
      sector: i % 2 ? "Sanitasi" : "Kesehatan",
      cohortId: i < 4 ? cohortId : null,
      // launched long ago with no check-in: overdue, so at risk
      launchedAt: ["LAUNCHED", "IMPLEMENTED", "SUSTAINED"].includes(statuses[i % statuses.length])
        ? new Date(Date.UTC(year - 2, 0, 1))
        : null,
    })),
  });
  await prisma.changeProject.create({
    data: { title: "Proyek Blitar", kind: "REGIONAL_INNOVATION", regionCode: "35.72" },
  });
});

describe("project list pages", () => {
  it("shows 25 per page, the rest on page 2, and clamps a page past the end", async () => {
    const first = await load<ListData>("/proyek?urut=title");
    expect(first.total).toBe(30);
    expect(first.pageCount).toBe(2);
    expect(first.projects).toHaveLength(25);
    expect(first.projects[0].title).toBe("Proyek 01");
    const second = await load<ListData>("/proyek?urut=title&halaman=2");
    expect(second.projects.map((p) => p.title)).toEqual([
      "Proyek 26",
      "Proyek 27",
      "Proyek 28",
      "Proyek 29",
      "Proyek 30",
    ]);
    const past = await load<ListData>("/proyek?urut=title&halaman=99");
    expect(past.page).toBe(2);
    const nonsense = await load<ListData>("/proyek?halaman=abc");
    expect(nonsense.page).toBe(1);
  });

  it("keeps the filters in the page links and applies them to the count", async () => {
    const filtered = await load<ListData>("/proyek?sektor=sanitasi&urut=title&halaman=1");
    expect(filtered.total).toBe(15);
    expect(filtered.pageCount).toBe(1);
    expect(new URLSearchParams(filtered.query).get("sektor")).toBe("sanitasi");
    expect(new URLSearchParams(filtered.query).get("urut")).toBe("title");
    const cohort = await load<ListData>(`/proyek?angkatan=${cohortId}`);
    expect(cohort.total).toBe(4);
    const risky = await load<ListData>("/proyek?berisiko=1");
    // launched, implemented and sustained projects with an overdue check-in: 4 + 4 + 3 of the 30
    expect(risky.total).toBe(11);
    expect(risky.projects.every((p) => p.atRisk)).toBe(true);
  });

  it("never shows another region's projects", async () => {
    const other = await load<ListData>("/proyek", stranger);
    expect(other.projects.map((p) => p.title)).toEqual(["Proyek Blitar"]);
  });

  it("round-trips the filters through the address", () => {
    const filters = parseListFilters(
      new URLSearchParams("q=air&status=LAUNCHED&wilayah=74.71&opd=Dinas&berisiko=1&urut=region&x=1"),
    );
    expect(listFilterParams(filters).toString()).toBe(
      "q=air&status=LAUNCHED&wilayah=74.71&opd=Dinas&berisiko=1&urut=region",
    );
    expect(parseListFilters(new URLSearchParams("status=NOPE&wilayah=Kendari&urut=x"))).toMatchObject({
      status: "",
      regionCode: "",
      sort: "updated",
    });
    expect(pageWindow(1, 1)).toEqual([1]);
    expect(pageWindow(6, 12)).toEqual([1, "gap", 4, 5, 6, 7, 8, "gap", 12]);
  });
});

describe("project board", () => {
  it("has one column per status, in the order of the status path, with its count", async () => {
    const board = await load<BoardData>("/proyek?tampilan=papan");
    expect(board.view).toBe("board");
    expect(board.columns.map((c) => [c.status, c.total])).toEqual([
      ["DRAFT", 4],
      ["PROPOSED", 4],
      ["APPROVED", 4],
      ["PILOTING", 4],
      ["LAUNCHED", 4],
      ["IMPLEMENTED", 4],
      ["SUSTAINED", 3],
      ["STOPPED", 3],
    ]);
    expect(board.columns[0].projects).toHaveLength(4);
  });

  it("applies the filters to every column", async () => {
    const board = await load<BoardData>(`/proyek?tampilan=papan&angkatan=${cohortId}`);
    expect(board.columns.map((c) => c.total)).toEqual([1, 1, 1, 1, 0, 0, 0, 0]);
  });
});

describe("project CSV", () => {
  it("holds the rows of the filtered list", async () => {
    const response = await callRoute(csvRoute.loader, getRequest("/proyek.csv?sektor=Kesehatan", officer));
    const lines = (await response.text())
      .replace(/^\uFEFF/, "")
      .trim()
      .split("\r\n");
    expect(lines).toHaveLength(16);
    expect(lines.slice(1).every((line) => line.endsWith(",Kesehatan"))).toBe(true);
  });
});
