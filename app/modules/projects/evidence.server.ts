// Evidence files (a photo or a document proving a milestone), kept in the file storage:
// UPLOAD_DIR/evidence on disk, or evidence/ in the S3 bucket (app/storage/storage.server.ts).
// The type is read from the file's own bytes (file-type), never from its name or the browser's word.
import { randomBytes } from "node:crypto";
import { fileTypeFromBuffer } from "file-type";
import { maxEvidenceBytes } from "~/utils/upload-form.server";
import { type FileStorage, fileStorage } from "~/storage/storage.server";

export const EVIDENCE_TYPES: Record<string, string> = {
  "image/jpeg": "jpg",
  "image/png": "png",
  "image/webp": "webp",
  "application/pdf": "pdf",
};

export type EvidenceCheck =
  | { ok: true; mime: string; ext: string }
  | { ok: false; error: "evidence.tooLarge" | "evidence.wrongType" | "evidence.empty" };

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

/** Writes checked bytes under a random name; returns the stored name. */
export async function storeEvidence(
  bytes: Uint8Array,
  ext: string,
  storage: FileStorage = fileStorage(),
): Promise<string> {
  const name = `${randomBytes(16).toString("hex")}.${ext}`;
  await storage.put(evidenceKey(name), bytes, mimeForEvidence(name));
  return name;
}

export async function deleteEvidence(name: string, storage: FileStorage = fileStorage()) {
  await storage.delete(evidenceKey(name));
}

/** The stored bytes of an evidence file, or null when it is gone. */
export async function readEvidence(name: string, storage: FileStorage = fileStorage()) {
  return storage.get(evidenceKey(name));
}

/** The storage key of an evidence file; names are ours (hex.ext), anything else is refused. */
export function evidenceKey(name: string) {
  if (!/^[0-9a-f]{32}\.(jpg|png|webp|pdf)$/.test(name)) throw new Error("not an evidence file name");
  return `evidence/${name}`;
}

export function mimeForEvidence(name: string) {
  const ext = name.split(".").pop();
  return Object.entries(EVIDENCE_TYPES).find(([, e]) => e === ext)?.[0] ?? "application/octet-stream";
}
