// Photos are made light on upload (docs/decisions/0062): a big camera JPEG, as a cover or as a
// milestone's evidence, is stored as a WebP at most PHOTO_WIDTH wide, upright, with its size in its
// name, and the page gives the browser that size; a PDF is kept byte for byte, for download.
import { mkdtemp, readFile, readdir, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { createInstance } from "i18next";
import { createElement } from "react";
import { renderToString } from "react-dom/server";
import { I18nextProvider, initReactI18next } from "react-i18next";
import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ProjectCover } from "~/components/project-cover";
import { prisma } from "~/db.server";
import { i18nConfig } from "~/i18n/config";
import { createProject } from "~/modules/projects/details.server";
import { PHOTO_WIDTH } from "~/modules/projects/evidence.server";
import { addMilestone, attachMilestoneEvidence } from "~/modules/projects/milestones.server";
import * as overviewRoute from "~/routes/projects/$projectId/overview";
import { diskStorage } from "~/storage/disk.server";
import { setFileStorage } from "~/storage/storage.server";
import { actorFor, callRoute, cookieFor, createPerson, ensureRegions } from "../fixtures/people";

const PDF = new TextEncoder().encode("%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n");

const i18n = createInstance();
await i18n.use(initReactI18next).init({ ...i18nConfig, lng: "id" });

let uploadDir: string;
let actor: Awaited<ReturnType<typeof actorFor>>;
let cookie: string;
let projectId: string;
let camera: Uint8Array;

beforeAll(async () => {
  uploadDir = await mkdtemp(path.join(os.tmpdir(), "lintas-photos-"));
  setFileStorage(diskStorage(uploadDir));
  await ensureRegions();
  const person = await createPerson({ role: "REGION_OFFICER", regionCode: "74.71" });
  actor = await actorFor(person.id);
  cookie = await cookieFor(person.id);
  projectId = (
    await createProject(actor, {
      title: "Layanan Lumpur Tinja",
      kind: "REGIONAL_INNOVATION",
      regionCode: "74.71",
    })
  ).id;
  // a phone camera's photo: 4000 × 3000, held sideways (EXIF orientation 6), a few MB as JPEG
  const pixels = Buffer.alloc(4000 * 3000 * 3);
  for (let i = 0; i < pixels.length; i += 1) pixels[i] = ((i % 12000) / 47 + ((i * 2654435761) >>> 29)) & 255;
  camera = new Uint8Array(
    await sharp(pixels, { raw: { width: 4000, height: 3000, channels: 3 } })
      .jpeg({ quality: 90 })
      .withMetadata({ orientation: 6 })
      .toBuffer(),
  );
});

afterAll(async () => {
  setFileStorage(undefined);
  await rm(uploadDir, { recursive: true, force: true });
});

async function stored(name: string) {
  return new Uint8Array(await readFile(path.join(uploadDir, "evidence", name)));
}

describe("photos on upload", () => {
  it("stores a big camera JPEG as a cover: WebP, upright, at most PHOTO_WIDTH wide, sized on the page", async () => {
    const form = new FormData();
    form.set("intent", "cover");
    form.set("version", "0");
    form.set("coverImage", new File([Buffer.from(camera)], "IMG_0001.jpg", { type: "image/jpeg" }));
    const response = await callRoute(
      overviewRoute.action,
      new Request(`http://localhost/proyek/${projectId}`, {
        method: "POST",
        body: form,
        headers: { Cookie: cookie },
      }),
      { projectId },
    );
    expect(response.status).toBe(200);
    const { coverImage } = await prisma.changeProject.findUniqueOrThrow({ where: { id: projectId } });
    // held sideways, so upright it is 3000 wide and 4000 high: shrunk to 1600 × 2133
    expect(coverImage).toMatch(new RegExp(`^[0-9a-f]{32}-${PHOTO_WIDTH}x2133\\.webp$`));
    const bytes = await stored(coverImage!);
    const meta = await sharp(bytes).metadata();
    expect(meta).toMatchObject({ format: "webp", width: PHOTO_WIDTH, height: 2133 });
    expect(meta.exif).toBeUndefined();
    expect(bytes.byteLength).toBeLessThan(camera.byteLength / 2);

    // the page gives the browser the picture's size, so nothing jumps when it arrives
    const cover = createElement(ProjectCover, {
      projectId,
      file: coverImage!,
      title: "Layanan Lumpur Tinja",
    });
    const html = renderToString(createElement(I18nextProvider, { i18n }, cover));
    expect(html).toContain(`width="${PHOTO_WIDTH}" height="2133"`);
  });

  it("shrinks a milestone's photo evidence, and keeps a PDF as it came", async () => {
    const milestone = await addMilestone(actor, projectId, {
      title: "Truk tiba",
      horizon: "SHORT",
      status: "DONE",
    });
    const photo = await attachMilestoneEvidence(actor, projectId, milestone.id, milestone.version, camera);
    expect(photo).toMatchObject({ ok: true, file: expect.stringMatching(/-1600x2133\.webp$/) });
    expect((await sharp(await stored(photo.ok ? photo.file : "")).metadata()).width).toBe(PHOTO_WIDTH);

    const again = await prisma.milestone.findUniqueOrThrow({ where: { id: milestone.id } });
    const pdf = await attachMilestoneEvidence(actor, projectId, milestone.id, again.version, PDF);
    expect(pdf).toMatchObject({ ok: true, file: expect.stringMatching(/^[0-9a-f]{32}\.pdf$/) });
    expect(await stored(pdf.ok ? pdf.file : "")).toEqual(PDF);
    // the replaced photo is gone, the PDF kept
    const files = await readdir(path.join(uploadDir, "evidence"));
    expect(files).toContain(pdf.ok ? pdf.file : "");
    expect(files).not.toContain(photo.ok ? photo.file : "");
  });

  it("refuses a truncated JPEG (a photo's header, no picture) as a wrong type, writing nothing", async () => {
    const milestone = await addMilestone(actor, projectId, {
      title: "Rusak",
      horizon: "SHORT",
      status: "DONE",
    });
    const before = await readdir(path.join(uploadDir, "evidence")).catch(() => []);
    const result = await attachMilestoneEvidence(
      actor,
      projectId,
      milestone.id,
      milestone.version,
      camera.slice(0, 2000),
    );
    expect(result).toEqual({ ok: false, error: "evidence.wrongType" });
    expect(await readdir(path.join(uploadDir, "evidence")).catch(() => [])).toEqual(before);
  });
});
