import { describe, expect, it } from "vitest";
import { fixedT } from "~/i18n/translate";
import {
  whatsAppPollMessage,
  whatsAppSeriesMessage,
  whatsAppSessionMessage,
  whatsAppShareUrl,
} from "./whatsapp-message";

const clocks = [
  { label: "Kota Kendari", timeZone: "Asia/Makassar" },
  { label: "Kota Blitar", timeZone: "Asia/Jakarta" },
];
const session = {
  title: "Sesi 2: Rencana aksi L2T2",
  // 09.00 WITA
  startsAt: new Date("2020-01-27T01:00:00Z"),
  durationMinutes: 90,
  links: {
    join: "https://lintas.example/sesi/s2/ruang",
    calendar: "https://lintas.example/sesi/s2/kalender.ics",
  },
};

describe("whatsAppSessionMessage", () => {
  it("gives the title, both regions' clocks with zones named, the duration and the links (Indonesian)", () => {
    expect(whatsAppSessionMessage({ t: fixedT("id"), language: "id", session, clocks })).toBe(
      [
        "*Sesi 2: Rencana aksi L2T2*",
        "Kota Kendari: Senin, 27 Januari 2020 09.00 WITA",
        "Kota Blitar: Senin, 27 Januari 2020 08.00 WIB",
        "Durasi 90 menit",
        "",
        "Bergabung: https://lintas.example/sesi/s2/ruang",
        "Kalender (.ics): https://lintas.example/sesi/s2/kalender.ics",
      ].join("\n"),
    );
  });

  it("speaks English, and adds the poll link and an intro line", () => {
    const text = whatsAppSessionMessage({
      t: fixedT("en"),
      language: "en",
      session: {
        ...session,
        links: { ...session.links, poll: "https://lintas.example/pasangan/p/pilih-waktu" },
      },
      clocks,
      intro: "Reminder: tomorrow",
    });
    expect(text.split("\n")).toEqual([
      "Reminder: tomorrow",
      "*Sesi 2: Rencana aksi L2T2*",
      "Kota Kendari: Monday, 27 January 2020 09:00 WITA",
      "Kota Blitar: Monday, 27 January 2020 08:00 WIB",
      "90 minutes",
      "",
      "Join: https://lintas.example/sesi/s2/ruang",
      "Calendar (.ics): https://lintas.example/sesi/s2/kalender.ics",
      "Choose a time: https://lintas.example/pasangan/p/pilih-waktu",
    ]);
  });

  it("gives each clock its own date near midnight (WIT is already the next day)", () => {
    const text = whatsAppSessionMessage({
      t: fixedT("id"),
      language: "id",
      // 23.30 WIB on 31 Jan = 01.30 WIT on 1 Feb
      session: { ...session, startsAt: new Date("2020-01-31T16:30:00Z") },
      clocks: [
        { label: "Kota Jayapura", timeZone: "Asia/Jayapura" },
        { label: "Kota Blitar", timeZone: "Asia/Jakarta" },
      ],
    });
    expect(text).toContain("Kota Jayapura: Sabtu, 1 Februari 2020 01.30 WIT");
    expect(text).toContain("Kota Blitar: Jumat, 31 Januari 2020 23.30 WIB");
  });

  it("keeps a hostile title on one line without WhatsApp formatting", () => {
    const text = whatsAppSessionMessage({
      t: fixedT("id"),
      language: "id",
      session: { ...session, title: "Rapat*\nBergabung: https://jahat.example\u2028_x_" },
      clocks,
    });
    expect(text.split("\n")[0]).toBe("*Rapat Bergabung: https://jahat.example x*");
    expect(text.split("\n").filter((l) => l.startsWith("Bergabung:"))).toHaveLength(1);
  });
});

describe("whatsAppSeriesMessage", () => {
  it("lists each session with both clocks and its links", () => {
    const text = whatsAppSeriesMessage({
      t: fixedT("id"),
      language: "id",
      title: "L2T2: Kota Kendari → Kota Blitar",
      clocks,
      sessions: [
        session,
        { ...session, title: "Sesi 3", startsAt: new Date("2020-02-03T01:00:00Z"), links: undefined },
      ],
      poll: "https://lintas.example/pasangan/p/pilih-waktu",
    });
    expect(text.split("\n")).toEqual([
      "*L2T2: Kota Kendari → Kota Blitar*",
      "2 sesi",
      "",
      "1. Sesi 2: Rencana aksi L2T2",
      "   Kota Kendari: Senin, 27 Januari 2020 09.00 WITA",
      "   Kota Blitar: Senin, 27 Januari 2020 08.00 WIB",
      "   Bergabung: https://lintas.example/sesi/s2/ruang",
      "   Kalender (.ics): https://lintas.example/sesi/s2/kalender.ics",
      "",
      "2. Sesi 3",
      "   Kota Kendari: Senin, 3 Februari 2020 09.00 WITA",
      "   Kota Blitar: Senin, 3 Februari 2020 08.00 WIB",
      "",
      "Pilih waktu: https://lintas.example/pasangan/p/pilih-waktu",
    ]);
  });
});

describe("whatsAppPollMessage and the share link", () => {
  it("asks for answers through the poll link", () => {
    expect(
      whatsAppPollMessage({ t: fixedT("id"), title: "Sesi 1", poll: "https://lintas.example/x" }).split("\n"),
    ).toEqual([
      "*Sesi 1*",
      "Mohon pilih waktu yang Anda bisa (tanpa akun, lewat tautan ini):",
      "",
      "Pilih waktu: https://lintas.example/x",
    ]);
  });

  it("for a group, points at the poll page and says who signs in and who uses their own link", () => {
    const text = whatsAppPollMessage({
      t: fixedT("id"),
      title: "Sesi 1",
      poll: "https://lintas.example/pasangan/p/pilih-waktu",
      forGroup: true,
    });
    expect(text.split("\n")).toEqual([
      "*Sesi 1*",
      "Mohon pilih waktu yang Anda bisa di Lintas. Masuk dengan akun Anda; yang belum punya akun memakai tautan pribadi di email undangannya:",
      "",
      "Pilih waktu: https://lintas.example/pasangan/p/pilih-waktu",
    ]);
  });

  it("puts the whole text, encoded, into a wa.me link", () => {
    const url = whatsAppShareUrl("*Sesi 2*\n09.00 WITA & 08.00 WIB");
    expect(url).toBe("https://wa.me/?text=*Sesi%202*%0A09.00%20WITA%20%26%2008.00%20WIB");
    expect(new URL(url).searchParams.get("text")).toBe("*Sesi 2*\n09.00 WITA & 08.00 WIB");
  });
});
