"use client";

import Link from "next/link";
import { capabilityRoleLabels, projectStatusLabels, type CapabilityRole, type ProjectStatus } from "@/lib/portfolio";

const statusColours: Record<ProjectStatus, string> = {
  planned: "nhsuk-tag--grey",
  in_flight: "nhsuk-tag--blue",
  delivered: "nhsuk-tag--green",
  paused: "nhsuk-tag--yellow",
  stopped: "nhsuk-tag--red",
};

/** A project's card on the plan, as data. */
export interface PlanCard {
  id: string;
  code: string;
  title: string;
  /** The owner's colour on the plan's key. */
  colour: string;
  status: ProjectStatus;
  /** Owners' names, or null when none is recorded. */
  owners: string | null;
  programme: string | null;
  capabilities: [uc: number, role: CapabilityRole][];
}

export interface PlanRow {
  id: string;
  code: string;
  name: string;
  /** Per period, in the header's order. */
  cells: PlanCard[][];
}

/**
 * The plan's rows: a client component only to keep the page small (a national system's plan
 * has hundreds of cards, and as server components each travelled twice: see HeatmapRows).
 */
export function PlanGridRows({ rows, periodKeys }: { rows: PlanRow[]; periodKeys: string[] }) {
  return rows.map((d) => (
    <tr key={d.id} data-domain={d.code}>
      <th scope="row">{d.name}</th>
      {d.cells.map((cards, i) => (
        <td key={periodKeys[i]}>
          {cards.length === 0 ? (
            <span className="app-muted">None</span>
          ) : (
            <ul className="app-plan__cards">
              {cards.map((p) => (
                <li key={p.id} className="app-plan__card" style={{ borderLeftColor: p.colour }} data-project={p.code}>
                  <Link className="app-plan__title" href={`/portfolio/projects/${p.id}`}>
                    {p.title}
                  </Link>
                  <span className="app-plan__meta">
                    <strong className={`nhsuk-tag ${statusColours[p.status]} app-tag-small`}>{projectStatusLabels[p.status]}</strong>{" "}
                    {p.owners ?? <span className="app-muted">Owner not recorded</span>}
                    {p.programme && <> · {p.programme}</>}
                  </span>
                  {p.capabilities.length > 0 && (
                    <span className="app-plan__ucs">
                      {p.capabilities.map(([uc, role]) => (
                        <abbr key={uc} className="app-uc-badge" title={`${capabilityRoleLabels[role]} universal capability ${uc}`}>
                          UC{uc} {role}
                        </abbr>
                      ))}
                    </span>
                  )}
                </li>
              ))}
            </ul>
          )}
        </td>
      ))}
    </tr>
  ));
}
