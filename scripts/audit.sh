#!/usr/bin/env bash
# Dependency audit of what production installs (`npm audit --omit=dev`), run by CI: fails on any
# high or critical advisory. Where the registry's audit endpoint does not answer (the registry
# mirror of the build machine refuses it with 405), it says so and passes: nothing was measured.
# AUDIT_REPORT_FILE reads a saved `npm audit --json` report instead (scripts/audit.test.ts).
set -uo pipefail
cd "$(dirname "$0")/.."
if [ -n "${AUDIT_REPORT_FILE:-}" ]; then
  report=$(cat "$AUDIT_REPORT_FILE")
else
  report=$(npm audit --omit=dev --json 2>/dev/null)
fi
printf '%s' "$report" | node -e '
  let text = "";
  process.stdin.on("data", (chunk) => (text += chunk)).on("end", () => {
    let report;
    try {
      report = JSON.parse(text);
    } catch {
      report = {};
    }
    const counts = report.metadata?.vulnerabilities;
    if (!counts) {
      const why = report.message ?? report.error?.summary ?? "no answer";
      console.log(`npm audit --omit=dev: not measured, the audit endpoint did not answer (${why})`);
      return;
    }
    const serious = (counts.high ?? 0) + (counts.critical ?? 0);
    console.log(
      `npm audit --omit=dev: ${counts.critical ?? 0} critical, ${counts.high ?? 0} high, ` +
        `${counts.moderate ?? 0} moderate, ${counts.low ?? 0} low`,
    );
    if (serious > 0) {
      for (const [name, v] of Object.entries(report.vulnerabilities ?? {}))
        if (v.severity === "high" || v.severity === "critical") console.log(`  ${v.severity}: ${name} ${v.range}`);
      process.exit(1);
    }
  });
'
