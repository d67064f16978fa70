import { readdir } from "node:fs/promises";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { prisma } from "~/db.server";
import { env } from "~/env.server";
import { ConflictError } from "~/errors";
import { createProject } from "~/modules/projects/details.server";
import { addMilestone, attachMilestoneEvidence } from "~/modules/projects/milestones.server";
import { actorFor, createPerson, ensureRegions } from "../fixtures/people";

// smallest valid PNG (1×1) and a PDF header
const PNG = Uint8Array.from(
  Buffer.from(
    "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==",
    "base64",
  ),
);
const PDF = new TextEncoder().encode("%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n");

async function storedFiles() {
  return readdir(path.resolve(env.UPLOAD_DIR, "evidence")).catch(() => [] as string[]);
}

let actor: Awaited<ReturnType<typeof actorFor>>;
let projectId: string;

beforeAll(async () => {
  await ensureRegions();
  actor = await actorFor((await createPerson({ role: "REGION_OFFICER", regionCode: "74.71" })).id);
  projectId = (
    await createProject(actor, { title: "L2T2", kind: "REGIONAL_INNOVATION", regionCode: "74.71" })
  ).id;
});

async function freshMilestone() {
  return addMilestone(actor, projectId, { title: "Truk sedot tinja tiba", horizon: "SHORT", status: "DONE" });
}

describe("milestone evidence", () => {
  it.each([
    ["a photo", PNG],
    ["a PDF", PDF],
  ])("stores %s and records it on the milestone", async (_label, bytes) => {
    const milestone = await freshMilestone();
    const result = await attachMilestoneEvidence(actor, projectId, milestone.id, milestone.version, bytes);
    expect(result.ok).toBe(true);
    const saved = await prisma.milestone.findUniqueOrThrow({ where: { id: milestone.id } });
    expect(saved.evidenceFile).toBe(result.ok ? result.file : null);
    expect(await storedFiles()).toContain(saved.evidenceFile);
  });

  it.each([
    [
      "a script pretending to be a photo",
      new TextEncoder().encode("<script>alert(1)</script>"),
      "evidence.wrongType",
    ],
    [
      "an executable",
      Uint8Array.from([0x4d, 0x5a, 0x90, 0x00, 0x03, 0x00, 0x00, 0x00]),
      "evidence.wrongType",
    ],
    ["an empty file", new Uint8Array(0), "evidence.empty"],
    [
      "a photo over the size limit",
      Uint8Array.from([...PNG, ...new Uint8Array(env.UPLOAD_MAX_MB * 1024 * 1024)]),
      "evidence.tooLarge",
    ],
  ])("refuses %s and leaves nothing behind", async (_label, bytes, error) => {
    const milestone = await freshMilestone();
    const before = await storedFiles();
    expect(await attachMilestoneEvidence(actor, projectId, milestone.id, milestone.version, bytes)).toEqual({
      ok: false,
      error,
    });
    expect(await storedFiles()).toEqual(before);
    expect(
      (await prisma.milestone.findUniqueOrThrow({ where: { id: milestone.id } })).evidenceFile,
    ).toBeNull();
  });

  it("removes the written file when the milestone changed meanwhile", async () => {
    const milestone = await freshMilestone();
    const before = await storedFiles();
    await expect(
      attachMilestoneEvidence(actor, projectId, milestone.id, milestone.version + 5, PNG),
    ).rejects.toThrow(ConflictError);
    expect(await storedFiles()).toEqual(before);
  });
});
