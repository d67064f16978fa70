// Issue #20, item 3: a project page loads what it shows. A busy project's discussion gathers
// hundreds of comments; the page reads the latest PROJECT_COMMENTS_SHOWN, oldest of them first, and
// says how many there are in all.
import { createInstance } from "i18next";
import { beforeAll, describe, expect, it } from "vitest";
import { prisma } from "~/db.server";
import { i18nConfig } from "~/i18n/config";
import { createProject } from "~/modules/projects/details.server";
import { PROJECT_COMMENTS_SHOWN } from "~/modules/projects/queries.server";
import * as projectLayout from "~/routes/projects/$projectId/layout";
import { actorFor, callRoute, cookieFor, createPerson, ensureRegions, getRequest } from "../fixtures/people";

let cookie: string;
let authorId: string;

beforeAll(async () => {
  await ensureRegions();
  const leader = await createPerson({ role: "PARTICIPANT", regionCode: "74.71", name: "Ani Lestari" });
  authorId = leader.id;
  cookie = await cookieFor(leader.id);
});

async function projectWithComments(count: number) {
  const project = await createProject(await actorFor(authorId), {
    title: `Diskusi ${count}`,
    kind: "REGIONAL_INNOVATION",
    regionCode: "74.71",
  });
  const start = Date.UTC(2024, 0, 1);
  await prisma.comment.createMany({
    data: Array.from({ length: count }, (_, i) => ({
      projectId: project.id,
      authorId,
      body: `Komentar ${i + 1}`,
      // one a minute, so "latest" is unambiguous
      createdAt: new Date(start + i * 60_000),
    })),
  });
  return project.id;
}

async function projectPage(projectId: string, query = "") {
  const response = await callRoute(projectLayout.loader, getRequest(`/proyek/${projectId}${query}`, cookie), {
    projectId,
  });
  expect(response.status).toBe(200);
  return (await response.json()).project as { comments: { body: string }[]; commentCount: number };
}

describe("a project's comments on its page", () => {
  it("shows every comment of a quiet project, oldest first", async () => {
    const project = await projectPage(await projectWithComments(3));
    expect(project.comments.map((c) => c.body)).toEqual(["Komentar 1", "Komentar 2", "Komentar 3"]);
    expect(project.commentCount).toBe(3);
  });

  it("shows only the latest of a busy project's comments, oldest of them first, and counts them all", async () => {
    const total = PROJECT_COMMENTS_SHOWN + 25;
    const project = await projectPage(await projectWithComments(total));
    expect(project.comments).toHaveLength(PROJECT_COMMENTS_SHOWN);
    expect(project.comments[0].body).toBe(`Komentar ${total - PROJECT_COMMENTS_SHOWN + 1}`);
    expect(project.comments.at(-1)?.body).toBe(`Komentar ${total}`);
    expect(project.commentCount).toBe(total);
  });

  it("shows every comment when asked for all of them (?komentar=semua)", async () => {
    const total = PROJECT_COMMENTS_SHOWN + 5;
    const project = await projectPage(await projectWithComments(total), "?komentar=semua");
    expect(project.comments).toHaveLength(total);
    expect(project.comments[0].body).toBe("Komentar 1");
    expect(project.comments.at(-1)?.body).toBe(`Komentar ${total}`);
  });

  it("says in both languages how many comments are not shown", async () => {
    for (const [lng, expected] of [
      ["id", "Menampilkan 50 komentar terbaru dari 75 komentar"],
      ["en", "Showing the latest 50 of 75 comments"],
    ]) {
      const i18n = createInstance();
      await i18n.init({ ...i18nConfig, lng });
      expect(i18n.t("projects.commentsShown", { shown: 50, count: 75 })).toContain(expected);
    }
  });
});
