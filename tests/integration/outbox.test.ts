import type { AddressInfo } from "node:net";
import ICAL from "ical.js";
import { SMTPServer } from "smtp-server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { prisma } from "~/db.server";
import { deliverPendingEmails, queueEmail } from "~/modules/notifications/outbox.server";
import { loader as outboxLoader } from "~/routes/admin/outbox";
import { callRoute, cookieFor, createPerson, getRequest } from "../fixtures/people";

const received: { to: string; body: string }[] = [];
let server: SMTPServer;
let port: number;

beforeAll(async () => {
  server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS"],
    onData(stream, session, callback) {
      let body = "";
      stream.on("data", (chunk: Buffer) => (body += chunk.toString()));
      stream.on("end", () => {
        received.push({ to: session.envelope.rcptTo.map((r) => r.address).join(","), body });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  port = (server.server.address() as AddressInfo).port;
});

afterAll(async () => {
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

describe("outbox", () => {
  it("keeps mail pending without SMTP, and sends it by SMTP when configured", async () => {
    const message = await queueEmail({
      to: "dewi@blitar.test",
      subject: "Undangan ke Lintas",
      text: "Buka tautan ini",
    });
    expect(await deliverPendingEmails(undefined)).toBe(0);
    expect((await prisma.outboxMessage.findUniqueOrThrow({ where: { id: message.id } })).status).toBe(
      "PENDING",
    );

    expect(await deliverPendingEmails(`smtp://127.0.0.1:${port}?ignoreTLS=true`)).toBe(1);
    expect((await prisma.outboxMessage.findUniqueOrThrow({ where: { id: message.id } })).status).toBe("SENT");
    expect(received[0].to).toBe("dewi@blitar.test");
    expect(received[0].body).toContain("Buka tautan ini");
  });

  it("sends each message once when two processes deliver at the same time", async () => {
    await prisma.outboxMessage.updateMany({ where: { status: "PENDING" }, data: { status: "FAILED" } });
    const url = `smtp://127.0.0.1:${port}?ignoreTLS=true`;
    const before = received.length;
    for (let i = 0; i < 6; i++)
      await queueEmail({ to: `orang${i}@uji.test`, subject: "Sekali", text: `pesan ${i}` });
    const [first, second] = await Promise.all([deliverPendingEmails(url), deliverPendingEmails(url)]);
    expect(first + second).toBe(6);
    expect(
      received
        .slice(before)
        .map((m) => m.to)
        .sort(),
    ).toEqual([0, 1, 2, 3, 4, 5].map((i) => `orang${i}@uji.test`));
  });

  it("sends a stored calendar file as a text/calendar part with its method", async () => {
    await prisma.outboxMessage.updateMany({ where: { status: "PENDING" }, data: { status: "FAILED" } });
    const content = [
      "BEGIN:VCALENDAR",
      "VERSION:2.0",
      "PRODID:-//Lintas//lintas//ID",
      "METHOD:CANCEL",
      "BEGIN:VEVENT",
      "UID:sesi-uji@lintas",
      "SEQUENCE:2",
      "DTSTAMP:20200804T000000Z",
      "DTSTART:20200804T020000Z",
      "STATUS:CANCELLED",
      "SUMMARY:Kabar 1",
      "END:VEVENT",
      "END:VCALENDAR",
    ].join("\r\n");
    const message = await queueEmail({
      to: "kalender@uji.test",
      subject: "Dibatalkan: Kabar 1",
      text: "Sesi dibatalkan",
      calendar: { method: "CANCEL", content },
    });
    expect(message).toMatchObject({ icalMethod: "CANCEL", icalEvent: content });
    const before = received.length;
    expect(await deliverPendingEmails(`smtp://127.0.0.1:${port}?ignoreTLS=true`)).toBe(1);
    const { body } = received[before];
    expect(body).toMatch(/^Content-Type: text\/calendar; charset=utf-8; method=CANCEL$/im);
    expect(body).toContain("Sesi dibatalkan");
    // the same file is attached as lintas.ics; read it back as a calendar app would
    const attachment = body.match(
      /^Content-Type: application\/ics; name=lintas\.ics\r?\n(?:[\w-]+: .*\r?\n)*\r?\n([A-Za-z0-9+/=\r\n]+)/m,
    );
    const calendar = new ICAL.Component(ICAL.parse(Buffer.from(attachment?.[1] ?? "", "base64").toString()));
    const event = new ICAL.Event(calendar.getFirstSubcomponent("vevent")!);
    expect([calendar.getFirstPropertyValue("method"), event.uid, event.sequence]).toEqual([
      "CANCEL",
      "sesi-uji@lintas",
      2,
    ]);

    // the admin's outbox says the message carries a calendar file, without sending the file to the page
    const admin = await createPerson({ role: "ADMIN" });
    const page = await callRoute(outboxLoader, getRequest("/admin/outbox", await cookieFor(admin.id)));
    const listed = (await page.json()).messages.find((m: { id: string }) => m.id === message.id);
    expect(listed).toMatchObject({ icalMethod: "CANCEL" });
    expect(listed).not.toHaveProperty("icalEvent");
  });

  it("retries later when the mail server cannot be reached", async () => {
    const message = await queueEmail({ to: "x@uji.test", subject: "s", text: "t" });
    expect(await deliverPendingEmails("smtp://127.0.0.1:1")).toBe(0);
    const after = await prisma.outboxMessage.findUniqueOrThrow({ where: { id: message.id } });
    expect(after).toMatchObject({ status: "PENDING", attempts: 1 });
    expect(after.sendAfter.getTime()).toBeGreaterThan(Date.now());
  });
});
