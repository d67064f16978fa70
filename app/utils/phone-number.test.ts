import { describe, expect, it } from "vitest";
import {
  normalisePhoneNumber,
  normaliseWhatsAppNumber,
  phoneNumberField,
  waMeDigits,
  whatsAppNumberField,
} from "./phone-number";

// [as typed, WhatsApp E.164 or null]
const whatsapp: [string, string | null][] = [
  ["081234567890", "+6281234567890"],
  ["0812-3456-7890", "+6281234567890"],
  ["0812 3456 7890", "+6281234567890"],
  ["+62 812 3456 7890", "+6281234567890"],
  ["+62-812-3456-7890", "+6281234567890"],
  ["6281234567890", "+6281234567890"],
  ["62 812.3456.7890", "+6281234567890"],
  ["  0852 1111 222  ", "+628521111222"],
  ["+61 412 345 678", "+61412345678"],
  // landline: a phone, not a WhatsApp
  ["(0401) 312 345", null],
  ["0812", null],
  ["0812345678901234", null],
  ["+620812345678", null],
  ["81234567890", null],
  ["0812-3456-789a", null],
  ["0812\n3456 7890", "+6281234567890"],
  ["0812;34567890", null],
  ["", null],
  ["+", null],
];

describe("normaliseWhatsAppNumber", () => {
  it.each(whatsapp)("%j → %j", (input, expected) => {
    expect(normaliseWhatsAppNumber(input)).toBe(expected);
  });
});

describe("normalisePhoneNumber", () => {
  it("takes landlines too", () => {
    expect(normalisePhoneNumber("(0401) 312 345")).toBe("+62401312345");
    expect(normalisePhoneNumber("021-555-1234")).toBe("+62215551234");
    expect(normalisePhoneNumber("0812-3456-7890")).toBe("+6281234567890");
    expect(normalisePhoneNumber("12345")).toBeNull();
  });
});

describe("the form fields", () => {
  it("keep an empty field empty and store E.164", () => {
    expect(whatsAppNumberField.parse("")).toBeNull();
    expect(whatsAppNumberField.parse(undefined)).toBeNull();
    expect(whatsAppNumberField.parse(" 0812-3456-7890 ")).toBe("+6281234567890");
    expect(phoneNumberField.parse("(0401) 312 345")).toBe("+62401312345");
  });

  it("refuse a number that is not one, with the message key", () => {
    const result = whatsAppNumberField.safeParse("0401 312 345");
    expect(result.success).toBe(false);
    expect(result.error?.issues[0].message).toBe("errors.whatsappNumber");
    expect(phoneNumberField.safeParse("telepon saya").error?.issues[0].message).toBe("errors.phoneNumber");
  });

  it("gives wa.me its digits", () => {
    expect(waMeDigits("+6281234567890")).toBe("6281234567890");
  });
});
