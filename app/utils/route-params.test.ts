import { describe, expect, it } from "vitest";
import { type ParamFormat, requireParam } from "./route-params";

async function statusOf(run: () => unknown) {
  try {
    run();
  } catch (thrown) {
    if (thrown instanceof Response) return `${thrown.status} ${await thrown.text()}`;
    throw thrown;
  }
  return "returned";
}

describe("requireParam", () => {
  it.each<[ParamFormat, string]>([
    ["id", "cm3k9x2ab0001qz8l7c1d2e3f"],
    ["id", "demo-project-sanitasi-lampung-barat"],
    ["id", "demo-pip-serang-2025-lokakarya@lintas"],
    ["id", "demo-session-kendari-blitar-1.ics"],
    ["slug", "layanan-lumpur-tinja-terjadwal-l2t2-kota-kendari"],
    ["regionCode", "74"],
    ["regionCode", "74.71"],
    ["token", "q2vJ0bQz4m8Xc1_-Lr9TtYw3nK5sPa7dEf6gHi2jKl0"],
    ["calendarFile", "q2vJ0bQz4m8Xc1_-Lr9TtYw3nK5s.ics"],
    ["evidenceFile", "0123456789abcdef0123456789abcdef.pdf"],
  ])("gives back a well-formed %s (%s)", (format, value) => {
    expect(requireParam({ value }, "value", format)).toBe(value);
  });

  it.each<[ParamFormat, string | undefined]>([
    ["id", undefined],
    ["id", ""],
    ["id", "a".repeat(300)],
    ["id", `x'; DROP TABLE "User"; --`],
    ["id", "../../etc/passwd"],
    ["id", "-leading-hyphen"],
    ["id", "dua kata"],
    ["slug", "L2T2-Kendari"],
    ["slug", "l2t2_kendari"],
    ["regionCode", "74.71.01"],
    ["regionCode", "7"],
    ["regionCode", "aceh"],
    ["token", "x".repeat(129)],
    ["token", "abc.def"],
    ["calendarFile", "abc.ics.ics"],
    ["evidenceFile", "../../etc/passwd"],
    ["evidenceFile", "0123456789abcdef0123456789abcdef.exe"],
  ])("answers 404 Not found to a %s of %j", async (format, value) => {
    expect(await statusOf(() => requireParam({ value }, "value", format))).toBe("404 Not found");
  });

  it("reads an id unless told otherwise, and only the parameter named", async () => {
    expect(requireParam({ projectId: "p1", code: "zz" }, "projectId")).toBe("p1");
    expect(await statusOf(() => requireParam({ projectId: "p1" }, "pairingId"))).toBe("404 Not found");
  });
});
