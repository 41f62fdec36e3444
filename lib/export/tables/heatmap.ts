import { assessmentStatusLabels, type AssessmentStatus } from "@/lib/assessment-workflow";
import type { Heatmap } from "@/lib/heatmap";
import type { ScoredOrganisation } from "@/lib/maturity";
import { roundToScale, type Scale } from "@/lib/scale";
import { number, text, type Cell, type Table } from "../table";

interface Domain {
  id: string;
  code: string;
  name: string;
}

type Provider = ScoredOrganisation & { name: string; odsCode: string | null; status: AssessmentStatus };

const scoreKey = (d: Domain) => `score:${d.code}`;
const gapKey = (d: Domain) => `gap:${d.code}`;

/**
 * The heatmap as the page shows it: a row per provider with its score and gap to national
 * in each domain and its count of domains above national, then the page's foot rows (the
 * mean, the national average, and how many providers are above it of how many scored).
 * Figures are rounded as the page prints them.
 */
export function heatmapTable({ title, domains, heatmap, meanLabel, scale }: { title: string; domains: readonly Domain[]; heatmap: Heatmap<Provider>; meanLabel: string; scale: Scale }): Table {
  const rounded = (v: number | null) => (v == null ? null : roundToScale(v, scale.decimals));
  const columns = [
    text("organisation", "Organisation"),
    text("ods", "ODS code"),
    text("status", "Status"),
    ...domains.flatMap((d) => [number(scoreKey(d), `${d.code} ${d.name}`), number(gapKey(d), `${d.code} gap to national`)]),
    number("domainsAbove", "Domains above national"),
    number("domainsCompared", "Domains compared with national"),
  ];
  const byDomain = (value: (i: number) => Cell) => Object.fromEntries(domains.map((d, i) => [scoreKey(d), value(i)]));
  const s = heatmap.domainSummaries;
  const providers = heatmap.rows.map(({ organisation: o, cells, summary }) => ({
    organisation: o.name,
    ods: o.odsCode,
    status: assessmentStatusLabels[o.status],
    ...Object.fromEntries(domains.flatMap((d, i) => [[scoreKey(d), cells[i]?.score ?? null], [gapKey(d), rounded(cells[i]?.gapToNational ?? null)]])),
    domainsAbove: summary.domainsAbove,
    domainsCompared: summary.domainsCompared,
  }));
  return {
    title,
    columns,
    rows: [
      ...providers,
      { organisation: `${meanLabel} mean (average provider score)`, ...byDomain((i) => rounded(s[i]?.mean ?? null)) },
      { organisation: "National average", ...byDomain((i) => s[i]?.national ?? null) },
      // The page prints "–" where there is no national average to be above.
      { organisation: "Providers above national", ...byDomain((i) => (s[i]?.national == null ? null : s[i]!.providersAbove)) },
      { organisation: "Providers with a score", ...byDomain((i) => s[i]?.providersScored ?? 0) },
    ],
  };
}
