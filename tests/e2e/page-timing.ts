// What the page-weight journey (tests/e2e/page-weight.test.ts) and bench (scripts/page-weight.ts)
// both need: the slow link they emulate and the browser's own first paint.
import type { Page } from "playwright-core";

/** Chrome DevTools' "Slow 3G" profile (400 kbit/s each way, 400 ms round trip), for CDP's `Network.emulateNetworkConditions` */
export const SLOW_3G = {
  offline: false,
  latency: 400,
  downloadThroughput: (400 * 1000) / 8,
  uploadThroughput: (400 * 1000) / 8,
};

/** The first contentful paint of the page's last load, in ms, from its paint timing; null when none within a second. */
export function firstContentfulPaint(page: Page): Promise<number | null> {
  return page.evaluate(
    () =>
      new Promise<number | null>((resolve) => {
        new PerformanceObserver((list) => {
          const entry = list.getEntriesByName("first-contentful-paint")[0];
          if (entry) resolve(entry.startTime);
        }).observe({ type: "paint", buffered: true });
        setTimeout(() => resolve(null), 1000);
      }),
  );
}
