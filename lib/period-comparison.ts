import { changeBetween, type ChangeSummary } from "./benchmark";

// Year on year, as NHS England publishes the results for: each organisation's change per
// domain and in the published overall score, where both periods have it.

interface Result {
  organisationId: string;
  shortName: string;
  odsCode: string | null;
  publishedOverall: number | null;
  scores: Record<string, number>;
}

export interface ComparisonCell {
  before: number | null;
  after: number | null;
  change: number | null;
}

export function comparePeriods({
  domains,
  before,
  after,
  isOwn,
}: {
  domains: readonly { id: string; name: string }[];
  before: readonly Result[];
  after: readonly Result[];
  isOwn: (organisationId: string) => boolean;
}) {
  const columns = [...domains.map((d) => ({ key: d.id, label: d.name })), { key: "overall", label: "Overall, as published" }];
  const valueOf = (r: Result | undefined, key: string) => (r == null ? null : key === "overall" ? r.publishedOverall : (r.scores[key] ?? null));
  const beforeById = new Map(before.map((r) => [r.organisationId, r]));
  const afterById = new Map(after.map((r) => [r.organisationId, r]));
  const summaries: Record<string, ChangeSummary> = {};
  for (const c of columns) {
    const map = (rs: Map<string, Result>) => new Map([...rs].map(([id, r]) => [id, valueOf(r, c.key)]));
    summaries[c.key] = changeBetween(map(beforeById), map(afterById));
  }
  const ids = [...new Set([...before, ...after].map((r) => r.organisationId))].filter(isOwn);
  const rows = ids
    .map((id) => {
      const a = beforeById.get(id);
      const b = afterById.get(id);
      const cells: Record<string, ComparisonCell> = {};
      for (const c of columns) {
        const was = valueOf(a, c.key);
        const now = valueOf(b, c.key);
        cells[c.key] = { before: was, after: now, change: summaries[c.key]!.changes.get(id) ?? null };
      }
      const r = (b ?? a)!;
      return { organisationId: id, name: r.shortName, odsCode: r.odsCode, cells };
    })
    .sort((x, y) => x.name.localeCompare(y.name));
  return { columns, rows, summaries };
}
