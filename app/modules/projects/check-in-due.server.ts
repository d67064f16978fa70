// Check-ins of launched projects fall due 3, 6 and 12 months after launch (checkInSchedule).
// An hourly job tells the project's leader and coach in the app, once per check-in.
import { prisma } from "~/db.server";
import { fixedT } from "~/i18n/translate";
import { LAUNCHED_STATUSES, checkInSchedule } from "~/modules/projects/project-status";

/** Creates the missing "check-in due" notifications; returns how many were created. */
export async function flagDueCheckIns(now = new Date()) {
  const projects = await prisma.changeProject.findMany({
    where: { status: { in: LAUNCHED_STATUSES }, launchedAt: { not: null, lte: now } },
    select: {
      id: true,
      title: true,
      launchedAt: true,
      checkIns: { select: { createdAt: true } },
      leader: { select: { id: true, locale: true, deactivatedAt: true } },
      coach: { select: { id: true, locale: true, deactivatedAt: true } },
    },
  });
  let created = 0;
  for (const project of projects) {
    const due = checkInSchedule(project.launchedAt!, project.checkIns, now).filter(
      (c) => !c.done && c.due.getTime() <= now.getTime(),
    );
    const people = [project.leader, project.coach].filter(
      (p): p is NonNullable<typeof p> => !!p && !p.deactivatedAt,
    );
    for (const { months } of due) {
      const kind = `checkin-due-${months}`;
      const link = `/proyek/${project.id}`;
      for (const person of people) {
        const known = await prisma.notification.count({ where: { userId: person.id, kind, link } });
        if (known > 0) continue;
        await prisma.notification.create({
          data: {
            userId: person.id,
            kind,
            link,
            title: fixedT(person.locale)("reminders.checkInDue", { project: project.title, months }),
          },
        });
        created++;
      }
    }
  }
  return created;
}
