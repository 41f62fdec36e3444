"use client";

import Link from "next/link";
import { formatGap, formatScore, type Scale } from "@/lib/scale";

/** One provider's heatmap row, as few bytes as the browser needs to rebuild it. */
export interface CompactHeatmapRow {
  id: string;
  /** The ODS code, shown and used to find the row. */
  code: string | null;
  name: string;
  awaitingApproval: boolean;
  /** Per domain in framework order: score, gap to national, band. */
  cells: [score: number | null, gap: number | null, band: string | null][];
  domainsAbove: string;
}

/**
 * The heatmap's provider rows. A client component only to keep the page small: a
 * national system's heatmap has 1,000+ cells, and rendered as server components each cell
 * travelled twice, as HTML and again as React's description of it (about 330 bytes a
 * cell). As props it travels as data (about 20 bytes a cell) and is drawn from them.
 */
export function HeatmapRows({ rows, domainCodes, scale }: { rows: CompactHeatmapRow[]; domainCodes: string[]; scale: Scale }) {
  return rows.map((o) => (
    <tr key={o.id} data-org={o.code ?? o.id}>
      <th scope="row" className="app-heatmap__org">
        <Link href={`/organisations/${o.id}`}>{o.name}</Link>
        {o.code && <span className="app-muted"> {o.code}</span>}
        {o.awaitingApproval && <strong className="nhsuk-tag nhsuk-tag--yellow app-tag-small">Awaiting approval</strong>}
      </th>
      {o.cells.map(([score, gap, band], i) => (
        <td key={domainCodes[i]} className={`app-heatmap__cell app-band--${band ?? "none"}`} data-domain={domainCodes[i]}>
          <span className="app-heatmap__score">{formatScore(score, scale)}</span>
          {gap != null && (
            <span className="app-heatmap__gap">
              {formatGap(gap, scale)}
              <span className="nhsuk-u-visually-hidden">{scale.unit === "%" ? " points" : ""} against national</span>
            </span>
          )}
        </td>
      ))}
      <td data-testid="domains-above">{o.domainsAbove}</td>
    </tr>
  ));
}
