// A small in-process memo for figures that are expensive to count and may be a minute old
// (the PMU dashboard's programme-wide charts): one computation per key at a time (callers that
// arrive meanwhile share it), kept `ttlMs`, at most `maxEntries` keys (oldest first out).
export function createMemo<T>({
  ttlMs,
  maxEntries = 100,
  now = Date.now,
}: {
  ttlMs: number;
  maxEntries?: number;
  now?: () => number;
}) {
  const entries = new Map<string, { at: number; value: Promise<T> }>();
  return {
    /** The kept value for `key` and when it was computed, or a new computation. */
    async get(key: string, compute: () => Promise<T>): Promise<{ value: T; computedAt: Date }> {
      const entry = entries.get(key);
      if (entry && now() - entry.at < ttlMs)
        return { value: await entry.value, computedAt: new Date(entry.at) };
      const at = now();
      const value = compute();
      if (ttlMs > 0) {
        entries.set(key, { at, value });
        // a failed computation is not kept
        value.catch(() => entries.get(key)?.value === value && entries.delete(key));
        while (entries.size > maxEntries) entries.delete(entries.keys().next().value as string);
      }
      return { value: await value, computedAt: new Date(at) };
    },
    clear: () => entries.clear(),
  };
}

/**
 * One computation per key at a time, kept only while it runs: callers that ask meanwhile share it
 * (the root's and the page's loaders of one request, a page's parts started together); once it has
 * answered or failed, the next caller computes again, so nothing is served from memory.
 */
export function createInFlight<T>() {
  const running = new Map<string, Promise<T>>();
  return (key: string, compute: () => Promise<T>): Promise<T> => {
    let value = running.get(key);
    if (!value) {
      value = compute().finally(() => running.delete(key));
      running.set(key, value);
    }
    return value;
  };
}
