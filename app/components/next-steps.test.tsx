// "Yang perlu Anda lakukan" as the server renders it: each item a link to where it is done, a
// session's time in the viewer's clock with its zone named, "see all" when more wait than are
// shown, and a kind sentence when nothing waits.
import { createInstance } from "i18next";
import { renderToString } from "react-dom/server";
import { I18nextProvider, initReactI18next } from "react-i18next";
import { StaticRouter } from "react-router-dom/server";
import { describe, expect, it } from "vitest";
import { type NextStepListView, NextSteps } from "~/components/next-steps";
import { i18nConfig } from "~/i18n/config";
import id from "~/i18n/id.json";

const i18n = createInstance();
await i18n.use(initReactI18next).init({ ...i18nConfig, lng: "id" });

function render(lists: NextStepListView[], zone = "Asia/Makassar") {
  return renderToString(
    <StaticRouter location="/dasbor">
      <I18nextProvider i18n={i18n}>
        <NextSteps lists={lists} zone={zone} />
      </I18nextProvider>
    </StaticRouter>,
  );
}

const item = {
  context: null,
  dueDay: null,
  startsAt: null,
  overdue: false,
  notes: [],
  riskReasons: [],
};

describe("NextSteps", () => {
  it("says kindly that nothing waits", () => {
    const html = render([]);
    expect(html).toContain(id.nextSteps.heading);
    expect(html).toContain(id.nextSteps.empty);
  });

  it("links each item to where it is done, with the session's time in WITA and a late milestone marked", () => {
    const html = render([
      {
        kind: "sessionsThisWeek",
        total: 1,
        seeAll: null,
        items: [
          { ...item, id: "s1", href: "/sesi/s1", title: "Sesi Kamis", startsAt: "2024-06-13T01:00:00Z" },
        ],
      },
      {
        kind: "milestonesDue",
        total: 1,
        seeAll: null,
        items: [
          {
            ...item,
            id: "m1",
            href: "/proyek/p1/tonggak",
            title: "Tonggak terlambat",
            context: "L2T2",
            dueDay: "2024-06-05T00:00:00.000Z",
            overdue: true,
          },
        ],
      },
    ]);
    expect(html).not.toContain(id.nextSteps.empty);
    expect(html).toContain("Sesi minggu ini (1)");
    expect(html).toMatch(/<a [^>]*href="\/sesi\/s1"[^>]*>Sesi Kamis<\/a>/);
    expect(html).toContain("13 Jun 2024, 09.00 WITA");
    expect(html).toMatch(/<a [^>]*href="\/proyek\/p1\/tonggak"[^>]*>Tonggak terlambat<\/a>/);
    expect(html).toContain("terlambat sejak 5 Jun 2024");
  });

  it("offers the full list when more wait than are shown", () => {
    const html = render([
      {
        kind: "lessonsToReview",
        total: 6,
        seeAll: "/tinjauan",
        items: [{ ...item, id: "l1", href: "/sesi/x/pelajaran", title: "Pelajaran 1" }],
      },
    ]);
    expect(html).toContain("Pelajaran yang menunggu tinjauan (6)");
    expect(html).toMatch(/<a [^>]*href="\/tinjauan"[^>]*>Lihat semua \(6\)<\/a>/);
  });

  it("names a poll's first proposed time, in the viewer's clock (WIB here), with how many answered", () => {
    const html = render(
      [
        {
          kind: "pollsWaiting",
          total: 1,
          seeAll: null,
          items: [
            {
              ...item,
              id: "tp1",
              href: "/pasangan/p1/pilih-waktu",
              title: "Teleconference L2T2",
              startsAt: "2027-03-02T02:00:00Z",
              startsLabel: "nextSteps.pollFirstSlot",
              notes: [{ key: "nextSteps.pollAnswered", values: { answered: 1, asked: 3 } }],
            },
          ],
        },
      ],
      "Asia/Jakarta",
    );
    expect(html).toContain("Pemilihan waktu yang menunggu jawaban (1)");
    expect(html).toMatch(/<a [^>]*href="\/pasangan\/p1\/pilih-waktu"[^>]*>Teleconference L2T2<\/a>/);
    expect(html).toContain("waktu usulan pertama 2 Mar 2027, 09.00 WIB");
    expect(html).toContain("1/3 orang sudah menjawab");
  });
});
