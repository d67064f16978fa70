// npm run bench:page-weight [-- --url http://localhost:3000] [-- --fast]
// Loads each kind of page of a production server in Chromium, with an empty cache, on a slow 3G
// link (Chrome DevTools' "Slow 3G": 400 kbit/s each way, 400 ms round trip; --fast: unthrottled),
// signed in where the page needs it, and reports per page: JavaScript and everything together as
// bytes on the wire (compressed, headers included) and decoded, and the first contentful paint.
// Without --url it starts its own production server on a fresh seeded database (like the browser
// journeys: needs `npm run build` first). Fails (exit 1) over a budget (issues #10 and #24,
// docs/decisions/0062-light-on-a-weak-link.md, 0067: every signed-in page without a budget of
// its own gets SIGNED_IN). Prints a Markdown table at the end.
import { parseArgs } from "node:util";
import { type Browser, type Page, chromium } from "playwright-core";
import { DEMO_PASSWORD } from "../prisma/demo-accounts";
import { SLOW_3G, firstContentfulPaint } from "../tests/e2e/page-timing";
import { startE2eServer } from "../tests/setup/e2e-global";

const KB = 1024;

type Budget = { script?: number; total?: number; fcp?: number };
type PageKind = {
  name: string;
  path: string;
  signIn?: string;
  budget: Budget;
  /** what the person then does on the page; its requests count too */
  then?: (page: Page) => Promise<void>;
};

const FACILITATOR = "fasilitator@lintas.test";
const PROJECT = "/proyek/demo-project-l2t2-kendari";
/**
 * Every signed-in page without a budget of its own (issue #24, item 4: "signed-in pages get a
 * budget like the catalogue's"): React DOM and Remix's router alone are 84 KB; decision 0067
 */
const SIGNED_IN: Budget = { script: 180 * KB, fcp: 2000 };
/** a signed-in page that draws charts (visx and d3-scale's time scale: ~18 KB more) */
const SIGNED_IN_CHARTS: Budget = { script: 195 * KB, fcp: 2000 };
const PAGES: PageKind[] = [
  { name: "catalogue", path: "/katalog", budget: { script: 100 * KB, total: 300 * KB } },
  {
    name: "catalogue search",
    path: "/katalog?q=lumpur+tinja",
    budget: { script: 100 * KB, total: 300 * KB },
  },
  { name: "dashboard", path: "/dasbor", signIn: FACILITATOR, budget: SIGNED_IN_CHARTS },
  {
    name: "project page",
    path: PROJECT,
    signIn: FACILITATOR,
    budget: { script: 60 * KB, fcp: 2000 },
  },
  // the project's tabs that keep React (the indicator form's number echo, the milestone forms)
  { name: "project milestones", path: `${PROJECT}/tonggak`, signIn: FACILITATOR, budget: SIGNED_IN },
  {
    name: "project indicators",
    path: `${PROJECT}/indikator`,
    signIn: FACILITATOR,
    budget: SIGNED_IN_CHARTS,
  },
  {
    name: "pairing page",
    path: "/pasangan/demo-pairing-kendari-blitar-2020",
    signIn: FACILITATOR,
    budget: SIGNED_IN,
  },
  {
    name: "session page",
    path: "/sesi/demo-session-kendari-blitar-1",
    signIn: FACILITATOR,
    budget: SIGNED_IN,
  },
  {
    name: "session notes",
    path: "/sesi/demo-session-kendari-blitar-4/catatan",
    signIn: FACILITATOR,
    budget: { script: 150 * KB, fcp: 2000 },
  },
  // on a weak link the shared editor waits to be asked for (decision 0067): its cost, reported
  {
    name: "session notes, shared editor opened",
    path: "/sesi/demo-session-kendari-blitar-4/catatan",
    signIn: FACILITATOR,
    budget: {},
    then: async (page) => {
      // unthrottled (--fast) the editor comes at once, with no button
      const open = page.getByRole("button", { name: "Buka penyunting bersama" });
      if (await open.isVisible()) await open.click();
      await page.getByRole("textbox", { name: "Catatan sesi", exact: true }).waitFor({ timeout: 120_000 });
      await page.waitForLoadState("networkidle");
    },
  },
];

const { values } = parseArgs({
  options: {
    url: { type: "string", default: process.env.APP_URL },
    fast: { type: "boolean", default: false },
  },
});

type Entry = { url: string; type: string; transferred: number; decoded: number };
type Result = { kind: PageKind; entries: Entry[]; fcp: number | null };

async function measure(browser: Browser, baseUrl: string, kind: PageKind): Promise<Result> {
  // a first visit, every byte counted: through the service worker, DevTools sees 0 on the wire
  const context = await browser.newContext({ baseURL: baseUrl, serviceWorkers: "block" });
  try {
    const page = await context.newPage();
    if (kind.signIn) {
      const response = await page.request.post("/masuk", {
        form: { email: kind.signIn, password: DEMO_PASSWORD },
        maxRedirects: 0,
      });
      if (response.status() !== 302 && response.status() !== 303)
        throw new Error(`signing in as ${kind.signIn} answered ${response.status()}`);
    }
    const cdp = await context.newCDPSession(page);
    await cdp.send("Network.enable");
    await cdp.send("Network.setCacheDisabled", { cacheDisabled: true });
    if (!values.fast) await cdp.send("Network.emulateNetworkConditions", SLOW_3G);
    const entries = new Map<string, Entry>();
    cdp.on("Network.responseReceived", (event) => {
      entries.set(event.requestId, { url: event.response.url, type: event.type, transferred: 0, decoded: 0 });
    });
    cdp.on("Network.dataReceived", (event) => {
      const entry = entries.get(event.requestId);
      if (entry) entry.decoded += event.dataLength;
    });
    cdp.on("Network.loadingFinished", (event) => {
      const entry = entries.get(event.requestId);
      if (entry) entry.transferred = event.encodedDataLength;
    });
    const response = await page.goto(kind.path, { waitUntil: "networkidle", timeout: 120_000 });
    if (!response?.ok()) throw new Error(`${kind.path} answered ${response?.status()}`);
    if (new URL(page.url()).pathname !== kind.path.split("?")[0])
      throw new Error(`${kind.path} led to ${page.url()} (not signed in?)`);
    await kind.then?.(page);
    const fcp = await firstContentfulPaint(page);
    return { kind, entries: [...entries.values()], fcp };
  } finally {
    await context.close();
  }
}

const kb = (bytes: number) => `${(bytes / KB).toFixed(1)} KB`;
const sum = (list: Entry[], key: "transferred" | "decoded") => list.reduce((n, e) => n + e[key], 0);

const server = values.url ? null : await startE2eServer();
const baseUrl = values.url ?? server!.baseUrl;
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
  headless: true,
  args: ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking"],
});
const rows: string[] = [];
let over = false;
try {
  for (const kind of PAGES) {
    const { entries, fcp } = await measure(browser, baseUrl, kind);
    const scripts = entries.filter((e) => e.type === "Script");
    const script = sum(scripts, "transferred");
    const total = sum(entries, "transferred");
    const { budget } = kind;
    const failures = [
      budget.script !== undefined && script > budget.script ? "JavaScript" : null,
      budget.total !== undefined && total > budget.total ? "total" : null,
      budget.fcp !== undefined && (fcp === null || fcp > budget.fcp) ? "first paint" : null,
    ].filter(Boolean);
    console.log(`\n${kind.name} (${kind.path}): ${entries.length} requests`);
    for (const e of entries)
      console.log(
        `  ${e.type.padEnd(10)} ${kb(e.transferred).padStart(9)} ${kb(e.decoded).padStart(9)}  ${e.url}`,
      );
    console.log(
      `  JavaScript ${kb(script)} on the wire (${kb(sum(scripts, "decoded"))} decoded)` +
        (budget.script ? `, budget ${kb(budget.script)}` : ""),
    );
    console.log(
      `  total      ${kb(total)} on the wire (${kb(sum(entries, "decoded"))} decoded)` +
        (budget.total ? `, budget ${kb(budget.total)}` : ""),
    );
    console.log(`  first contentful paint ${fcp === null ? "none" : `${Math.round(fcp)} ms`}`);
    if (failures.length > 0) {
      console.log(`  OVER BUDGET: ${failures.join(", ")}`);
      over = true;
    }
    const limit = [
      budget.script ? `JS ≤ ${budget.script / KB} KB` : null,
      budget.total ? `total ≤ ${budget.total / KB} KB` : null,
      budget.fcp ? `FCP ≤ ${budget.fcp / 1000} s` : null,
    ].filter(Boolean);
    rows.push(
      `| ${kind.name} | ${kb(script)} (${kb(sum(scripts, "decoded"))}) | ${kb(total)} | ` +
        `${fcp === null ? "–" : `${(fcp / 1000).toFixed(2)} s`} | ${limit.join(", ") || "–"} |`,
    );
  }
} finally {
  await browser.close();
  await server?.stop();
}
console.log(`\n${values.fast ? "unthrottled" : "slow 3G (400 kbit/s, 400 ms)"}, empty cache:\n`);
console.log(
  "| page | JavaScript on the wire (decoded) | total on the wire | first contentful paint | budget |",
);
console.log("| --- | --- | --- | --- | --- |");
for (const row of rows) console.log(row);
process.exit(over ? 1 : 0);
