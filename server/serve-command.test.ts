import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parseServeScript, serveCommand } from "./serve-command";

describe("the serve command", () => {
  it("reads the environment the script sets before node", () => {
    expect(parseServeScript("A_B=2 C= node --flag build/start/start.mjs")).toEqual({
      env: { A_B: "2", C: "" },
      args: ["--flag", "build/start/start.mjs"],
    });
    expect(parseServeScript("node build/start/start.mjs")).toEqual({
      env: {},
      args: ["build/start/start.mjs"],
    });
    expect(() => parseServeScript("tsx server/start.ts")).toThrow(/not `\[NAME=value …\] node/);
  });

  it("limits malloc to one arena, in npm run serve and in the image alike (decision 0073)", () => {
    const { env, args } = serveCommand();
    expect(env.MALLOC_ARENA_MAX).toBe("1");
    expect(args.at(-1)).toBe("build/start/start.mjs");
    const dockerfile = readFileSync("Dockerfile", "utf8");
    for (const [name, value] of Object.entries(env))
      expect(dockerfile).toMatch(new RegExp(`^ENV .*\\b${name}=${value}\\b`, "m"));
    const cmd = /^CMD (\[.*\])$/m.exec(dockerfile)?.[1];
    expect(JSON.parse(cmd ?? "[]")).toEqual(["node", ...args]);
  });
});
