import { and, inArray, sql } from "drizzle-orm";
import type { Database } from "../client";
import { nationalAverages } from "../schema";
import { recordAudit } from "../commands/audit";
import { importFormats } from "@/lib/import/formats";
import { scoreCell } from "@/lib/import/cells";
import type { CareSetting } from "@/lib/care-settings";
import type { Actor } from "@/lib/permissions";
import { loadFrameworkLookups, type DomainRef, type PeriodRef } from "./lookups";
import type { Accepted, CellProblem, Classified, ImportDefinition, ParsedRow } from "./types";

interface AverageRow {
  period: PeriodRef;
  domain: DomainRef;
  careSetting: CareSetting;
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
        const { framework, period, domain } = fw.resolve(get, problems, { withPeriod: true });
        const score = framework ? scoreCell(get("score"), { label: "the score", scale: framework.scale }) : null;
        if (score && !score.ok) problems.push({ column: "score", message: score.message });
        if (problems.length > 0 || !period || !domain || !score?.ok) return { ok: false, problems };
        // The long format names no care setting: a row is for the framework's first.
        return { ok: true, key: `${period.id}|${domain.id}`, item: { period, domain, careSetting: framework!.careSettings[0] ?? "all", score: score.value } };
      },
      async classify(db: Database, rows: ParsedRow<AverageRow>[], { lock }): Promise<Classified<AverageRow>[]> {
        const query = db
          .select()
          .from(nationalAverages)
          .where(
            and(
              inArray(nationalAverages.periodId, [...new Set(rows.map((r) => r.item.period.id))]),
              inArray(nationalAverages.domainId, [...new Set(rows.map((r) => r.item.domain.id))]),
              inArray(nationalAverages.careSetting, [...new Set(rows.map((r) => r.item.careSetting))]),
            ),
          );
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
          .values(rows.map(({ item }) => ({ periodId: item.period.id, domainId: item.domain.id, careSetting: item.careSetting, score: item.score })))
          .onConflictDoUpdate({ target: [nationalAverages.periodId, nationalAverages.domainId, nationalAverages.careSetting], set: { score: sql`excluded.score` } });
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
