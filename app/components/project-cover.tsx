// A project's cover image. The schema keeps no alt text of its own, so the alt text names the
// project; the file name in the address makes a replaced cover load anew despite caching. A cover
// stored since decision 0062 is a WebP with its size in its name (hex-WxH.webp): the page gives the
// browser that size, so the text does not jump when the picture arrives on a slow link.
import { useTranslation } from "react-i18next";

export function ProjectCover({ projectId, file, title }: { projectId: string; file: string; title: string }) {
  const { t } = useTranslation();
  const size = /-(\d+)x(\d+)\.webp$/.exec(file);
  return (
    <img
      className="project-cover"
      src={`/proyek/${projectId}/sampul?v=${encodeURIComponent(file)}`}
      alt={t("projects.coverAlt", { title })}
      width={size ? Number(size[1]) : undefined}
      height={size ? Number(size[2]) : undefined}
      decoding="async"
    />
  );
}
