// A project's cover image. The schema keeps no alt text of its own, so the alt text names the
// project; the file name in the address makes a replaced cover load anew despite caching.
import { useTranslation } from "react-i18next";

export function ProjectCover({ projectId, file, title }: { projectId: string; file: string; title: string }) {
  const { t } = useTranslation();
  return (
    <img
      className="project-cover"
      src={`/proyek/${projectId}/sampul?v=${encodeURIComponent(file)}`}
      alt={t("projects.coverAlt", { title })}
    />
  );
}
