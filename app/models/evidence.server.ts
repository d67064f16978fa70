// Evidence files (a photo or a document proving a milestone), stored on disk under UPLOAD_DIR.
// The type is read from the file's own bytes (file-type), never from its name or the browser's word.
import { randomBytes } from "node:crypto";
import { mkdir, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { fileTypeFromBuffer } from "file-type";
import { env } from "~/env.server";

export const EVIDENCE_TYPES: Record<string, string> = {
  "image/jpeg": "jpg",
  "image/png": "png",
  "image/webp": "webp",
  "application/pdf": "pdf",
};

export type EvidenceCheck =
  | { ok: true; mime: string; ext: string }
  | { ok: false; error: "evidence.tooLarge" | "evidence.wrongType" | "evidence.empty" };

export function maxEvidenceBytes() {
  return Math.round(env.UPLOAD_MAX_MB * 1024 * 1024);
}

export async function checkEvidence(
  bytes: Uint8Array,
  maxBytes = maxEvidenceBytes(),
): Promise<EvidenceCheck> {
  if (bytes.byteLength === 0) return { ok: false, error: "evidence.empty" };
  if (bytes.byteLength > maxBytes) return { ok: false, error: "evidence.tooLarge" };
  const type = await fileTypeFromBuffer(bytes);
  if (!type || !EVIDENCE_TYPES[type.mime]) return { ok: false, error: "evidence.wrongType" };
  return { ok: true, mime: type.mime, ext: EVIDENCE_TYPES[type.mime] };
}

function evidenceDir() {
  return path.resolve(env.UPLOAD_DIR, "evidence");
}

/** Writes checked bytes under a random name; returns the stored name. */
export async function storeEvidence(bytes: Uint8Array, ext: string): Promise<string> {
  const name = `${randomBytes(16).toString("hex")}.${ext}`;
  await mkdir(evidenceDir(), { recursive: true });
  await writeFile(path.join(evidenceDir(), name), bytes, { flag: "wx" });
  return name;
}

export async function deleteEvidence(name: string) {
  await rm(evidencePath(name), { force: true });
}

/** The path of a stored evidence file; names are ours (hex.ext), anything else is refused. */
export function evidencePath(name: string) {
  if (!/^[0-9a-f]{32}\.(jpg|png|webp|pdf)$/.test(name)) throw new Error("not an evidence file name");
  return path.join(evidenceDir(), name);
}

export function mimeForEvidence(name: string) {
  const ext = name.split(".").pop();
  return Object.entries(EVIDENCE_TYPES).find(([, e]) => e === ext)?.[0] ?? "application/octet-stream";
}
