// A stored legacy link that is not http(s) is shown as text, never as a clickable href.
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { SafeLink } from "./safe-link";

const render = (href: string) =>
  renderToStaticMarkup(
    <SafeLink href={href} rel="nofollow noopener">
      Bukti
    </SafeLink>,
  );

describe("SafeLink", () => {
  it("links an http(s) address", () => {
    expect(render("https://kendarikota.go.id/bukti")).toBe(
      '<a href="https://kendarikota.go.id/bukti" rel="nofollow noopener">Bukti</a>',
    );
  });

  it.each([
    "javascript:alert(1)",
    "JaVaScRiPt:alert(1)",
    "data:text/html,<b>x</b>",
    "vbscript:x",
    " java\nscript:x",
  ])("shows %j as text, with no href", (href) => {
    const html = render(href);
    expect(html).toBe("<span>Bukti</span>");
  });
});
