// The storage interface both backends implement (app/storage/storage.server.ts chooses one).

export interface FileStorage {
  kind: "disk" | "s3";
  /** stores bytes under a key such as "evidence/<hex>.jpg" (refuses to overwrite on disk) */
  put(key: string, bytes: Uint8Array, contentType: string): Promise<void>;
  /** the stored bytes, or null when nothing is stored under that key */
  get(key: string): Promise<Uint8Array<ArrayBuffer> | null>;
  /** removes the file; removing a missing file is not an error */
  delete(key: string): Promise<void>;
}

/** Keys are ours: folders and file names of letters, digits, dots, dashes and underscores. */
export function assertStorageKey(key: string) {
  if (!/^[a-z0-9_-]+(\/[a-zA-Z0-9_-][a-zA-Z0-9._-]*)+$/.test(key) || key.includes(".."))
    throw new Error(`not a storage key: ${key}`);
}
