// The notifications page: a person's own notifications, newest first, unread marked; read one by
// one or all at once with plain forms; another person's notification cannot be touched; the
// header's unread count comes from the root loader.
import { beforeAll, describe, expect, it } from "vitest";
import { prisma } from "~/db.server";
import { safeLink } from "~/modules/notifications/notification.server";
import { addComment } from "~/modules/projects/comments.server";
import { createProject } from "~/modules/projects/details.server";
import { addTeamMember } from "~/modules/projects/team.server";
import { loader as rootLoader } from "~/root";
import * as route from "~/routes/accounts/notifications";
import {
  actorFor,
  callRoute,
  cookieFor,
  createPerson,
  ensureRegions,
  formRequest,
  getRequest,
} from "../fixtures/people";

let ani: { id: string; cookie: string };
let budi: { id: string; cookie: string };
let budiNotification: string;

type Page = { notifications: { id: string; title: string; link: string | null; readAt: string | null }[] };

async function page(cookie: string) {
  const response = await callRoute(route.loader, getRequest("/notifikasi", cookie));
  expect(response.status).toBe(200);
  return (await response.json()) as Page;
}

async function unreadInHeader(cookie: string) {
  const result = await rootLoader({ request: getRequest("/", cookie), params: {}, context: {} });
  return result.data.user?.unread;
}

beforeAll(async () => {
  await ensureRegions();
  const a = await createPerson({ role: "REGION_OFFICER", regionCode: "74.71", name: "Ani Lestari" });
  const b = await createPerson({ role: "PARTICIPANT", regionCode: "74.71", name: "Budi Santoso" });
  ani = { id: a.id, cookie: await cookieFor(a.id) };
  budi = { id: b.id, cookie: await cookieFor(b.id) };
  await prisma.notification.create({
    data: {
      userId: a.id,
      kind: "checkin-due-3",
      title: "Pemantauan 3 bulan",
      link: "/proyek/x",
      createdAt: new Date("2024-01-01T00:00:00Z"),
    },
  });
  await prisma.notification.create({
    data: {
      userId: a.id,
      kind: "other",
      title: "Tautan luar",
      link: "//evil.example/x",
      createdAt: new Date("2024-02-01T00:00:00Z"),
    },
  });
  budiNotification = (
    await prisma.notification.create({ data: { userId: b.id, kind: "other", title: "Untuk Budi" } })
  ).id;
  // a real mention: Budi comments on Ani's project naming her
  const actor = await actorFor(a.id);
  const project = await createProject(actor, {
    title: "L2T2",
    kind: "REGIONAL_INNOVATION",
    regionCode: "74.71",
  });
  await addTeamMember(actor, project.id, {
    name: "Budi Santoso",
    email: (await prisma.user.findUniqueOrThrow({ where: { id: b.id } })).email,
  });
  await addComment(await actorFor(b.id), project.id, "@ani mohon cek data sasaran");
});

describe("notifications page", () => {
  it("lists only the person's own notifications, newest first, with internal links only", async () => {
    const { notifications } = await page(ani.cookie);
    expect(notifications.map((n) => n.title)).toEqual([
      "Budi Santoso: L2T2",
      "Tautan luar",
      "Pemantauan 3 bulan",
    ]);
    expect(notifications[0].link).toMatch(/^\/proyek\//);
    expect(notifications[1].link).toBeNull();
    expect(notifications.every((n) => n.readAt === null)).toBe(true);
    expect(await unreadInHeader(ani.cookie)).toBe(3);
  });

  it("marks one read, and cannot mark another person's", async () => {
    const { notifications } = await page(ani.cookie);
    const response = await callRoute(
      route.action,
      formRequest("/notifikasi", { intent: "read", id: notifications[2].id }, ani.cookie),
    );
    expect(response.status).toBe(200);
    const after = await page(ani.cookie);
    expect(after.notifications.filter((n) => n.readAt).map((n) => n.title)).toEqual(["Pemantauan 3 bulan"]);
    expect(await unreadInHeader(ani.cookie)).toBe(2);

    const foreign = await callRoute(
      route.action,
      formRequest("/notifikasi", { intent: "read", id: budiNotification }, ani.cookie),
    );
    expect(await foreign.json()).toMatchObject({ ok: true, count: 0 });
    expect(
      (await prisma.notification.findUniqueOrThrow({ where: { id: budiNotification } })).readAt,
    ).toBeNull();
  });

  it("marks all read at once, leaving other people's alone", async () => {
    await callRoute(route.action, formRequest("/notifikasi", { intent: "read-all" }, ani.cookie));
    expect((await page(ani.cookie)).notifications.every((n) => n.readAt !== null)).toBe(true);
    expect(await unreadInHeader(ani.cookie)).toBe(0);
    expect(await unreadInHeader(budi.cookie)).toBe(1);
  });

  it("refuses an unknown intent without writing", async () => {
    const response = await callRoute(
      route.action,
      formRequest("/notifikasi", { intent: "delete" }, budi.cookie),
    );
    expect(response.status).toBe(400);
    expect(await unreadInHeader(budi.cookie)).toBe(1);
  });

  it("follows only links inside Lintas", () => {
    expect(safeLink("/sesi/1")).toBe("/sesi/1");
    for (const link of ["//evil.example", "https://evil.example", "javascript:alert(1)", "/\\evil", null])
      expect(safeLink(link)).toBeNull();
  });
});
