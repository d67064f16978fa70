// Every test file's embedded database starts from the WebAssembly module Vitest's main thread
// compiled once (tests/setup/pglite-artifacts.ts), instead of compiling PGlite again.
import { expect, it } from "vitest";
import { migratedPglite } from "../setup/fresh-pglite";
import { sharedPgliteModule } from "../setup/pglite-artifacts";

it("gets PGlite's compiled module from the main thread, and a database opens with it", async () => {
  const module = await sharedPgliteModule();
  expect(module).toBeInstanceOf(WebAssembly.Module);
  // the template's dump, loaded as every file's database is (tests/setup/database.ts)
  const client = await migratedPglite();
  try {
    expect((await client.query<{ answer: number }>("select 41 + 1 as answer")).rows).toEqual([
      { answer: 42 },
    ]);
  } finally {
    await client.close();
  }
});
