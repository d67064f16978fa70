// npm run bench:page-weight [-- --url http://localhost:3000 --path /katalog]
// Loads a page of a running production server (npm start) in Chromium with an empty cache and adds
// up what the first load transfers: JavaScript and everything together, as bytes on the wire
// (compressed, headers included) and decoded. Fails (exit 1) over the budget of issue #10:
// under 100 KB of JavaScript and under 300 KB in total for the catalogue page.
import { parseArgs } from "node:util";
import { chromium } from "playwright-core";

const KB = 1024;
const BUDGET = { script: 100 * KB, total: 300 * KB };

const { values } = parseArgs({
  options: {
    url: { type: "string", default: process.env.APP_URL ?? "http://localhost:3000" },
    path: { type: "string", multiple: true, default: ["/katalog", "/katalog?q=lumpur+tinja"] },
  },
});

type Entry = { url: string; type: string; transferred: number; decoded: number };

async function measure(url: string) {
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
    headless: true,
    args: [
      "--headless",
      "--no-sandbox",
      "--disable-gpu",
      "--no-first-run",
      "--disable-background-networking",
    ],
  });
  try {
    const page = await browser.newPage();
    const cdp = await page.context().newCDPSession(page);
    await cdp.send("Network.enable");
    await cdp.send("Network.setCacheDisabled", { cacheDisabled: true });
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
    const response = await page.goto(url, { waitUntil: "networkidle" });
    if (!response?.ok()) throw new Error(`${url} answered ${response?.status()}`);
    return [...entries.values()];
  } finally {
    await browser.close();
  }
}

const kb = (bytes: number) => `${(bytes / KB).toFixed(1)} KB`;
let over = false;
for (const path of values.path) {
  const url = new URL(path, values.url).toString();
  const entries = await measure(url);
  const sum = (list: Entry[], key: "transferred" | "decoded") => list.reduce((n, e) => n + e[key], 0);
  const scripts = entries.filter((e) => e.type === "Script");
  const script = sum(scripts, "transferred");
  const total = sum(entries, "transferred");
  console.log(`\n${url}: ${entries.length} requests`);
  for (const e of entries)
    console.log(
      `  ${e.type.padEnd(10)} ${kb(e.transferred).padStart(9)} ${kb(e.decoded).padStart(9)}  ${e.url}`,
    );
  console.log(
    `  JavaScript ${kb(script)} on the wire (${kb(sum(scripts, "decoded"))} decoded), budget ${kb(BUDGET.script)}`,
  );
  console.log(
    `  total      ${kb(total)} on the wire (${kb(sum(entries, "decoded"))} decoded), budget ${kb(BUDGET.total)}`,
  );
  if (script >= BUDGET.script || total >= BUDGET.total) {
    console.log("  OVER BUDGET");
    over = true;
  }
}
process.exit(over ? 1 : 0);
