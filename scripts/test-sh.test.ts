// `npm test` on a machine without Chromium stops in the first seconds with the command to run,
// instead of failing after the whole suite (issue 19).
import { spawnSync } from "node:child_process";
import path from "node:path";
import { expect, it } from "vitest";

const root = path.resolve(import.meta.dirname, "..");

it("stops at once without Chromium, naming the command that installs it", () => {
  const run = spawnSync("bash", ["scripts/test.sh"], {
    cwd: root,
    env: {
      ...process.env,
      CHROMIUM_PATH: "/nonexistent/chromium",
      LINTAS_INSTALL_BROWSER: "no",
      NO_COLOR: "1",
    },
    encoding: "utf8",
    timeout: 20_000,
  });
  expect(run.status).toBe(1);
  expect(run.stderr).toContain("apt-get install -y chromium");
  expect(run.stderr).toContain('npm test failed at step "browser (Chromium)"');
  // nothing else ran: not even the type check
  expect(run.stdout).not.toContain("typecheck");
});
