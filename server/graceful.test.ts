import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { describe, expect, it } from "vitest";
import { installGracefulShutdown, onShutdown } from "./graceful";

describe("graceful shutdown", () => {
  it("finishes the request in flight, refuses new ones, runs the steps, closes last and exits 0; a second signal forces", async () => {
    const events: string[] = [];
    // the server records the answer when it has sent it (the client may read it later)
    const server = createServer((_request, response) => {
      setTimeout(() => response.end("done", () => void events.push("request answered")), 400);
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
    const exits: number[] = [];
    onShutdown("worker", async () => void events.push("worker stopped"));
    const { shutdown } = installGracefulShutdown(server, {
      signals: [],
      log: () => {},
      exit: (code) => void exits.push(code),
      finally: async () => void events.push("database closed"),
    });

    const inFlight = fetch(url).then((r) => r.text());
    await new Promise((resolve) => setTimeout(resolve, 100));
    const stopping = shutdown("SIGTERM");
    await expect(fetch(url)).rejects.toThrow();
    expect(await inFlight).toBe("done");
    await stopping;
    expect(events).toEqual(["request answered", "worker stopped", "database closed"]);
    expect(exits).toEqual([0]);

    await shutdown("SIGTERM");
    expect(exits).toEqual([0, 1]);
  });
});
