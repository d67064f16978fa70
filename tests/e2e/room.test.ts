// The conference room when a LiveKit server is configured: a second production server of its own
// (fresh seeded database) whose LIVEKIT_* point at a local stand-in for LiveKit's Twirp API
// (tests/fixtures/livekit.ts). The stand-in answers CreateRoom but is no media server, so the
// journey stops at the pre-join screen: the camera preview (Chromium's fake camera and
// microphone) and the join button. Silenced, the stand-in plays a conference server that cannot be
// reached: the room page still answers within 2 s with the pre-join and the session's fallback. The default e2e server, without LiveKit, shows the "not
// configured" message instead (facilitator.test.ts).
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { type RecordedCall, startLiveKitStandIn } from "../fixtures/livekit";
import { startE2eServer } from "../setup/e2e-global";
import { expectNoSeriousA11yViolations, newPage, openPage, signIn, useChromiumFlags } from "./helpers";
import { text } from "./i18n";

useChromiumFlags("--use-fake-ui-for-media-stream", "--use-fake-device-for-media-stream");

/** the second session of the demo Kendari → Blitar pairing (prisma/seed-demo.ts) */
const SESSION = { id: "demo-session-kendari-blitar-2", roomName: "demo-kendari-blitar-2020-2" };

let server: Awaited<ReturnType<typeof startE2eServer>> | undefined;
let liveKit: Awaited<ReturnType<typeof startLiveKitStandIn>> | undefined;

beforeAll(async () => {
  liveKit = await startLiveKitStandIn();
  server = await startE2eServer({
    LIVEKIT_URL: liveKit.config.url,
    LIVEKIT_API_KEY: liveKit.config.apiKey,
    LIVEKIT_API_SECRET: liveKit.config.apiSecret,
  });
}, 180_000);

afterAll(async () => {
  await server?.stop();
  await liveKit?.close();
});

describe("the conference room with LiveKit configured", () => {
  test("a facilitator opens a session's room: the room is created on LiveKit and the pre-join screen shows the camera", async () => {
    const page = await newPage({ baseUrl: server!.baseUrl });
    await signIn(page, "fasilitator@lintas.test");

    const response = await openPage(page, `/sesi/${SESSION.id}/ruang`);
    expect(response?.status()).toBe(200);
    await expect
      .poll(async () => (await page.getByRole("heading", { level: 1 }).textContent())?.trim())
      .toBe(text("id", "room.title"));

    // the server asked LiveKit for the session's room, through the real SDK
    const created = liveKit!.calls.filter((call: RecordedCall) => call.method === "CreateRoom");
    expect(created.map((call) => call.body.name)).toContain(SESSION.roomName);
    const metadata = created.find((call) => call.body.name === SESSION.roomName)?.body.metadata;
    expect(JSON.parse(String(metadata))).toEqual({ sessionId: SESSION.id });

    // the pre-join device check: a live camera preview, the name, the join button; no message
    const join = page.getByRole("button", { name: text("id", "room.join"), exact: true });
    await join.waitFor({ state: "visible", timeout: 15_000 });
    const preview = page.locator(".prejoin video");
    await preview.waitFor({ state: "visible", timeout: 15_000 });
    await expect
      .poll(() => preview.evaluate((video: HTMLVideoElement) => video.videoWidth), { timeout: 15_000 })
      .toBeGreaterThan(0);
    expect(await page.locator(".prejoin .lk-prejoin input").first().inputValue()).toBe("Rina Wulandari");
    for (const key of ["conference.chooseMicrophone", "conference.chooseCamera"])
      expect(await page.getByRole("button", { name: text("id", key), exact: true }).count(), key).toBe(1);
    expect(await page.getByText(text("id", "room.notConfigured")).count()).toBe(0);
    expect(await page.getByText(text("id", "roomFallback.unreachable")).count()).toBe(0);
    await expectNoSeriousA11yViolations(page);
  });

  test("with the conference server unreachable the room answers fast, keeps the pre-join and offers the session's fallback", async () => {
    const page = await newPage({ baseUrl: server!.baseUrl });
    await signIn(page, "fasilitator@lintas.test");

    // the facilitator enters the fallback on the session page, as Indonesians write numbers
    await openPage(page, `/sesi/${SESSION.id}`);
    // the session's WhatsApp message: both regions' clocks with zones named, the room link
    const share = page.getByRole("link", { name: text("id", "whatsapp.share"), exact: true });
    const message = new URL((await share.getAttribute("href"))!).searchParams.get("text") ?? "";
    expect(message).toMatch(/Kota Kendari: .+ WITA/);
    expect(message).toMatch(/Kota Blitar: .+ WIB/);
    expect(message).toContain(`/sesi/${SESSION.id}/ruang`);
    await page.getByLabel(text("id", "roomFallback.phoneLabel")).fill("0812-3456-7890");
    await page.getByLabel(text("id", "roomFallback.linkLabel")).fill("https://meet.example/kendari-blitar");
    await page.getByRole("button", { name: text("id", "roomFallback.save") }).click();
    await page.getByText(text("id", "roomFallback.saved")).waitFor();

    liveKit!.setSilent(true);
    try {
      const started = Date.now();
      const response = await page.goto(`/sesi/${SESSION.id}/ruang`, { waitUntil: "load" });
      const firstLoad = Date.now() - started;
      expect(response?.status()).toBe(200);
      expect(firstLoad, `first load ${firstLoad} ms`).toBeLessThanOrEqual(2000);
      await page.getByText(text("id", "roomFallback.unreachable")).waitFor();

      // the pre-join still works: camera preview, the audio-only choice before joining, the join button
      const preview = page.locator(".prejoin video");
      await preview.waitFor({ state: "visible", timeout: 15_000 });
      const audioOnly = page.getByRole("checkbox", { name: text("id", "conference.audioOnly") });
      await audioOnly.check();
      expect(await audioOnly.isChecked()).toBe(true);
      await page.getByRole("button", { name: text("id", "room.join"), exact: true }).waitFor();
      // it tries again on its own
      await page.getByRole("button", { name: text("id", "roomFallback.retryNow") }).waitFor();

      // the fallback: call, WhatsApp call, the other meeting link, the agenda and the notes
      const fallback = page.locator(".room-fallback");
      expect(await fallback.getByRole("link", { name: "+6281234567890" }).getAttribute("href")).toBe(
        "tel:+6281234567890",
      );
      expect(
        await fallback
          .getByRole("link", { name: text("id", "roomFallback.whatsappCall") })
          .getAttribute("href"),
      ).toBe("https://wa.me/6281234567890");
      expect(
        await fallback
          .getByRole("link", { name: "https://meet.example/kendari-blitar" })
          .getAttribute("href"),
      ).toBe("https://meet.example/kendari-blitar");
      expect(
        await fallback.getByRole("link", { name: text("id", "roomFallback.notes") }).getAttribute("href"),
      ).toBe(`/sesi/${SESSION.id}/catatan`);
      await expectNoSeriousA11yViolations(page);

      // the server is back: the next try finds it and the message goes
      liveKit!.setSilent(false);
      await page.getByRole("button", { name: text("id", "roomFallback.retryNow") }).click();
      await expect
        .poll(() => page.getByText(text("id", "roomFallback.unreachable")).count(), { timeout: 15_000 })
        .toBe(0);
    } finally {
      liveKit!.setSilent(false);
    }
  });
});
