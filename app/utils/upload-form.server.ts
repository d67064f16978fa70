// Reads a form that may carry an uploaded file: multipart bodies are read into memory up to the
// upload size limit (UPLOAD_MAX_MB) per part; a larger part is reported, not thrown.
import {
  MaxPartSizeExceededError,
  unstable_createMemoryUploadHandler as createMemoryUploadHandler,
  unstable_parseMultipartFormData as parseMultipartFormData,
} from "@remix-run/node";
import { env } from "~/env.server";

/** The largest uploaded file accepted (UPLOAD_MAX_MB). */
export function maxEvidenceBytes() {
  return Math.round(env.UPLOAD_MAX_MB * 1024 * 1024);
}

export async function readUploadForm(request: Request) {
  if (!request.headers.get("Content-Type")?.startsWith("multipart/form-data"))
    return { formData: await request.formData(), tooLarge: false };
  try {
    const formData = await parseMultipartFormData(
      request,
      createMemoryUploadHandler({ maxPartSize: maxEvidenceBytes() }),
    );
    return { formData, tooLarge: false };
  } catch (error) {
    if (error instanceof MaxPartSizeExceededError) return { formData: new FormData(), tooLarge: true };
    throw error;
  }
}

/** The bytes of an uploaded file field, or null when no file was chosen. */
export async function uploadedBytes(formData: FormData, name: string) {
  const file = formData.get(name);
  return file instanceof File && file.size > 0 ? new Uint8Array(await file.arrayBuffer()) : null;
}
