// Browser-journey helpers: Debian's Chromium driven by playwright-core (Playwright's own browser
// download cannot work here; docs/decisions/0002-browser-tests.md), pages that fail the test on
// any console error, uncaught page error or CSP violation, and an axe-core accessibility check.
import AxeBuilder from "@axe-core/playwright";
import { type Browser, type BrowserContext, type Page, type Response, chromium } from "playwright-core";
import { afterAll, inject, onTestFinished } from "vitest";
import { DEMO_PASSWORD } from "../../prisma/demo-accounts";
import { RULES_BELOW_SERIOUS } from "./axe-rules";
import { text } from "./i18n";

/**
 * This worker's server: files run two at a time, each worker on its own server and database, so
 * the files of one worker run one after another on their server as before.
 */
export const baseUrl = (() => {
  const urls = inject("e2eBaseUrls");
  const worker = Number(process.env.VITEST_POOL_ID ?? "1");
  return urls[(worker - 1) % urls.length];
})();

const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

let browser: Promise<Browser> | undefined;
/** each page's server (newPage's baseUrl option), for the sign-in's Origin */
const contextBaseUrls = new WeakMap<BrowserContext, string>();
/** contexts opened with JavaScript off: nothing hydrates there */
const withoutJavaScript = new WeakSet<BrowserContext>();
const extraFlags: string[] = [];

/**
 * More Chromium flags for this test file's browser, e.g. a fake camera and microphone
 * (`--use-fake-device-for-media-stream`); call it before the file's first newPage().
 */
export function useChromiumFlags(...flags: string[]): void {
  if (browser) throw new Error("useChromiumFlags() must come before the first newPage() of the file");
  extraFlags.push(...flags);
}

/**
 * One browser per test file, started on first use. Playwright gives it a new empty profile
 * (user-data-dir) in the temporary directory and removes it on close; it refuses an explicit
 * --user-data-dir outside launchPersistentContext.
 */
function launchedBrowser(): Promise<Browser> {
  browser ??= chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: [
      "--headless",
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      ...extraFlags,
    ],
  });
  return browser;
}

/** keptPage()'s pages, closed with the browser when the file ends */
const keptPages = new Map<string, Promise<TrackedPage>>();

afterAll(async () => {
  const kept = await Promise.all(keptPages.values());
  keptPages.clear();
  await Promise.all(kept.map((tracked) => tracked.context.close()));
  if (browser) await (await browser).close();
  browser = undefined;
  // what a kept page reported after the file's last test
  for (const { problems } of kept) failOnProblems(problems);
});

export type PageOptions = {
  /** the server the page's relative addresses go to; the e2e server unless told */
  baseUrl?: string;
  /** browser window size; 1280×800 unless told */
  viewport?: { width: number; height: number };
  /**
   * a phone: the page's meta viewport is honoured, touch events are on and pixels are dense
   * (Chromium's device emulation through playwright-core's isMobile, hasTouch, deviceScaleFactor)
   */
  phone?: { deviceScaleFactor: number };
  /** false to see the page as a browser without JavaScript (forms and links must still work) */
  javaScriptEnabled?: boolean;
  /**
   * "block" keeps the service worker out, so every request the page makes shows in its own network
   * log (what a first visit fetches; through the worker, DevTools counts 0 bytes on the wire)
   */
  serviceWorkers?: "allow" | "block";
  /**
   * console errors the test expects, e.g. Chromium's "Failed to load resource … 404" when the
   * test opens a missing page on purpose; anything else still fails the test
   */
  expectedConsoleErrors?: RegExp[];
};

type TrackedPage = { context: BrowserContext; page: Page; problems: string[] };

/** A page in a new browser context whose console errors, page errors and CSP violations are kept. */
async function openTrackedPage(options: PageOptions): Promise<TrackedPage> {
  const context: BrowserContext = await (
    await launchedBrowser()
  ).newContext({
    baseURL: options.baseUrl ?? baseUrl,
    viewport: options.viewport ?? { width: 1280, height: 800 },
    javaScriptEnabled: options.javaScriptEnabled ?? true,
    serviceWorkers: options.serviceWorkers ?? "allow",
    ...(options.phone
      ? { isMobile: true, hasTouch: true, deviceScaleFactor: options.phone.deviceScaleFactor }
      : {}),
  });
  contextBaseUrls.set(context, options.baseUrl ?? baseUrl);
  if (options.javaScriptEnabled === false) withoutJavaScript.add(context);
  const problems: string[] = [];
  const expected = options.expectedConsoleErrors ?? [];

  await context.exposeBinding("__lintasReportCspViolation", (_source, violation: string) => {
    problems.push(`CSP violation: ${violation}`);
  });
  await context.addInitScript(() => {
    document.addEventListener("securitypolicyviolation", (event) => {
      const report = (window as unknown as { __lintasReportCspViolation: (v: string) => void })
        .__lintasReportCspViolation;
      report(`${event.violatedDirective} blocked ${event.blockedURI || "inline"} on ${event.documentURI}`);
    });
  });

  const page = await context.newPage();
  page.on("console", (message) => {
    if (message.type() !== "error") return;
    const text = message.text();
    if (expected.some((pattern) => pattern.test(text))) return;
    const where = message.location().url;
    problems.push(`console error: ${text}${where ? ` (${where})` : ""}`);
  });
  page.on("pageerror", (error) => {
    problems.push(`page error: ${error.stack ?? error.message}`);
  });
  return { context, page, problems };
}

function failOnProblems(problems: string[]) {
  if (problems.length === 0) return;
  const found = problems.splice(0);
  throw new Error(`The browser reported ${found.length} problem(s):\n${found.join("\n")}`);
}

/**
 * A page in a fresh browser context (no cookies) on the e2e server. The test fails when the page
 * logs a console error, throws an uncaught error or violates its Content-Security-Policy;
 * the context is closed when the test ends.
 */
export async function newPage(options: PageOptions = {}): Promise<Page> {
  const { context, page, problems } = await openTrackedPage(options);
  onTestFinished(async () => {
    await context.close();
    failOnProblems(problems);
  });
  return page;
}

/**
 * One person's browser, kept open across the tests of a file that only read pages: the page named
 * `key` is opened (with `options`) by the first test that asks for it and handed again to the
 * next ones, as someone going from page to page in the same browser would, with its cookies,
 * cache and service worker. A new browser context for every page cost ~2 CPU-seconds of
 * Chromium's a page view against ~0.8 here, on two cores that the journeys keep busy (decision
 * 0052, round 11). Problems the browser reports still fail the test they happen in; the context
 * is closed when the file ends.
 */
export async function keptPage(key: string, options: PageOptions = {}): Promise<Page> {
  let kept = keptPages.get(key);
  if (!kept) {
    kept = openTrackedPage(options);
    keptPages.set(key, kept);
  }
  const { page, problems } = await kept;
  failOnProblems(problems);
  onTestFinished(() => failOnProblems(problems));
  return page;
}

/**
 * Opens `url` and waits until the page is ready to use: loaded, and hydrated by React (the
 * `data-hydrated` mark root.tsx sets) unless the page brings no app script (a page that opts out
 * of hydration, or JavaScript off). Waiting for the network to be idle instead cost every page
 * load half a second of silence on top (0.5–0.6 s a page, ~200 loads; decision 0052, round 11);
 * the offline and page-weight journeys, which are about what the page does on the network after
 * it loads, still wait for that.
 */
export async function openPage(page: Page, url: string): Promise<Response | null> {
  const response = await page.goto(url, { waitUntil: "load" });
  await pageReady(page);
  return response;
}

/** Reloads the page and waits as openPage does. */
export async function reloadPage(page: Page): Promise<Response | null> {
  const response = await page.reload({ waitUntil: "load" });
  await pageReady(page);
  return response;
}

async function pageReady(page: Page): Promise<void> {
  if (withoutJavaScript.has(page.context())) return;
  try {
    await page.waitForFunction(
      () =>
        document.documentElement.dataset.hydrated === "true" ||
        !document.querySelector('script[type="module"]'),
      undefined,
      { timeout: 20_000 },
    );
  } catch (error) {
    throw new Error(`${page.url()} loaded but React did not hydrate it: ${(error as Error).message}`);
  }
}

/** Runs axe-core on the page as it is and fails on any serious or critical violation. */
export async function expectNoSeriousA11yViolations(page: Page): Promise<void> {
  // only violations are read: axe skips building the details of what passed. Legacy mode runs
  // axe.run() in the page itself: the default opens a second, blank page in the context for every
  // analysis, injects axe-core there too and finishes the run in it, which is what lets it look
  // into frames of other origins. Lintas pages have no frames, and the Content-Security-Policy
  // allows only its own (default-src 'self'), which legacy mode still checks; that blank page was more than half of each analysis: 760 → 340 ms a page, same results
  // (decision 0052, round 11)
  const results = await new AxeBuilder({ page })
    .setLegacyMode(true)
    .options({ resultTypes: ["violations"] })
    .disableRules(RULES_BELOW_SERIOUS)
    .analyze();
  const serious = results.violations.filter(
    (violation) => violation.impact === "serious" || violation.impact === "critical",
  );
  if (serious.length === 0) return;
  const report = serious
    .map((violation) => {
      const nodes = violation.nodes
        .slice(0, 5)
        .map(
          (node) =>
            `    at ${node.target.join(" ")}\n      ${node.failureSummary?.replace(/\n/g, "\n      ")}`,
        )
        .join("\n");
      const more = violation.nodes.length > 5 ? `\n    … and ${violation.nodes.length - 5} more` : "";
      return `  [${violation.impact}] ${violation.id}: ${violation.help}\n    ${violation.helpUrl}\n${nodes}${more}`;
    })
    .join("\n");
  throw new Error(
    `axe found ${serious.length} serious accessibility violation(s) on ${page.url()}:\n${report}`,
  );
}

/**
 * Signs a demo account in for a test that is not about signing in, and opens the page it leads to
 * (the dashboard unless `redirectTo` says otherwise): the sign-in form's own POST, sent through the
 * page's context (its cookie jar) with the site's Origin, then one page load of the target. The
 * form itself, in the browser, stays the journey of accounts, keyboard, and of the files where
 * what the hydrated app does after a sign-in is under test (signInThroughForm: offline, mentions'
 * React path, notes' two editors); loading and hydrating /masuk first cost every other test a
 * page load and two waits for the network to be idle (issue #19).
 */
export async function signIn(
  page: Page,
  email: string,
  { password = DEMO_PASSWORD, redirectTo }: { password?: string; redirectTo?: string } = {},
): Promise<void> {
  const query = redirectTo ? `?redirectTo=${encodeURIComponent(redirectTo)}` : "";
  const origin = new URL(contextBaseUrl(page)).origin;
  const response = await page.request.post(`/masuk${query}`, {
    form: { email, password, redirectTo: redirectTo ?? "" },
    headers: { Origin: origin },
    maxRedirects: 0,
  });
  const location = response.headers()["location"];
  if (response.status() !== 302 || !location) {
    throw new Error(
      `signing ${email} in answered ${response.status()}: ${(await response.text()).slice(0, 300)}`,
    );
  }
  const target = redirectTo ?? "/dasbor";
  await openPage(page, location);
  if (new URL(page.url()).pathname !== target.split("?")[0]) {
    throw new Error(`signing ${email} in led to ${page.url()}, not ${target}`);
  }
}

/** the address the page's relative addresses go to (newPage's baseUrl option) */
function contextBaseUrl(page: Page): string {
  return contextBaseUrls.get(page.context()) ?? baseUrl;
}

/**
 * Signs a demo account in through the sign-in form, in the browser, and waits for the page it
 * leads to (the dashboard unless `redirectTo` says otherwise): for the journeys where what the
 * hydrated app does after a sign-in is part of what they show (the offline files, the mentions
 * picker reached in React, two editors opened from a client-side navigation).
 */
export async function signInThroughForm(
  page: Page,
  email: string,
  { password = DEMO_PASSWORD, redirectTo }: { password?: string; redirectTo?: string } = {},
): Promise<void> {
  const query = redirectTo ? `?redirectTo=${encodeURIComponent(redirectTo)}` : "";
  await openPage(page, `/masuk${query}`);
  await page.getByLabel(text("id", "auth.email"), { exact: true }).fill(email);
  await page.getByLabel(text("id", "auth.password"), { exact: true }).fill(password);
  await page.getByRole("button", { name: text("id", "auth.signIn"), exact: true }).click();
  const target = redirectTo ?? "/dasbor";
  await page.waitForURL((url) => url.pathname === target.split("?")[0], { timeout: 15_000 });
  await page.waitForLoadState("networkidle");
}
