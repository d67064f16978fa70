// Uploads in a directory (UPLOAD_DIR): one machine, or a volume every process mounts.
import { mkdir, readFile, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { type FileStorage, assertStorageKey } from "~/storage/types.server";

export function diskStorage(root: string): FileStorage {
  const fileFor = (key: string) => {
    assertStorageKey(key);
    return path.join(path.resolve(root), ...key.split("/"));
  };
  return {
    kind: "disk",
    async put(key, bytes) {
      const file = fileFor(key);
      await mkdir(path.dirname(file), { recursive: true });
      await writeFile(file, bytes, { flag: "wx" });
    },
    async get(key) {
      try {
        return new Uint8Array(await readFile(fileFor(key)));
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === "ENOENT") return null;
        throw error;
      }
    },
    async delete(key) {
      await rm(fileFor(key), { force: true });
    },
  };
}
