"use client";

import Link from "next/link";
import { TrajectoryStatusTag } from "./trajectory-status-tag";
import { formatScore, type Scale } from "@/lib/scale";
import type { TrajectoryStatus } from "@/lib/trajectory";

/** One provider's row of the summaries, as data: see HeatmapRows for why. */
export interface CompactSummaryRow {
  id: string;
  name: string;
  href: string;
  /** Per domain: latest score, status, judged against its own targets. */
  cells: [latest: number | null, status: TrajectoryStatus, ownTargets: boolean][];
}

export function OrganisationSummaryRows({ rows, domainIds, scale }: { rows: CompactSummaryRow[]; domainIds: string[]; scale: Scale }) {
  return rows.map((s) => (
    <tr key={s.id}>
      <th scope="row">
        <Link href={s.href}>{s.name}</Link>
      </th>
      {s.cells.map(([latest, status, own], i) => (
        <td key={domainIds[i]}>
          {formatScore(latest, scale)} <TrajectoryStatusTag status={status} />
          {own && (
            <span>
              {" "}
              <span aria-hidden="true">★</span>
              <span className="nhsuk-u-visually-hidden">against its own targets</span>
            </span>
          )}
        </td>
      ))}
    </tr>
  ));
}
