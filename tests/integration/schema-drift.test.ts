import { describe, expect, it } from "vitest";
import { diffMigrationsAgainstSchema } from "~/db/schema-diff.server";

describe("schema.prisma and prisma/migrations", () => {
  it("agree: every schema change has its migration (npm run db:migration -- <name>)", async () => {
    const { sql, empty } = await diffMigrationsAgainstSchema();
    expect(empty, `schema.prisma has changes without a migration:\n${sql}`).toBe(true);
  }, 60_000);
});
