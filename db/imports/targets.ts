import { and, eq, inArray, or, sql } from "drizzle-orm";
import type { Database } from "../client";
import { targets } from "../schema";
import { recordAudit } from "../commands/audit";
import { importFormats } from "@/lib/import/formats";
import { cellText, scoreCell, requiredText, truncate } from "@/lib/import/cells";
import { formatFinancialYear, parseFinancialYear } from "@/lib/financial-year";
import { canSetTarget, type Actor, type TargetScope } from "@/lib/permissions";
import { loadFrameworkLookups, loadOrganisationLookup, loadPlaceLookups, type DomainRef } from "./lookups";
import type { Accepted, CellProblem, Classified, ImportDefinition, ParsedRow } from "./types";

interface TargetRow {
  scope: TargetScope;
  scopeId: string;
  placeName: string;
  domain: DomainRef;
  financialYear: number;
  score: number;
  /** Set by classify when the target exists. */
  targetId: string | null;
}

const scopes: readonly TargetScope[] = ["system", "footprint", "organisation"];
const scopeIdColumn = { system: "systemId", footprint: "footprintId", organisation: "organisationId" } as const;

export const targetsImport: ImportDefinition<TargetRow> = {
  kind: "targets",
  columns: importFormats.targets.columns,
  async load(db, actor: Actor) {
    const [fw, organisation, place] = await Promise.all([loadFrameworkLookups(db), loadOrganisationLookup(db), loadPlaceLookups(db)]);
    return {
      describeKey: "place, domain and financial year",
      parse(get) {
        const problems: CellProblem[] = [];
        const scopeText = cellText(get("scope")).toLowerCase();
        const scope = scopes.find((s) => s === scopeText);
        if (!scope) problems.push({ column: "scope", message: scopeText ? `Unknown scope “${truncate(scopeText)}”: use system, footprint or organisation` : "Enter the scope: system, footprint or organisation" });
        const placeText = requiredText(get("place"), "the place");
        let target: { id: string; name: string } | undefined;
        if (!placeText.ok) problems.push({ column: "place", message: placeText.message });
        else if (scope) {
          target = scope === "system" ? place.system(placeText.value) : scope === "footprint" ? place.footprint(placeText.value) : organisation(placeText.value);
          if (!target) problems.push({ column: "place", message: `Unknown ${scope} “${truncate(placeText.value)}”${scope === "organisation" ? ": give its ODS code" : ""}` });
          else if (!canSetTarget(actor, scope, target.id)) {
            problems.push({
              column: "place",
              message: scope === "organisation" ? `You can only set targets for your own organisations: ${target.name} is not one of them` : `Only board members and administrators can set ${scope} targets`,
            });
          }
        }
        const { framework, domain } = fw.resolve(get, problems, { withPeriod: false });
        const yearText = requiredText(get("financial_year"), "the financial year");
        const year = yearText.ok ? parseFinancialYear(yearText.value) : null;
        if (!yearText.ok) problems.push({ column: "financial_year", message: yearText.message });
        else if (year == null) problems.push({ column: "financial_year", message: `Enter the financial year like 2018/19 (not “${truncate(yearText.value)}”)` });
        const score = framework ? scoreCell(get("score"), { label: "the target", scale: framework.scale }) : null;
        if (score && !score.ok) problems.push({ column: "score", message: score.message });
        if (problems.length > 0 || !scope || !target || !domain || year == null || !score?.ok) return { ok: false, problems };
        return { ok: true, key: `${target.id}|${domain.id}|${year}`, item: { scope, scopeId: target.id, placeName: target.name, domain, financialYear: year, score: score.value, targetId: null } };
      },
      async classify(db: Database, rows: ParsedRow<TargetRow>[], { lock }): Promise<Classified<TargetRow>[]> {
        const ids = [...new Set(rows.map((r) => r.item.scopeId))];
        const query = db
          .select()
          .from(targets)
          .where(
            and(
              inArray(targets.domainId, [...new Set(rows.map((r) => r.item.domain.id))]),
              inArray(targets.financialYear, [...new Set(rows.map((r) => r.item.financialYear))]),
              or(inArray(targets.systemId, ids), inArray(targets.footprintId, ids), inArray(targets.organisationId, ids)),
            ),
          );
        const found = lock ? await query.for("update") : await query;
        const existing = new Map(found.map((t) => [`${t.systemId ?? t.footprintId ?? t.organisationId}|${t.domainId}|${t.financialYear}`, t]));
        return rows.map((row) => {
          const before = existing.get(row.key);
          if (!before) return { ...row, outcome: "created", before: null };
          const known = { ...row, item: { ...row.item, targetId: before.id } };
          return { ...known, outcome: before.score === row.item.score ? "unchanged" : "changed", before: before.score };
        });
      },
      async apply(tx, rows: Accepted<TargetRow>[]) {
        const fresh = rows.filter((r) => r.item.targetId == null);
        const inserted = fresh.length
          ? await tx
              .insert(targets)
              .values(fresh.map(({ item }) => ({ scope: item.scope, [scopeIdColumn[item.scope]]: item.scopeId, domainId: item.domain.id, financialYear: item.financialYear, score: item.score, updatedById: actor.id })))
              .returning()
          : [];
        const idOf = new Map(inserted.map((t) => [`${t.systemId ?? t.footprintId ?? t.organisationId}|${t.domainId}|${t.financialYear}`, t.id]));
        for (const { item } of rows.filter((r) => r.item.targetId != null)) {
          await tx
            .update(targets)
            .set({ score: item.score, version: sql`${targets.version} + 1`, updatedAt: new Date(), updatedById: actor.id })
            .where(eq(targets.id, item.targetId!));
        }
        await recordAudit(
          tx,
          rows.map(({ key, item, before }) => {
            const after = { scope: item.scope, scopeId: item.scopeId, domainId: item.domain.id, financialYear: item.financialYear, score: item.score, domain: item.domain.name, year: formatFinancialYear(item.financialYear) };
            return {
              actorId: actor.id,
              action: "target.set",
              entityType: "target",
              entityId: item.targetId ?? idOf.get(key)!,
              organisationId: item.scope === "organisation" ? item.scopeId : null,
              before: before == null ? null : { ...after, score: before },
              after: { ...after, source: "import" },
            };
          }),
        );
      },
      async finish() {},
    };
  },
};
