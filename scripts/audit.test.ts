// scripts/audit.sh, CI's dependency audit: fails on a high or critical advisory, passes on a clean
// report, and says "not measured" (without failing) when the audit endpoint gives no report.
import { execFile } from "node:child_process";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

const run = promisify(execFile);
let dir: string;

beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), "lintas-audit-"));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function audit(report: unknown) {
  const file = path.join(dir, `report-${Math.random().toString(36).slice(2)}.json`);
  await writeFile(file, JSON.stringify(report));
  try {
    const { stdout } = await run("bash", ["scripts/audit.sh"], {
      env: { ...process.env, AUDIT_REPORT_FILE: file },
    });
    return { code: 0, stdout };
  } catch (error) {
    const failed = error as { code: number; stdout: string };
    return { code: failed.code, stdout: failed.stdout };
  }
}

const counts = (high: number, critical: number) => ({
  metadata: { vulnerabilities: { info: 0, low: 2, moderate: 1, high, critical, total: 3 + high + critical } },
  vulnerabilities: {
    ...(high ? { "some-lib": { severity: "high", range: "<1.2.3" } } : {}),
    ...(critical ? { "other-lib": { severity: "critical", range: "*" } } : {}),
    "mild-lib": { severity: "moderate", range: "<2" },
  },
});

describe("the dependency audit", () => {
  it("passes a report with no high or critical advisory, and prints the counts", async () => {
    const result = await audit(counts(0, 0));
    expect(result.code).toBe(0);
    expect(result.stdout).toContain("0 critical, 0 high, 1 moderate, 2 low");
  });

  it("fails on a high or a critical advisory and names the package", async () => {
    const high = await audit(counts(1, 0));
    expect(high.code).toBe(1);
    expect(high.stdout).toContain("high: some-lib <1.2.3");
    const critical = await audit(counts(0, 1));
    expect(critical.code).toBe(1);
    expect(critical.stdout).toContain("critical: other-lib *");
  });

  it("says nothing was measured when the endpoint gave no report", async () => {
    const result = await audit({
      message: "405 Method Not Allowed - POST …/advisories/bulk",
      statusCode: 405,
    });
    expect(result.code).toBe(0);
    expect(result.stdout).toContain("not measured");
  });
});
