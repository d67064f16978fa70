// `npm run admin:create`: the first admin of a deployment without demo data. The command runs for
// real against a fresh embedded database in a temporary directory (migrated and given its regions
// by the command itself); the model underneath is tested on this file's database.
import { spawn } from "node:child_process";
import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { adminPasswordProblem } from "~/auth/admin-password";
import { verifyPassword } from "~/auth/password.server";
import { type Database, openDatabase } from "~/db/database.server";
import { prisma } from "~/db.server";
import { ensureAdminAccount } from "~/modules/accounts/admin-account.server";
import { createPerson } from "../fixtures/people";

const STRONG = "Tiga-kuda-lari-di-Kendari-7";

describe("an admin's password", () => {
  it.each([
    ["short", "Kendari-7"],
    ["repetitive", "abababababababab"],
    ["a common word", "MyPassword-2024!"],
    ["the app's name", "lintas-lintas-99"],
    ["the email's name", "sari.wulandari-99"],
    ["the person's name", "Wulandari-Kendari-99"],
  ])("is refused when %s", (_why, password) => {
    expect(
      adminPasswordProblem(password, { email: "sari.wulandari@pemda.example", name: "Sari Wulandari" }),
    ).toBeTruthy();
  });

  it("is accepted when long, varied and not personal", () => {
    expect(adminPasswordProblem(STRONG, { email: "sari@pemda.example", name: "Sari Wulandari" })).toBeNull();
  });
});

describe("ensureAdminAccount", () => {
  it("makes a new admin once; a second run changes nothing", async () => {
    const first = await ensureAdminAccount({
      email: " Ops@Pemda.Example ",
      name: "Operator",
      password: STRONG,
    });
    expect(first).toMatchObject({
      created: true,
      promoted: true,
      passwordSet: true,
      generatedPassword: undefined,
    });
    const user = await prisma.user.findUniqueOrThrow({
      where: { email: "ops@pemda.example" },
      include: { memberships: true, password: true },
    });
    expect(user.memberships.map((m) => m.role)).toEqual(["ADMIN"]);
    expect(await verifyPassword(STRONG, user.password!.hash)).toBe(true);

    const again = await ensureAdminAccount({ email: "ops@pemda.example", name: "Operator" });
    expect(again).toMatchObject({ created: false, promoted: false, passwordSet: false });
    expect(await prisma.user.count({ where: { email: "ops@pemda.example" } })).toBe(1);
    expect(await prisma.membership.count({ where: { userId: user.id } })).toBe(1);
  });

  it("gives an existing, deactivated person the role, keeps their other roles and password", async () => {
    const person = await createPerson({
      role: "REGION_OFFICER",
      regionCode: null,
      email: "petugas@pemda.example",
    });
    await prisma.user.update({ where: { id: person.id }, data: { deactivatedAt: new Date() } });
    const hashBefore = (await prisma.password.findUniqueOrThrow({ where: { userId: person.id } })).hash;
    const result = await ensureAdminAccount({ email: "petugas@pemda.example" });
    expect(result).toMatchObject({ userId: person.id, created: false, promoted: true, reactivated: true });
    const after = await prisma.user.findUniqueOrThrow({
      where: { id: person.id },
      include: { memberships: true, password: true },
    });
    expect(after.memberships.map((m) => m.role).sort()).toEqual(["ADMIN", "REGION_OFFICER"]);
    expect(after.deactivatedAt).toBeNull();
    expect(after.password?.hash).toBe(hashBefore);
  });

  it("generates a password for a new account given none", async () => {
    const result = await ensureAdminAccount({ email: "kedua@pemda.example", name: "Admin Kedua" });
    expect(result.generatedPassword).toMatch(/^[\w-]{24}$/);
    const stored = await prisma.password.findUniqueOrThrow({ where: { userId: result.userId } });
    expect(await verifyPassword(result.generatedPassword!, stored.hash)).toBe(true);
  });

  it("refuses a new account without a name and writes nothing", async () => {
    await expect(ensureAdminAccount({ email: "tanpa-nama@pemda.example", password: STRONG })).rejects.toThrow(
      /name/,
    );
    expect(await prisma.user.count({ where: { email: "tanpa-nama@pemda.example" } })).toBe(0);
  });
});

describe("npm run admin:create on a fresh database without demo data", () => {
  let dir: string;

  beforeAll(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), "lintas-admin-create-"));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  /** runs the command as an operator would, on the embedded database in `dir` */
  function run(args: string[], stdin?: string): Promise<{ code: number | null; out: string; err: string }> {
    const { DATABASE_URL: _ignored, ...inherited } = process.env;
    const child = spawn(process.execPath, ["--import", "tsx", "scripts/admin-create.ts", ...args], {
      env: { ...inherited, NODE_ENV: "production", DATA_DIR: path.join(dir, "pg"), SEED_ON_EMPTY: "false" },
      stdio: ["pipe", "pipe", "pipe"],
    });
    let out = "";
    let err = "";
    child.stdout.on("data", (chunk) => (out += chunk));
    child.stderr.on("data", (chunk) => (err += chunk));
    child.stdin.end(stdin ?? "");
    return new Promise((resolve) => child.on("exit", (code) => resolve({ code, out, err })));
  }

  async function inspect<T>(read: (database: Database) => Promise<T>): Promise<T> {
    const database = await openDatabase(undefined, path.join(dir, "pg"));
    try {
      return await read(database);
    } finally {
      await database.close();
    }
  }

  it("creates the admin from a piped password, refuses a weak one, promotes instead of duplicating", async () => {
    const weak = await run(
      ["--email", "ops@pemda.example", "--name", "Operator", "--password-stdin"],
      "rahasia123\n",
    );
    expect(weak.code).toBe(1);
    expect(weak.err).toMatch(/Refused: the password must be at least 12 characters/);

    const created = await run(
      ["--email", "ops@pemda.example", "--name", "Operator Lintas", "--password-stdin"],
      `${STRONG}\n`,
    );
    expect(created.err).toBe("");
    expect(created.code).toBe(0);
    expect(created.out).toContain("Created the admin account ops@pemda.example.");
    expect(created.out).not.toContain(STRONG);

    const again = await run(["--email", "OPS@pemda.example", "--name", "Operator Lintas"]);
    expect(again.code).toBe(0);
    expect(again.out).toContain("is already an admin");
    expect(again.out).not.toContain("Password");

    const generated = await run(["--email", "kedua@pemda.example", "--name", "Admin Kedua"]);
    expect(generated.code).toBe(0);
    const password = /Password \(shown once, stored only hashed\): (\S+)/.exec(generated.out)?.[1];
    expect(password).toMatch(/^[\w-]{24}$/);

    await inspect(async ({ prisma: db }) => {
      const admins = await db.user.findMany({
        where: { memberships: { some: { role: "ADMIN" } } },
        include: { password: true },
        orderBy: { email: "asc" },
      });
      expect(admins.map((a) => [a.email, a.name])).toEqual([
        ["kedua@pemda.example", "Admin Kedua"],
        ["ops@pemda.example", "Operator Lintas"],
      ]);
      expect(await verifyPassword(STRONG, admins[1].password!.hash)).toBe(true);
      expect(await verifyPassword(password!, admins[0].password!.hash)).toBe(true);
      // no demo data, but the regions are there
      expect(await db.user.count()).toBe(2);
      expect(await db.region.count()).toBe(552);
    });
  }, 300_000);

  it("refuses a missing or malformed email with its usage", async () => {
    const result = await run(["--name", "Tanpa Email"]);
    expect(result.code).toBe(2);
    expect(result.err).toContain("Usage: npm run admin:create");
  }, 120_000);
});
