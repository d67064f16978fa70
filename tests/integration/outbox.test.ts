import type { AddressInfo } from "node:net";
import { SMTPServer } from "smtp-server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { prisma } from "~/db.server";
import { deliverPendingEmails, queueEmail } from "~/models/outbox.server";

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

  it("retries later when the mail server cannot be reached", async () => {
    const message = await queueEmail({ to: "x@uji.test", subject: "s", text: "t" });
    expect(await deliverPendingEmails("smtp://127.0.0.1:1")).toBe(0);
    const after = await prisma.outboxMessage.findUniqueOrThrow({ where: { id: message.id } });
    expect(after).toMatchObject({ status: "PENDING", attempts: 1 });
    expect(after.sendAfter.getTime()).toBeGreaterThan(Date.now());
  });
});
