import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useTranslation } from "react-i18next";
import { requirePermission } from "~/auth/require-user.server";
import { AdminNav } from "~/components/admin-nav";
import { titleMeta } from "~/i18n/translate";

export const meta: MetaFunction = ({ matches }) => titleMeta(matches, "backup.title");

export async function loader({ request }: LoaderFunctionArgs) {
  await requirePermission(request, "data:backup");
  return null;
}

export default function Backup() {
  const { t } = useTranslation();
  return (
    <main>
      <h1>{t("backup.title")}</h1>
      <AdminNav />
      <p>{t("backup.intro")}</p>
      <p>
        {/* a plain link: the download is a file, not a page */}
        <a className="button" href="/admin/cadangan/unduh" download>
          {t("backup.download")}
        </a>
      </p>
      <h2>{t("backup.commandsTitle")}</h2>
      <p>{t("backup.commands")}</p>
      <pre>
        <code>{"npm run backup\nnpm run restore -- backups/lintas-20261123-1200.json.gz"}</code>
      </pre>
      <p>{t("backup.restoreNote")}</p>
    </main>
  );
}

export { RouteErrorBoundary as ErrorBoundary } from "~/components/route-error-boundary";
