// A session's recording address becomes a link only when it is a well-formed http(s) address
// (safeHref, the one rule for stored links); anything else, a stored file's key too, is text.
import { Window } from "happy-dom";
import { createInstance } from "i18next";
import { renderToString } from "react-dom/server";
import { I18nextProvider, initReactI18next } from "react-i18next";
import { describe, expect, it } from "vitest";
import { SessionRecording } from "~/components/session-recording";
import { i18nConfig } from "~/i18n/config";

const i18n = createInstance();
await i18n.use(initReactI18next).init({ ...i18nConfig, lng: "id" });
const window = new Window();

function links(recordingUrl: string) {
  const html = renderToString(
    <I18nextProvider i18n={i18n}>
      <SessionRecording
        recordingUrl={recordingUrl}
        available={false}
        running={false}
        canManage={false}
        actionData={undefined}
      />
    </I18nextProvider>,
  );
  const doc = new window.DOMParser().parseFromString(html, "text/html");
  return {
    hrefs: [...doc.querySelectorAll("a")].map((a) => a.getAttribute("href")),
    text: doc.body.textContent ?? "",
  };
}

describe("the recording link", () => {
  it("links a well-formed http(s) address", () => {
    expect(links("https://rekaman.lintas.id/sesi-1.mp4").hrefs).toEqual([
      "https://rekaman.lintas.id/sesi-1.mp4",
    ]);
  });

  it.each([
    "https://lintas.id\t.evil.example/rekaman.mp4",
    "https://lintas.id/\n/rekaman.mp4",
    "https:///evil.example/rekaman.mp4",
    "https://\\evil.example/rekaman.mp4",
    "https://lintas.id/\u0000rekaman.mp4",
    "javascript:alert(1)//https://",
  ])("shows %j as text, not as a link", (recordingUrl) => {
    const { hrefs, text } = links(recordingUrl);
    expect(hrefs).toEqual([]);
    expect(text).toContain(recordingUrl.slice(0, 8));
  });

  it("shows a stored file's key as text", () => {
    const { hrefs, text } = links("rekaman/sesi-1.mp4");
    expect(hrefs).toEqual([]);
    expect(text).toContain("rekaman/sesi-1.mp4");
  });
});
