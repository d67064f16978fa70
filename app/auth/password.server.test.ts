import { describe, expect, it } from "vitest";
import { hashPassword, verifyPassword } from "./password.server";

describe("password hashing", () => {
  it("verifies the right password and refuses a wrong one", async () => {
    const stored = await hashPassword("rahasia-kendari-2020");
    expect(stored).toMatch(/^scrypt\$32768\$8\$1\$/);
    expect(await verifyPassword("rahasia-kendari-2020", stored)).toBe(true);
    expect(await verifyPassword("rahasia-blitar-2020", stored)).toBe(false);
  });

  it("salts every hash", async () => {
    expect(await hashPassword("sama")).not.toBe(await hashPassword("sama"));
  });

  it("refuses a malformed stored hash without throwing", async () => {
    expect(await verifyPassword("x", "plain-text")).toBe(false);
  });
});
