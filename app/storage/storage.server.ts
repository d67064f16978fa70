// Where uploaded files live (docs/decisions/0019): a directory (UPLOAD_DIR, the default) or an
// S3-compatible bucket when S3_BUCKET is set (MinIO in deploy/compose.yaml, or AWS S3). Both
// behind one small interface, so several app processes can share uploads through S3.
import { type Env, env } from "~/env.server";
import { diskStorage } from "~/storage/disk.server";
import { s3Storage } from "~/storage/s3.server";
import type { FileStorage } from "~/storage/types.server";

export { type FileStorage, assertStorageKey } from "~/storage/types.server";

export function storageFromEnv(config: Env = env): FileStorage {
  if (config.S3_BUCKET)
    return s3Storage({
      bucket: config.S3_BUCKET,
      endpoint: config.S3_ENDPOINT,
      region: config.S3_REGION,
      accessKeyId: config.S3_ACCESS_KEY_ID,
      secretAccessKey: config.S3_SECRET_ACCESS_KEY,
      forcePathStyle: config.S3_FORCE_PATH_STYLE === "true",
    });
  return diskStorage(config.UPLOAD_DIR);
}

let current: FileStorage | undefined;

/** The process's storage, chosen once from the environment. */
export function fileStorage(): FileStorage {
  current ??= storageFromEnv();
  return current;
}

/** Replaces the process's storage (tests point it at a stand-in S3 server). */
export function setFileStorage(storage: FileStorage | undefined) {
  current = storage;
}
