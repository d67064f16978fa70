// Evidence files (a photo or a document proving a milestone), kept in the file storage:
// UPLOAD_DIR/evidence on disk, or evidence/ in the S3 bucket (app/storage/storage.server.ts).
// The type is read from the file's own bytes (file-type), never from its name or the browser's word.
// Photos are made light for a weak link (docs/decisions/0062): turned upright, shrunk to at most
// PHOTO_WIDTH pixels wide and stored as WebP, with their size in the name; documents (PDF) are
// kept as they came, for download.
import { randomBytes } from "node:crypto";
import { fileTypeFromBuffer } from "file-type";
import sharp from "sharp";
import { maxEvidenceBytes } from "~/utils/upload-form.server";
import { type FileStorage, fileStorage } from "~/storage/storage.server";

export const EVIDENCE_TYPES: Record<string, string> = {
  "image/jpeg": "jpg",
  "image/png": "png",
  "image/webp": "webp",
  "application/pdf": "pdf",
};

/** the widest a stored photo is: enough to read a sign or a meter on a phone or a laptop */
export const PHOTO_WIDTH = 1600;

/** What is stored: the bytes, their extension and, for a photo, its size in pixels. */
export type EvidenceFile = { bytes: Uint8Array; ext: string; width?: number; height?: number };

export type EvidenceCheck =
  | ({ ok: true; mime: string } & EvidenceFile)
  | { ok: false; error: "evidence.tooLarge" | "evidence.wrongType" | "evidence.empty" };

export async function checkEvidence(
  bytes: Uint8Array,
  maxBytes = maxEvidenceBytes(),
): Promise<EvidenceCheck> {
  if (bytes.byteLength === 0) return { ok: false, error: "evidence.empty" };
  if (bytes.byteLength > maxBytes) return { ok: false, error: "evidence.tooLarge" };
  const type = await fileTypeFromBuffer(bytes);
  if (!type || !EVIDENCE_TYPES[type.mime]) return { ok: false, error: "evidence.wrongType" };
  if (!type.mime.startsWith("image/"))
    return { ok: true, mime: type.mime, ext: EVIDENCE_TYPES[type.mime], bytes };
  const photo = await lightPhoto(bytes);
  if (!photo) return { ok: false, error: "evidence.wrongType" };
  return { ok: true, mime: "image/webp", ext: "webp", ...photo };
}

/** A photo turned upright, at most PHOTO_WIDTH wide, as WebP without its metadata; null when unreadable. */
async function lightPhoto(bytes: Uint8Array) {
  try {
    const { data, info } = await sharp(bytes, { failOn: "error" })
      .rotate()
      .resize({ width: PHOTO_WIDTH, withoutEnlargement: true })
      .webp({ quality: 78 })
      .toBuffer({ resolveWithObject: true });
    return { bytes: new Uint8Array(data), width: info.width, height: info.height };
  } catch {
    return null; // a truncated or forged image: refused like a wrong type
  }
}

/** Writes a checked file under a random name (with a photo's size: hex-WxH.webp); returns the name. */
export async function storeEvidence(
  file: EvidenceFile,
  storage: FileStorage = fileStorage(),
): Promise<string> {
  const size = file.width && file.height ? `-${file.width}x${file.height}` : "";
  const name = `${randomBytes(16).toString("hex")}${size}.${file.ext}`;
  await storage.put(evidenceKey(name), file.bytes, mimeForEvidence(name));
  return name;
}

export async function deleteEvidence(name: string, storage: FileStorage = fileStorage()) {
  await storage.delete(evidenceKey(name));
}

/** The stored bytes of an evidence file, or null when it is gone. */
export async function readEvidence(name: string, storage: FileStorage = fileStorage()) {
  return storage.get(evidenceKey(name));
}

/** hex.ext, or hex-WxH.webp for a photo stored with its size */
export const EVIDENCE_NAME = /^[0-9a-f]{32}(-[1-9][0-9]{0,4}x[1-9][0-9]{0,4})?\.(jpg|png|webp|pdf)$/;

/** The storage key of an evidence file; names are ours (hex.ext), anything else is refused. */
export function evidenceKey(name: string) {
  if (!EVIDENCE_NAME.test(name)) throw new Error("not an evidence file name");
  return `evidence/${name}`;
}

export function mimeForEvidence(name: string) {
  const ext = name.split(".").pop();
  return Object.entries(EVIDENCE_TYPES).find(([, e]) => e === ext)?.[0] ?? "application/octet-stream";
}
