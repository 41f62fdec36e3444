import { and, inArray, sql } from "drizzle-orm";
import type { Database } from "../client";
import { nationalAverages } from "../schema";
import { recordAudit } from "../commands/audit";
import { importFormats } from "@/lib/import/formats";
import { integerCell } from "@/lib/import/cells";
import type { Actor } from "@/lib/permissions";
import { loadFrameworkLookups, type DomainRef, type PeriodRef } from "./lookups";
import type { Accepted, CellProblem, Classified, ImportDefinition, ParsedRow } from "./types";

interface AverageRow {
  period: PeriodRef;
  domain: DomainRef;
  score: number;
}

export const nationalAveragesImport: ImportDefinition<AverageRow> = {
  kind: "national-averages",
  columns: importFormats["national-averages"].columns,
  async load(db, actor: Actor) {
    const fw = await loadFrameworkLookups(db);
    return {
      describeKey: "period and domain",
      parse(get) {
        const problems: CellProblem[] = [];
        const { period, domain } = fw.resolve(get, problems, { withPeriod: true });
        const score = integerCell(get("score"), { label: "the score", min: 0, max: 100 });
        if (!score.ok) problems.push({ column: "score", message: score.message });
        if (problems.length > 0 || !period || !domain || !score.ok) return { ok: false, problems };
        return { ok: true, key: `${period.id}|${domain.id}`, item: { period, domain, score: score.value } };
      },
      async classify(db: Database, rows: ParsedRow<AverageRow>[], { lock }): Promise<Classified<AverageRow>[]> {
        const query = db
          .select()
          .from(nationalAverages)
          .where(and(inArray(nationalAverages.periodId, [...new Set(rows.map((r) => r.item.period.id))]), inArray(nationalAverages.domainId, [...new Set(rows.map((r) => r.item.domain.id))])));
        const found = lock ? await query.for("update") : await query;
        const existing = new Map(found.map((a) => [`${a.periodId}|${a.domainId}`, a.score]));
        return rows.map((row) => {
          const before = existing.get(row.key);
          if (before === undefined) return { ...row, outcome: "created", before: null };
          return { ...row, outcome: before === row.item.score ? "unchanged" : "changed", before };
        });
      },
      async apply(tx, rows: Accepted<AverageRow>[]) {
        await tx
          .insert(nationalAverages)
          .values(rows.map(({ item }) => ({ periodId: item.period.id, domainId: item.domain.id, score: item.score })))
          .onConflictDoUpdate({ target: [nationalAverages.periodId, nationalAverages.domainId], set: { score: sql`excluded.score` } });
        await recordAudit(
          tx,
          rows.map(({ item, before }) => ({
            actorId: actor.id,
            action: "national-average.set",
            entityType: "national_average",
            entityId: `${item.period.id}:${item.domain.id}`,
            before: before == null ? null : { score: before, domain: item.domain.name, period: item.period.name },
            after: { score: item.score, domain: item.domain.name, period: item.period.name, source: "import" },
          })),
        );
      },
      async finish() {},
    };
  },
};
