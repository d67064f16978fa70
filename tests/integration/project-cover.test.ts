// A project's cover image: an image only (type read from its bytes), within the size limit, kept in
// the evidence storage; replaced or removed without leaving files behind; served to the project's
// people, and to everyone once the project has a public follow-up page.
import { mkdtemp, readdir, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { prisma } from "~/db.server";
import { env } from "~/env.server";
import { diskStorage } from "~/storage/disk.server";
import { setFileStorage } from "~/storage/storage.server";
import { ConflictError } from "~/errors";
import { setProjectCover } from "~/modules/projects/cover.server";
import { createProject } from "~/modules/projects/details.server";
import * as projectRoute from "~/routes/projects/$projectId/layout";
import * as overviewRoute from "~/routes/projects/$projectId/overview";
import * as coverRoute from "~/routes/projects/$projectId/cover";
import { actorFor, callRoute, cookieFor, createPerson, ensureRegions, getRequest } from "../fixtures/people";

const PNG = Uint8Array.from(
  Buffer.from(
    "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==",
    "base64",
  ),
);
// the same picture with a different last byte of its text chunk: a second, distinct file
const OTHER_PNG = Uint8Array.from([...PNG, 0]);
const PDF = new TextEncoder().encode("%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n");

let actor: Awaited<ReturnType<typeof actorFor>>;
let cookie: string;
let strangerCookie: string;

afterAll(async () => {
  setFileStorage(undefined);
  await rm(uploadDir, { recursive: true, force: true });
});

beforeAll(async () => {
  uploadDir = await mkdtemp(path.join(os.tmpdir(), "lintas-uploads-"));
  setFileStorage(diskStorage(uploadDir));
  await ensureRegions();
  const person = await createPerson({ role: "REGION_OFFICER", regionCode: "74.71" });
  actor = await actorFor(person.id);
  cookie = await cookieFor(person.id);
  strangerCookie = await cookieFor((await createPerson({ role: "REGION_OFFICER", regionCode: "35.72" })).id);
});

async function newProject() {
  return createProject(actor, {
    title: "Layanan Lumpur Tinja Terjadwal",
    acronym: "L2T2",
    kind: "REGIONAL_INNOVATION",
    regionCode: "74.71",
  });
}

// a directory of this file's own: other test files store evidence at the same time
let uploadDir: string;

async function storedFiles() {
  return (await readdir(path.join(uploadDir, "evidence")).catch(() => [] as string[])).sort();
}

async function project(id: string) {
  return prisma.changeProject.findUniqueOrThrow({
    where: { id },
    select: { coverImage: true, version: true },
  });
}

function postCover(projectId: string, fields: Record<string, string>, file?: Uint8Array, as = cookie) {
  const form = new FormData();
  for (const [key, value] of Object.entries(fields)) form.set(key, value);
  if (file) form.set("coverImage", new File([Buffer.from(file)], "sampul.png", { type: "image/png" }));
  return callRoute(
    overviewRoute.action,
    new Request(`http://localhost/proyek/${projectId}`, {
      method: "POST",
      body: form,
      headers: { Cookie: as },
    }),
    { projectId },
  );
}

function getCover(projectId: string, as?: string) {
  return callRoute(coverRoute.loader, getRequest(`/proyek/${projectId}/sampul`, as), { projectId });
}

describe("cover image", () => {
  it("uploads, serves, replaces and removes the cover, leaving no old file behind", async () => {
    const { id } = await newProject();
    const before = await storedFiles();

    expect((await postCover(id, { intent: "cover", version: "0" }, PNG)).status).toBe(200);
    const first = (await project(id)).coverImage!;
    // stored as WebP with its size (decision 0062)
    expect(first).toMatch(/^[0-9a-f]{32}-1x1\.webp$/);
    expect(await storedFiles()).toEqual([...before, first].sort());

    const served = await getCover(id, cookie);
    expect(served.status).toBe(200);
    expect(served.headers.get("Content-Type")).toBe("image/webp");
    expect(new TextDecoder().decode((await served.arrayBuffer()).slice(8, 12))).toBe("WEBP");
    // a draft's cover is private
    expect((await getCover(id)).status).toBe(404);
    expect((await getCover(id, strangerCookie)).status).toBe(404);

    expect((await postCover(id, { intent: "cover", version: "1" }, OTHER_PNG)).status).toBe(200);
    const second = (await project(id)).coverImage!;
    expect(second).not.toBe(first);
    expect(await storedFiles()).toEqual([...before, second].sort());

    expect((await postCover(id, { intent: "cover-remove", version: "2" })).status).toBe(200);
    expect(await project(id)).toEqual({ coverImage: null, version: 3 });
    expect(await storedFiles()).toEqual(before);
    expect((await getCover(id, cookie)).status).toBe(404);

    const timeline = await prisma.activityLog.findMany({
      where: { subjectId: id },
      select: { action: true },
    });
    expect(timeline.map((e) => e.action)).toEqual([
      "project.created",
      "project.cover_set",
      "project.cover_set",
      "project.cover_removed",
    ]);
  });

  it.each([
    ["a PDF (evidence, but not an image)", PDF, "evidence.notAnImage"],
    [
      "a script named as a photo",
      new TextEncoder().encode("<script>alert(1)</script>"),
      "evidence.wrongType",
    ],
    ["an empty file", new Uint8Array(0), "evidence.empty"],
    [
      "an image over the size limit",
      Uint8Array.from([...PNG, ...new Uint8Array(env.UPLOAD_MAX_MB * 1024 * 1024)]),
      "evidence.tooLarge",
    ],
  ])("refuses %s, keeping the old cover and leaving nothing behind", async (_label, bytes, error) => {
    const { id } = await newProject();
    await setProjectCover(actor, id, 0, PNG);
    const kept = await project(id);
    const before = await storedFiles();
    expect(await setProjectCover(actor, id, kept.version, bytes)).toEqual({ ok: false, error });
    expect(await project(id)).toEqual(kept);
    expect(await storedFiles()).toEqual(before);
  });

  it("answers a refused file through the form next to it, and a missing file too", async () => {
    const { id } = await newProject();
    const response = await postCover(id, { intent: "cover", version: "0" }, PDF);
    expect(response.status).toBe(400);
    expect((await response.json()).missing).toEqual(["evidence.notAnImage"]);
    const none = await postCover(id, { intent: "cover", version: "0" });
    expect(none.status).toBe(400);
    expect((await none.json()).missing).toEqual(["evidence.empty"]);
    expect((await project(id)).coverImage).toBeNull();
  });

  it("removes the new file when the project changed meanwhile", async () => {
    const { id } = await newProject();
    const before = await storedFiles();
    await expect(setProjectCover(actor, id, 7, PNG)).rejects.toThrow(ConflictError);
    expect(await storedFiles()).toEqual(before);
    const stale = await postCover(id, { intent: "cover", version: "7" }, PNG);
    expect(stale.status).toBe(409);
    expect(await storedFiles()).toEqual(before);
  });

  it("does not let another region's officer set or remove the cover", async () => {
    const { id } = await newProject();
    const before = await storedFiles();
    expect((await postCover(id, { intent: "cover", version: "0" }, PNG, strangerCookie)).status).toBe(403);
    expect(await storedFiles()).toEqual(before);
    expect((await project(id)).coverImage).toBeNull();
  });

  it("shows the cover to everyone on the public page once the project is launched", async () => {
    const { id } = await newProject();
    await setProjectCover(actor, id, 0, PNG);
    await prisma.changeProject.update({
      where: { id },
      data: { status: "LAUNCHED", launchedAt: new Date() },
    });
    const served = await getCover(id);
    expect(served.status).toBe(200);
    expect(served.headers.get("Content-Type")).toBe("image/webp");
    const page = await (
      await callRoute(projectRoute.loader, getRequest(`/proyek/${id}`), { projectId: id })
    ).json();
    expect(page).toMatchObject({ mode: "public", project: { coverImage: (await project(id)).coverImage } });
  });
});
