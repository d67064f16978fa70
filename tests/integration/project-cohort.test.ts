// A training project's cohort, set by hand in the new-project and edit forms: an existing cohort
// picked from the menu, or a new one named (programme, batch, year, organiser), found again rather
// than made twice. Anything wrong comes back next to its field with nothing written.
import { beforeAll, describe, expect, it } from "vitest";
import { prisma } from "~/db.server";
import * as overviewRoute from "~/routes/projects/$projectId/overview";
import * as newProjectRoute from "~/routes/projects/new";
import {
  callRoute,
  cookieFor,
  createPerson,
  ensureRegions,
  formRequest,
  getRequest,
} from "../fixtures/people";

let participant: string;
let existingCohortId: string;

const training = {
  title: "Percepatan kinerja sanitasi",
  kind: "TRAINING_CHANGE_PROJECT",
  regionCode: "74.71",
};

async function create(fields: Record<string, string>) {
  return callRoute(
    newProjectRoute.action,
    formRequest("/proyek/baru", { ...training, ...fields }, participant),
  );
}

async function createdProject(response: Response) {
  expect(response.status).toBe(302);
  const id = response.headers.get("Location")!.split("/").pop()!;
  return prisma.changeProject.findUniqueOrThrow({ where: { id }, include: { cohort: true } });
}

beforeAll(async () => {
  await ensureRegions();
  participant = await cookieFor((await createPerson({ role: "PARTICIPANT", regionCode: "74.71" })).id);
  existingCohortId = (
    await prisma.cohort.create({ data: { programme: "PKA", batch: "Angkatan I", year: 2024 } })
  ).id;
});

describe("cohort in the new-project form", () => {
  it("offers the existing cohorts", async () => {
    const response = await callRoute(newProjectRoute.loader, getRequest("/proyek/baru", participant));
    const { cohorts } = (await response.json()) as { cohorts: { id: string; batch: string }[] };
    expect(cohorts).toContainEqual(expect.objectContaining({ id: existingCohortId, batch: "Angkatan I" }));
  });

  it("joins an existing cohort", async () => {
    const project = await createdProject(await create({ cohortId: existingCohortId }));
    expect(project.cohortId).toBe(existingCohortId);
  });

  it("names a new cohort once, and finds it again when it is named again", async () => {
    const fields = {
      cohortId: "new",
      cohortProgramme: "PKN_II",
      cohortBatch: "xx",
      cohortYear: "2024",
      cohortOrganiser: "BPSDM Provinsi Lampung",
    };
    const first = await createdProject(await create(fields));
    expect(first.cohort).toMatchObject({
      programme: "PKN_II",
      batch: "Angkatan XX",
      year: 2024,
      organiserName: "BPSDM Provinsi Lampung",
    });
    const second = await createdProject(await create({ ...fields, cohortBatch: "Angkatan XX" }));
    expect(second.cohortId).toBe(first.cohortId);
    expect(await prisma.cohort.count({ where: { programme: "PKN_II", year: 2024 } })).toBe(1);
  });

  it("creates a project without a cohort when none is picked", async () => {
    expect((await createdProject(await create({ cohortId: "" }))).cohortId).toBeNull();
  });

  it.each([
    [
      { cohortId: "new" },
      {
        cohortProgramme: ["errors.required"],
        cohortBatch: ["errors.required"],
        cohortYear: ["errors.required"],
      },
    ],
    [
      { cohortId: "new", cohortProgramme: "PKN_III", cohortBatch: "XX", cohortYear: "2024" },
      { cohortProgramme: ["errors.choice"] },
    ],
    [
      { cohortId: "new", cohortProgramme: "PKP", cohortBatch: "XX", cohortYear: "24" },
      { cohortYear: ["errors.year"] },
    ],
    [{ cohortId: "some-id", kind: "REGIONAL_INNOVATION" }, { cohortId: ["errors.cohortTrainingOnly"] }],
    [{ cohortId: "no-such-cohort" }, { cohortId: ["errors.cohortUnknown"] }],
  ] as [Record<string, string>, Record<string, string[]>][])(
    "refuses %j next to the field, writing nothing",
    async (fields, errors) => {
      const before = [await prisma.changeProject.count(), await prisma.cohort.count()];
      const response = await create(fields);
      expect(response.status).toBe(400);
      const body = await response.json();
      expect(body.result.error).toEqual(errors);
      expect(body.result.initialValue.title).toBe(training.title);
      expect([await prisma.changeProject.count(), await prisma.cohort.count()]).toEqual(before);
    },
  );
});

describe("cohort in the edit form", () => {
  it("changes, keeps and removes the cohort", async () => {
    const project = await createdProject(await create({ cohortId: existingCohortId }));
    const edit = (version: number, fields: Record<string, string>) =>
      callRoute(
        overviewRoute.action,
        formRequest(
          `/proyek/${project.id}`,
          { intent: "edit", version: String(version), title: project.title, kind: project.kind, ...fields },
          participant,
        ),
        { projectId: project.id },
      );
    const cohortOf = async () =>
      (await prisma.changeProject.findUniqueOrThrow({ where: { id: project.id } })).cohortId;

    expect(
      (await edit(0, { cohortId: "new", cohortProgramme: "PKN_I", cohortBatch: "III", cohortYear: "2025" }))
        .status,
    ).toBe(200);
    const named = await prisma.cohort.findUniqueOrThrow({
      where: { programme_batch_year: { programme: "PKN_I", batch: "Angkatan III", year: 2025 } },
    });
    expect(await cohortOf()).toBe(named.id);

    // a form without the cohort menu leaves the cohort alone
    expect((await edit(1, {})).status).toBe(200);
    expect(await cohortOf()).toBe(named.id);

    const unknown = await edit(2, { cohortId: "no-such-cohort" });
    expect(unknown.status).toBe(400);
    expect((await unknown.json()).result.error.cohortId).toEqual(["errors.cohortUnknown"]);
    expect(await cohortOf()).toBe(named.id);

    expect((await edit(2, { cohortId: existingCohortId })).status).toBe(200);
    expect(await cohortOf()).toBe(existingCohortId);

    expect((await edit(3, { cohortId: "" })).status).toBe(200);
    expect(await cohortOf()).toBeNull();
  });
});
