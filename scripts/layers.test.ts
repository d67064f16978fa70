// The layers go one way (docs/architecture.md): the linter fails a build when a util or a
// component imports a module's server code, anything imports a route, or a route uses Prisma.
import path from "node:path";
import { ESLint } from "eslint";
import { describe, expect, it } from "vitest";

const root = path.resolve(import.meta.dirname, "..");
const eslint = new ESLint({ cwd: root });

async function restricted(file: string, code: string) {
  const [result] = await eslint.lintText(code, { filePath: path.join(root, file) });
  return result.messages.filter((m) => m.ruleId === "no-restricted-imports").map((m) => m.message);
}

describe("layer rules", () => {
  it.each([
    [
      "app/utils/planted.ts",
      'import { getProjectForUser } from "~/modules/projects/queries.server";\nexport const x = getProjectForUser;\n',
    ],
    [
      "app/components/planted.tsx",
      'import { getSessionForUser } from "~/modules/sessions/queries.server";\nexport const x = getSessionForUser;\n',
    ],
    ["app/utils/planted.ts", 'import { prisma } from "~/db.server";\nexport const x = prisma;\n'],
    ["app/routes/planted.tsx", 'import { prisma } from "~/db.server";\nexport const x = prisma;\n'],
    [
      "app/modules/projects/planted.server.ts",
      'import { loader } from "~/routes/healthz";\nexport const x = loader;\n',
    ],
  ])("refuses the import planted in %s", async (file, code) => {
    expect(await restricted(file, code)).toHaveLength(1);
  });

  it.each([
    [
      "app/components/planted.tsx",
      'import { indicatorSchema } from "~/modules/projects/project-schemas";\nexport const x = indicatorSchema;\n',
    ],
    [
      "app/routes/planted.tsx",
      'import { getProjectForUser } from "~/modules/projects/queries.server";\nexport const x = getProjectForUser;\n',
    ],
    [
      "app/modules/lessons/planted.server.ts",
      'import { prisma } from "~/db.server";\nexport const x = prisma;\n',
    ],
  ])("allows what goes the right way in %s", async (file, code) => {
    expect(await restricted(file, code)).toEqual([]);
  });
});
