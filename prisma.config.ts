import { defineConfig } from "prisma/config";

// The Prisma CLI cannot download its native schema engine on our machines.
// `prisma generate` does not need it; migrations are written and applied by
// our own scripts (docs/decisions/0001-database.md).
process.env.PRISMA_SCHEMA_ENGINE_BINARY ??= "/bin/false";

export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations", seed: "tsx prisma/seed.ts" },
});
