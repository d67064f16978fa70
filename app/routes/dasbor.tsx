import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { grantsFor } from "~/auth/permissions";
import { requirePermission } from "~/auth/require-user.server";
import { countProjectsForUser } from "~/models/project.server";

export const meta: MetaFunction = () => [{ title: "Dasbor · Lintas" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const { user } = await requirePermission(request, "app:use");
  const projectGrants = grantsFor(user.memberships, "project:read");
  const projects = projectGrants.length > 0 ? await countProjectsForUser({ user, grants: projectGrants }) : 0;
  return { user, projects };
}

export default function Dashboard() {
  const { t } = useTranslation();
  const { user, projects } = useLoaderData<typeof loader>();
  return (
    <main>
      <h1>{t("dashboard.greeting", { name: user.name })}</h1>
      <p className="muted">
        {user.memberships.map((m) => t(`roles.${m.role}`)).join(", ")}
        {user.region ? ` · ${user.region.name}` : ""}
      </p>
      <ul className="stat-list">
        <li>
          <Link to="/proyek">
            <strong>{projects}</strong> {t("dashboard.projectsInScope")}
          </Link>
        </li>
      </ul>
    </main>
  );
}
