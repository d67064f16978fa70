// Lesson pages rendered whole (entry.server through Remix's request handler) and read back with an
// HTML parser: script, style and event-handler injection typed into every lesson field, a review
// comment, a citation note, a withdrawal reason or the notes (the notes page too, and JSON stored
// with javascript: images or on* attributes) never becomes markup; plus the public
// page's metadata (Open Graph, schema.org Article), print style, version line and 410.
import { createRequestHandler } from "@remix-run/node";
import { Window } from "happy-dom";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { prisma } from "~/db.server";
import { lessonFormSchema } from "~/modules/lessons/lesson-schemas";
import { citeLesson } from "~/modules/lessons/citations.server";
import { addLessonComment, resolveLessonComment } from "~/modules/lessons/comments.server";
import { publishLesson, submitForReview, withdrawLesson } from "~/modules/lessons/publish.server";
import { saveLessonDraft } from "~/modules/lessons/workspace.server";
import { saveNote } from "~/modules/lessons/note.server";
import { createPairing } from "~/modules/pairings/create.server";
import { addParticipant } from "~/modules/pairings/participants.server";
import { createSessionSeries } from "~/modules/sessions/schedule.server";
import { actorFor, cookieFor, createPerson, ensureRegions } from "../fixtures/people";
import { loadAppBuild } from "../fixtures/app-build";

const ATTACK = `<script>alert(1)</script><style>*{display:none}</style><img src=x onerror=alert(2)>"><svg onload=alert(3)>`;
const SHORT = `<img src=x onerror=alert(4)>`;

let handle: (request: Request) => Promise<Response>;
let facilitatorCookie: string;
let leadCookie: string;
let sessionId: string;
let slug: string;
let withdrawnSlug: string;

const window = new Window({
  settings: {
    disableJavaScriptEvaluation: true,
    disableJavaScriptFileLoading: true,
    disableCSSFileLoading: true,
  },
});

function parse(html: string) {
  return new window.DOMParser().parseFromString(html, "text/html");
}

/** Nothing from ATTACK became an element or an attribute; the app's own scripts carry its nonce. */
function expectNoInjection(html: string) {
  const doc = parse(html);
  for (const element of doc.querySelectorAll("*")) {
    for (const attribute of element.getAttributeNames())
      expect(attribute.startsWith("on"), `${element.tagName} ${attribute}`).toBe(false);
    for (const name of ["href", "src", "action", "formaction"]) {
      const value = element.getAttribute(name);
      if (value) expect(value.trim().toLowerCase().startsWith("javascript:"), `${name}=${value}`).toBe(false);
    }
  }
  expect(doc.querySelectorAll("svg, style, iframe, object, embed").length).toBe(0);
  expect(doc.querySelectorAll("img[src='x']").length).toBe(0);
  for (const script of doc.querySelectorAll("script")) {
    const type = script.getAttribute("type");
    if (type === "application/ld+json") JSON.parse(script.textContent ?? "");
    else expect(script.getAttribute("nonce"), script.outerHTML.slice(0, 80)).toBeTruthy();
    expect(script.textContent).not.toContain("alert(1)</script>");
  }
  // the attack is on the page as text
  return doc;
}

/** The stored JSON rendered: safe images and links kept, without the attributes the schema does not know. */
function expectStoredJsonSafe(doc: ReturnType<typeof parse>, { withImages = true } = {}) {
  const images = [...doc.querySelectorAll(".rich-text img")];
  // the lesson's body shows its one safe image; the workspace lists only blocks with text
  expect(images.map((image) => image.getAttribute("src"))).toEqual(
    withImages ? ["https://example.org/ipal.png"] : [],
  );
  for (const image of images) expect(image.getAttributeNames().sort()).toEqual(["alt", "src"]);
  const link = [...doc.querySelectorAll(".rich-text a")].find((a) => a.textContent === "Teks tersimpan");
  expect(link?.getAttribute("href")).toBe("https://lintas.id");
  expect(doc.querySelector('.rich-text a.mention[href="/wilayah/74.71"]')?.textContent).toBe("@Kota Kendari");
  const heading = [...doc.querySelectorAll(".rich-text h2")].find((h) => h.textContent === "Judul tersimpan");
  expect(heading?.getAttributeNames()).toEqual([]);
  expect(doc.querySelectorAll("[style*='position']").length).toBe(0);
}

beforeAll(async () => {
  await ensureRegions();
  const facilitatorPerson = await createPerson({ role: "FACILITATOR" });
  const facilitator = await actorFor(facilitatorPerson.id);
  const leadPerson = await createPerson({
    role: "REGION_OFFICER",
    regionCode: "35.72",
    email: "lead@blitar.test",
  });
  const lead = await actorFor(leadPerson.id);
  facilitatorCookie = await cookieFor(facilitatorPerson.id);
  leadCookie = await cookieFor(leadPerson.id);
  const pairing = await createPairing(facilitator, {
    mentorRegionCode: "74.71",
    menteeRegionCode: "35.72",
    topic: "L2T2",
    method: "PRIVATE_TELECONFERENCE",
  });
  await addParticipant(facilitator, pairing.id, {
    side: "MENTEE",
    name: "Lead Blitar",
    email: "lead@blitar.test",
    isLead: true,
  });
  const { sessions } = await createSessionSeries(facilitator, {
    pairingId: pairing.id,
    title: "Sesi",
    firstLocal: "2020-01-27T09:00",
    timeZone: "Asia/Makassar",
    durationMinutes: 120,
    count: 2,
    intervalWeeks: 1,
  });
  sessionId = sessions[0].id;
  for (const session of sessions)
    await saveNote(facilitator, session.id, {
      type: "doc",
      content: [
        { type: "paragraph", content: [{ type: "text", text: ATTACK }] },
        {
          type: "paragraph",
          content: [
            {
              type: "text",
              text: "tautan",
              marks: [{ type: "link", attrs: { href: "javascript:alert(5)" } }],
            },
          ],
        },
      ],
    });
  const every = {
    title: ATTACK,
    summary: ATTACK,
    context: ATTACK,
    mentorSteps: `2016: ${ATTACK}\n${ATTACK}`,
    results: ATTACK,
    indicators: `${SHORT}: ${SHORT}`,
    successFactors: `${ATTACK}\n${ATTACK}\n${ATTACK}`,
    obstacles: ATTACK,
    needPolicy: ATTACK,
    needBudget: ATTACK,
    needPeople: ATTACK,
    needTime: ATTACK,
    replicationSteps: ATTACK,
    contacts: ATTACK,
    sector: ATTACK,
    tags: `${SHORT}, L2T2`,
  };
  const input = lessonFormSchema.parse(every);
  for (const session of sessions) await saveLessonDraft(facilitator, session.id, input);
  const lesson = await prisma.lesson.findFirstOrThrow({ where: { sessionId } });
  const comment = await addLessonComment(lead, sessionId, lesson.id, {
    field: "context",
    quote: ATTACK,
    body: ATTACK,
  });
  await resolveLessonComment(facilitator, sessionId, comment.id);
  await submitForReview(facilitator, sessionId, lesson.id);
  slug = (await publishLesson(facilitator, sessionId, lesson.id, { slug: "serangan" })).slug;
  await addLessonComment(lead, sessionId, lesson.id, { field: "title", quote: ATTACK, body: ATTACK });
  const project = await prisma.changeProject.create({
    data: { title: ATTACK, kind: "REGIONAL_INNOVATION", regionCode: "35.72", leaderId: leadPerson.id },
  });
  await citeLesson(lead, slug, { target: `project:${project.id}`, note: ATTACK });
  // JSON stored by other means (an old version, a hand edit, a client that bypassed the editor):
  // javascript: images and on* attributes the schema does not know
  const stored = {
    type: "doc",
    content: [
      { type: "paragraph", content: [{ type: "text", text: ATTACK }] },
      { type: "image", attrs: { src: "javascript:alert(6)", alt: "a" } },
      { type: "image", attrs: { src: " JaVaScRiPt:alert(6)", alt: "b" } },
      { type: "image", attrs: { src: "data:text/html,<script>alert(6)</script>", alt: "c" } },
      {
        type: "image",
        attrs: { src: "https://example.org/ipal.png", alt: "IPAL", onerror: "alert(7)", onload: "alert(7)" },
      },
      {
        type: "paragraph",
        attrs: { onclick: "alert(8)", style: "position:fixed" },
        content: [
          {
            type: "text",
            text: "Teks tersimpan",
            marks: [{ type: "link", attrs: { href: "https://lintas.id", onmouseover: "alert(9)" } }],
          },
          { type: "mention", attrs: { id: "region:74.71", label: "Kota Kendari", onclick: "alert(10)" } },
        ],
      },
      {
        type: "heading",
        attrs: { level: 2, onfocus: "alert(11)", autofocus: "true" },
        content: [{ type: "text", text: "Judul tersimpan" }],
      },
    ],
  };
  await prisma.sessionNote.update({ where: { sessionId }, data: { content: stored } });
  await prisma.lesson.update({ where: { id: lesson.id }, data: { content: stored } });
  const second = await prisma.lesson.findFirstOrThrow({ where: { sessionId: sessions[1].id } });
  await submitForReview(facilitator, sessions[1].id, second.id);
  withdrawnSlug = (await publishLesson(facilitator, sessions[1].id, second.id)).slug;
  await withdrawLesson(facilitator, sessions[1].id, second.id, ATTACK);

  const started = await loadAppBuild();
  const build = started.build;
  const handler = createRequestHandler(build, "production");
  handle = (request) => handler(request);
}, 120_000);

afterAll(async () => {
  await window.happyDOM.close();
});

const get = (path: string, cookie?: string) =>
  handle(new Request(`http://lintas.test${path}`, { headers: cookie ? { Cookie: cookie } : {} }));

describe("injection never reaches a page", () => {
  it("the public lesson page: every field, the tags, the citation note and the metadata", async () => {
    const response = await get(`/pelajaran/${slug}`);
    expect(response.status).toBe(200);
    const html = await response.text();
    const doc = expectNoInjection(html);
    expect(doc.querySelector("h1")?.textContent).toBe(ATTACK);
    expect(doc.body.textContent).toContain(ATTACK);
    expect(doc.querySelectorAll(".lesson-sections li").length).toBeGreaterThanOrEqual(5);
    const og = doc.querySelector('meta[property="og:title"]');
    expect(og?.getAttribute("content")).toBe(ATTACK);
    const ld = JSON.parse(doc.querySelector('script[type="application/ld+json"]')?.textContent ?? "{}");
    expect(ld).toMatchObject({
      "@type": "Article",
      headline: ATTACK,
      url: expect.stringContaining("/pelajaran/serangan"),
    });
    expect(html).not.toContain("</script><script>alert");
    expectStoredJsonSafe(doc);
  });

  it("the lesson workspace: the notes' blocks, the form's values and the review comments", async () => {
    for (const cookie of [facilitatorCookie, leadCookie]) {
      const response = await get(`/sesi/${sessionId}/pelajaran`, cookie);
      expect(response.status).toBe(200);
      const doc = expectNoInjection(await response.text());
      expect(doc.querySelector(".note-block")?.textContent).toContain(ATTACK);
      expect(doc.querySelector(".comment-list blockquote")?.textContent).toBe(ATTACK);
    }
    const doc = parse(await (await get(`/sesi/${sessionId}/pelajaran`, facilitatorCookie)).text());
    expect((doc.querySelector("#lesson-context") as unknown as { value: string }).value).toBe(ATTACK);
    // the stored notes' blocks
    expectStoredJsonSafe(doc, { withImages: false });
  });

  it("the notes page: the notes as text, the versions and the stored JSON", async () => {
    for (const cookie of [facilitatorCookie, leadCookie]) {
      const response = await get(`/sesi/${sessionId}/catatan`, cookie);
      expect(response.status).toBe(200);
      const html = await response.text();
      const doc = expectNoInjection(html);
      // without JavaScript the notes are a text field holding the attack as text
      const field = doc.querySelector("textarea#plain") as unknown as { value: string } | null;
      expect(field?.value).toContain(ATTACK);
      expect(field?.value).toContain("Teks tersimpan@Kota Kendari");
      expect(html).not.toContain("</script><script>alert");
    }
  });

  it("a withdrawn lesson: 410, the reason as text and none of the content", async () => {
    const response = await get(`/pelajaran/${withdrawnSlug}`);
    expect(response.status).toBe(410);
    const doc = expectNoInjection(await response.text());
    expect(doc.body.textContent).toContain(ATTACK);
    expect(doc.querySelector(".lesson-sections")).toBeNull();
    expect(doc.querySelector('meta[name="robots"]')?.getAttribute("content")).toBe("noindex");
  });
});

describe("the public page", () => {
  it("has Open Graph tags, a canonical address, the print style, the version line and the reuse count", async () => {
    const doc = parse(await (await get(`/pelajaran/${slug}`)).text());
    const meta = (selector: string) => doc.querySelector(selector)?.getAttribute("content");
    expect(meta('meta[property="og:type"]')).toBe("article");
    expect(meta('meta[property="og:url"]')).toMatch(/\/pelajaran\/serangan$/);
    expect(meta('meta[property="article:published_time"]')).toMatch(/^\d{4}-\d{2}-\d{2}T/);
    expect(doc.querySelector('link[rel="canonical"]')?.getAttribute("href")).toMatch(
      /\/pelajaran\/serangan$/,
    );
    expect(
      [...doc.querySelectorAll('link[rel="stylesheet"]')].some((l) =>
        l.getAttribute("href")?.includes("lesson"),
      ),
    ).toBe(true);
    expect(doc.querySelector(".lesson-reuse")?.textContent).toBe("Dipakai ulang oleh 1 pasangan atau proyek");
    expect(doc.querySelector(".lesson-meta")?.textContent).toContain("Dipublikasikan");
    expect(doc.querySelector("#dipelajari")?.textContent).toBe("Dipelajari oleh");
  });
});
