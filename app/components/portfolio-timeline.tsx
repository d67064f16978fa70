// The portfolio timeline (app/modules/projects/portfolio.server.ts): one lane per project with its
// milestones at their due dates, drawn with visx's time scale and axis as plain SVG on the server;
// late ones outlined and marked "!" (not colour alone), done ones ticked; a filter that works
// without JavaScript (a plain GET form: it only changes the query); the same milestones as a
// table grouped by project. Prints without the filter form (app.css, @media print).
import { AxisBottom } from "@visx/axis";
import { Group } from "@visx/group";
import { scaleTime } from "@visx/scale";
import { Fragment } from "react";
import { useTranslation } from "react-i18next";
import { TableScroll } from "~/components/ui/table-scroll";
import { HORIZONS } from "~/modules/projects/project-schemas";
import { formatDay } from "~/utils/format";

type When = string | Date;
export type PortfolioView = {
  filter: { status?: string; horizon?: string };
  projects: {
    id: string;
    title: string;
    acronym: string | null;
    milestones: {
      id: string;
      title: string;
      horizon: string;
      status: string;
      dueDate: When | null;
      late: boolean;
    }[];
  }[];
  projectCount: number;
  milestoneCount: number;
  lateCount: number;
  now: When;
};

const WIDTH = 760;
const LANE = 46;
const TOP = 8;
const AXIS = 30;
const DAY = 86_400_000;

const projectName = (p: { title: string; acronym: string | null }) =>
  p.acronym ? `${p.acronym}: ${p.title}` : p.title;

function Marker({ x, y, late, done }: { x: number; y: number; late: boolean; done: boolean }) {
  return (
    <>
      <rect x={x - 7} y={y - 7} width={14} height={14} transform={`rotate(45 ${x} ${y})`} />
      <text x={x} y={y + 4} textAnchor="middle" className="ms-mark">
        {done ? "✓" : late ? "!" : ""}
      </text>
    </>
  );
}

export function PortfolioTimeline({
  portfolio,
  id = "portfolio",
}: {
  portfolio: PortfolioView;
  id?: string;
}) {
  const { t, i18n } = useTranslation();
  const lng = i18n.language;
  const { projects, filter } = portfolio;
  const now = new Date(portfolio.now).getTime();
  const times = projects.flatMap((p) =>
    p.milestones.flatMap((m) => (m.dueDate ? [new Date(m.dueDate).getTime()] : [])),
  );
  const scale = scaleTime({
    domain: times.length
      ? [new Date(Math.min(...times, now) - 15 * DAY), new Date(Math.max(...times, now) + 15 * DAY)]
      : [new Date(now - 30 * DAY), new Date(now + 30 * DAY)],
    range: [12, WIDTH - 12],
  });
  const height = TOP + projects.length * LANE + AXIS;
  const title = t("portfolio.title");
  return (
    <section className="portfolio-timeline" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{title}</h2>
      <form method="get" className="portfolio-filter">
        <label htmlFor={`${id}-status`}>{t("portfolio.statusFilter")}</label>
        <select id={`${id}-status`} name="tonggak" defaultValue={filter.status ?? ""}>
          <option value="">{t("portfolio.allStatuses")}</option>
          <option value="late">{t("portfolio.status.late")}</option>
          <option value="open">{t("portfolio.status.open")}</option>
          <option value="done">{t("portfolio.status.done")}</option>
        </select>
        <label htmlFor={`${id}-horizon`}>{t("portfolio.horizonFilter")}</label>
        <select id={`${id}-horizon`} name="jangka" defaultValue={filter.horizon ?? ""}>
          <option value="">{t("portfolio.allHorizons")}</option>
          {HORIZONS.map((h) => (
            <option key={h} value={h}>
              {t(`projects.horizon.${h}`)}
            </option>
          ))}
        </select>
        <button type="submit">{t("portfolio.apply")}</button>
      </form>
      <p className="portfolio-summary">
        {t("portfolio.summary", {
          count: portfolio.milestoneCount,
          projects: portfolio.projectCount,
          late: portfolio.lateCount,
        })}
        {portfolio.projectCount > projects.length
          ? ` ${t("portfolio.capped", { shown: projects.length, total: portfolio.projectCount })}`
          : ""}
      </p>
      {projects.length === 0 ? (
        <p className="muted">{t("portfolio.empty")}</p>
      ) : (
        <>
          <figure className="portfolio-chart">
            <svg
              viewBox={`0 0 ${WIDTH} ${height}`}
              role="img"
              aria-label={t("portfolio.chartLabel", { title })}
            >
              {now >= scale.domain()[0].getTime() && now <= scale.domain()[1].getTime() ? (
                <line x1={scale(now)} x2={scale(now)} y1={0} y2={height - AXIS} className="today-line" />
              ) : null}
              {projects.map((p, row) => (
                <Group key={p.id} top={TOP + row * LANE} className="portfolio-lane">
                  <text x={4} y={12} className="chart-label">
                    {projectName(p)}
                  </text>
                  <line x1={4} x2={WIDTH - 4} y1={30} y2={30} className="grid-line" />
                  {p.milestones.map((m) =>
                    m.dueDate ? (
                      <g key={m.id} className={`ms ms-${m.late ? "late" : m.status.toLowerCase()}`}>
                        <title>
                          {`${m.title} · ${formatDay(m.dueDate, lng)} · ${t(`projects.workStatus.${m.status}`)}${m.late ? ` · ${t("portfolio.lateMark")}` : ""}`}
                        </title>
                        <Marker
                          x={scale(new Date(m.dueDate))}
                          y={30}
                          late={m.late}
                          done={m.status === "DONE"}
                        />
                      </g>
                    ) : null,
                  )}
                </Group>
              ))}
              <AxisBottom
                top={height - AXIS}
                scale={scale}
                numTicks={6}
                axisLineClassName="grid-line"
                tickLength={4}
                tickFormat={(value) => formatDay(value as Date, lng)}
                tickComponent={({ x, y, formattedValue }) => (
                  <text x={x} y={y + 8} textAnchor="middle" className="chart-label small">
                    {formattedValue}
                  </text>
                )}
              />
            </svg>
            <figcaption className="muted">{t("portfolio.legend")}</figcaption>
          </figure>
          <TableScroll label={t("portfolio.tableCaption")}>
            <table className="compact portfolio-table">
              <caption>{t("portfolio.tableCaption")}</caption>
              <thead>
                <tr>
                  <th scope="col">{t("portfolio.milestone")}</th>
                  <th scope="col">{t("projects.horizonLabel")}</th>
                  <th scope="col">{t("projects.dueDate")}</th>
                  <th scope="col">{t("portfolio.statusColumn")}</th>
                </tr>
              </thead>
              {projects.map((p) => (
                <tbody key={p.id}>
                  <tr>
                    <th scope="rowgroup" colSpan={4}>
                      {projectName(p)}
                    </th>
                  </tr>
                  {p.milestones.map((m) => (
                    <Fragment key={m.id}>
                      <tr className={m.late ? "is-late" : undefined}>
                        <th scope="row">{m.title}</th>
                        <td>{t(`projects.horizon.${m.horizon}`)}</td>
                        <td>{formatDay(m.dueDate, lng)}</td>
                        <td>
                          {t(`projects.workStatus.${m.status}`)}
                          {m.late && m.status !== "LATE" ? ` (${t("portfolio.lateMark")})` : ""}
                        </td>
                      </tr>
                    </Fragment>
                  ))}
                </tbody>
              ))}
            </table>
          </TableScroll>
        </>
      )}
    </section>
  );
}
