// The database thread's entry: TypeScript is loaded through tsx, as in the start script.
import { register } from "tsx/esm/api";

register();
await import("./pglite-worker.ts");
