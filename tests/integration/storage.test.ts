// S3 uploads through the real AWS SDK, against a local stand-in that records each request and
// keeps bodies in memory (no MinIO here), and the disk storage beside it.
import { mkdtemp, rm } from "node:fs/promises";
import { type IncomingHttpHeaders, type Server, createServer } from "node:http";
import type { AddressInfo } from "node:net";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { prisma } from "~/db.server";
import { parseEnv } from "~/env.server";
import { readEvidence } from "~/modules/projects/evidence.server";
import { createProject } from "~/modules/projects/details.server";
import { addMilestone, attachMilestoneEvidence } from "~/modules/projects/milestones.server";
import { loader as evidenceLoader } from "~/routes/projects/evidence-file";
import { diskStorage } from "~/storage/disk.server";
import { s3Storage } from "~/storage/s3.server";
import { setFileStorage, storageFromEnv } from "~/storage/storage.server";
import { actorFor, callRoute, cookieFor, createPerson, ensureRegions, getRequest } from "../fixtures/people";

type Recorded = { method: string; path: string; headers: IncomingHttpHeaders; body: Buffer };

const PNG = Uint8Array.from(
  Buffer.from(
    "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==",
    "base64",
  ),
);

const requests: Recorded[] = [];
const objects = new Map<string, { body: Buffer; contentType: string }>();
let server: Server;
let endpoint: string;

function s3() {
  return s3Storage({
    bucket: "lintas-bukti",
    endpoint,
    region: "us-east-1",
    accessKeyId: "test-key",
    secretAccessKey: "test-secret-test-secret",
    forcePathStyle: true,
  });
}

beforeAll(async () => {
  server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on("data", (chunk: Buffer) => chunks.push(chunk));
    request.on("end", () => {
      const body = Buffer.concat(chunks);
      const url = new URL(request.url ?? "/", "http://stand-in");
      requests.push({ method: request.method ?? "", path: url.pathname, headers: request.headers, body });
      const stored = objects.get(url.pathname);
      if (request.method === "PUT") {
        objects.set(url.pathname, { body, contentType: request.headers["content-type"] ?? "" });
        response.writeHead(200, { ETag: '"etag"' }).end();
      } else if (request.method === "GET" && stored) {
        response.writeHead(200, { "Content-Type": stored.contentType, "Content-Length": stored.body.length });
        response.end(stored.body);
      } else if (request.method === "GET") {
        response.writeHead(404, { "Content-Type": "application/xml" });
        response.end(
          '<?xml version="1.0" encoding="UTF-8"?><Error><Code>NoSuchKey</Code><Message>The specified key does not exist.</Message></Error>',
        );
      } else if (request.method === "DELETE") {
        objects.delete(url.pathname);
        response.writeHead(204).end();
      } else response.writeHead(405).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  endpoint = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  await ensureRegions();
});

afterAll(async () => {
  setFileStorage(undefined);
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

beforeEach(() => {
  requests.length = 0;
});

/** RIFF….WEBP: the container every WebP file starts with */
const isWebp = (bytes: Uint8Array) =>
  Buffer.from(bytes.subarray(0, 4)).toString("latin1") === "RIFF" &&
  Buffer.from(bytes.subarray(8, 12)).toString("latin1") === "WEBP";

describe("S3 storage", () => {
  it("puts, gets and deletes objects with signed requests in the bucket's path", async () => {
    const storage = s3();
    await storage.put("evidence/0123abcd.png", PNG, "image/png");
    const [put] = requests;
    expect(put).toMatchObject({ method: "PUT", path: "/lintas-bukti/evidence/0123abcd.png" });
    expect(put.headers["content-type"]).toBe("image/png");
    expect(put.headers.authorization).toMatch(
      /^AWS4-HMAC-SHA256 Credential=test-key\/\d{8}\/us-east-1\/s3\//,
    );
    expect(new Uint8Array(put.body)).toEqual(PNG);

    expect(await storage.get("evidence/0123abcd.png")).toEqual(PNG);
    expect(await storage.get("evidence/missing.png")).toBeNull();
    await storage.delete("evidence/0123abcd.png");
    expect(requests.map((r) => `${r.method} ${r.path}`)).toEqual([
      "PUT /lintas-bukti/evidence/0123abcd.png",
      "GET /lintas-bukti/evidence/0123abcd.png",
      "GET /lintas-bukti/evidence/missing.png",
      "DELETE /lintas-bukti/evidence/0123abcd.png",
    ]);
    expect(objects.has("/lintas-bukti/evidence/0123abcd.png")).toBe(false);
    await expect(storage.put("../etc/passwd", PNG, "image/png")).rejects.toThrow("not a storage key");
  });

  it("keeps milestone evidence in the bucket and serves it on /bukti/:file", async () => {
    setFileStorage(s3());
    try {
      const person = await createPerson({ role: "REGION_OFFICER", regionCode: "74.71" });
      const actor = await actorFor(person.id);
      const project = await createProject(actor, {
        title: "Bukti di S3",
        kind: "REGIONAL_INNOVATION",
        regionCode: "74.71",
      });
      const milestone = await addMilestone(actor, project.id, {
        title: "Truk tiba",
        horizon: "SHORT",
        status: "DONE",
      });
      const first = await attachMilestoneEvidence(actor, project.id, milestone.id, milestone.version, PNG);
      if (!first.ok) throw new Error(first.error);
      expect(requests.map((r) => `${r.method} ${r.path}`)).toEqual([
        `PUT /lintas-bukti/evidence/${first.file}`,
      ]);

      const response = await callRoute(
        evidenceLoader,
        getRequest(`/bukti/${first.file}`, await cookieFor(person.id)),
        {
          file: first.file,
        },
      );
      expect(response.status).toBe(200);
      // a photo is stored resized as WebP (decision 0062): what the bucket holds is what is served
      expect(response.headers.get("Content-Type")).toBe("image/webp");
      const served = new Uint8Array(await response.arrayBuffer());
      expect(isWebp(served)).toBe(true);
      expect(await readEvidence(first.file)).toEqual(served);

      // a new file replaces the old one, which leaves the bucket
      const current = await prisma.milestone.findUniqueOrThrow({ where: { id: milestone.id } });
      const second = await attachMilestoneEvidence(actor, project.id, milestone.id, current.version, PNG);
      if (!second.ok) throw new Error(second.error);
      expect(requests.filter((r) => r.method === "DELETE").map((r) => r.path)).toEqual([
        `/lintas-bukti/evidence/${first.file}`,
      ]);
      expect(await readEvidence(first.file)).toBeNull();
      expect(isWebp((await readEvidence(second.file))!)).toBe(true);
    } finally {
      setFileStorage(undefined);
    }
  });

  it("is chosen by S3_BUCKET; without it files stay in UPLOAD_DIR", () => {
    expect(storageFromEnv(parseEnv({ S3_BUCKET: "lintas", S3_ENDPOINT: endpoint })).kind).toBe("s3");
    expect(storageFromEnv(parseEnv({})).kind).toBe("disk");
  });
});

describe("disk storage", () => {
  it("writes each key once, reads it back and deletes it", async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), "lintas-storage-"));
    try {
      const storage = diskStorage(dir);
      await storage.put("evidence/a.png", PNG, "image/png");
      await expect(storage.put("evidence/a.png", PNG, "image/png")).rejects.toThrow(/EEXIST/);
      expect(await storage.get("evidence/a.png")).toEqual(PNG);
      await storage.delete("evidence/a.png");
      await storage.delete("evidence/a.png");
      expect(await storage.get("evidence/a.png")).toBeNull();
      await expect(storage.get("evidence/../../x")).rejects.toThrow("not a storage key");
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
