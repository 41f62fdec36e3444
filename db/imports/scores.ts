import type { CareSetting } from "@/lib/care-settings";
import { and, inArray, sql } from "drizzle-orm";
import type { Database } from "../client";
import { assessments, domainScores } from "../schema";
import { recordAuditBatch, type NewAuditEntry } from "../commands/audit";
import { importFormats } from "@/lib/import/formats";
import { scoreCell, requiredText, truncate } from "@/lib/import/cells";
import { assessmentStatusLabels, isEditable } from "@/lib/assessment-workflow";
import { can, type Actor } from "@/lib/permissions";
import { loadFrameworkLookups, loadOrganisationLookup, type OrganisationRef, type PeriodRef, type DomainRef } from "./lookups";
import type { Accepted, CellProblem, Classified, ImportDefinition, ParsedRow } from "./types";

interface ScoreRow {
  organisation: OrganisationRef;
  period: PeriodRef;
  domain: DomainRef;
  /** The long format names no care setting: a row is for the framework's first. */
  careSetting: CareSetting;
  /** The framework's, for the history to print the score as it is meant. */
  unit: string;
  score: number;
  /** Set by classify when the assessment already exists. */
  assessmentId: string | null;
}
interface Existing {
  assessmentId: string;
  status: keyof typeof assessmentStatusLabels;
}

const pairKey = (organisationId: string, periodId: string, careSetting: CareSetting) => `${organisationId}|${periodId}|${careSetting}`;
const BATCH = 5000;

export const scoresImport: ImportDefinition<ScoreRow> = {
  kind: "scores",
  columns: importFormats.scores.columns,
  async load(db, actor: Actor) {
    const [fw, organisation] = await Promise.all([loadFrameworkLookups(db), loadOrganisationLookup(db)]);
    // Assessments this import creates, and those whose scores it changes (for their version).
    const created = new Map<string, string>();
    const touched = new Set<string>();

    return {
      describeKey: "organisation, period and domain",
      parse(get) {
        const problems: CellProblem[] = [];
        const ods = requiredText(get("ods_code"), "the organisation's ODS code");
        let org: OrganisationRef | undefined;
        if (!ods.ok) problems.push({ column: "ods_code", message: ods.message });
        else {
          org = organisation(ods.value);
          if (!org) problems.push({ column: "ods_code", message: `Unknown ODS code “${truncate(ods.value)}”: no organisation in the app has it` });
          else if (!can(actor, "assessment.edit", { organisationId: org.id })) {
            problems.push({ column: "ods_code", message: `You can only import scores for your own organisations: ${org.name} is not one of them` });
          }
        }
        const { framework, period, domain } = fw.resolve(get, problems, { withPeriod: true });
        const score = framework ? scoreCell(get("score"), { label: "the score", scale: framework.scale }) : null;
        if (score && !score.ok) problems.push({ column: "score", message: score.message });
        if (problems.length > 0 || !org || !period || !domain || !framework || !score?.ok) return { ok: false, problems };
        return { ok: true, key: `${org.id}|${period.id}|${domain.id}`, item: { organisation: org, period, domain, careSetting: framework.careSettings[0] ?? "all", unit: framework.scale.unit, score: score.value, assessmentId: null } };
      },

      async classify(db: Database, rows: ParsedRow<ScoreRow>[], { lock }): Promise<Classified<ScoreRow>[]> {
        const orgIds = [...new Set(rows.map((r) => r.item.organisation.id))];
        const periodIds = [...new Set(rows.map((r) => r.item.period.id))];
        const query = db
          .select({ id: assessments.id, organisationId: assessments.organisationId, periodId: assessments.periodId, careSetting: assessments.careSetting, status: assessments.status })
          .from(assessments)
          .where(and(inArray(assessments.organisationId, orgIds), inArray(assessments.periodId, periodIds)));
        // The commit holds the assessments it writes to, so no form save slips in between.
        const found = lock ? await query.for("update") : await query;
        const existing = new Map<string, Existing>(found.map((a) => [pairKey(a.organisationId, a.periodId, a.careSetting), { assessmentId: a.id, status: a.status }]));
        const scoreRows = found.length
          ? await db
              .select({ assessmentId: domainScores.assessmentId, domainId: domainScores.domainId, score: domainScores.score })
              .from(domainScores)
              .where(inArray(domainScores.assessmentId, found.map((a) => a.id)))
          : [];
        const scores = new Map(scoreRows.map((s) => [`${s.assessmentId}|${s.domainId}`, s.score]));
        return rows.map((row) => {
          const { organisation: org, period, domain, score } = row.item;
          const assessment = existing.get(pairKey(org.id, period.id, row.item.careSetting));
          if (!assessment) {
            if (!period.isOpen) {
              return { line: row.line, problems: [{ column: "period", message: `${org.shortName} has no assessment for ${period.name}, and ${period.name} is closed for new assessments` }] };
            }
            if (!can(actor, "assessment.create", { organisationId: org.id })) {
              return { line: row.line, problems: [{ column: "ods_code", message: `You cannot start assessments for ${org.name}` }] };
            }
            return { ...row, outcome: "created", before: null };
          }
          const before = scores.get(`${assessment.assessmentId}|${domain.id}`);
          const known = { ...row, item: { ...row.item, assessmentId: assessment.assessmentId } };
          if (before === score) return { ...known, outcome: "unchanged", before };
          if (!isEditable(assessment.status)) {
            const status = assessmentStatusLabels[assessment.status].toLowerCase();
            return {
              line: row.line,
              problems: [{ column: "score", message: `${org.shortName}'s ${period.name} assessment is ${status}, so its scores cannot change (${before ?? "no score"} → ${score}): only a draft's can` }],
            };
          }
          return { ...known, outcome: before === undefined ? "created" : "changed", before: before ?? null };
        });
      },

      async apply(tx, rows: Accepted<ScoreRow>[]) {
        const history: NewAuditEntry[] = [];
        // Start a draft for each organisation and period that has none yet (once per import:
        // a later chunk finds it in `created`).
        const missing = new Map<string, ScoreRow>();
        for (const { item } of rows) {
          const key = pairKey(item.organisation.id, item.period.id, item.careSetting);
          if (item.assessmentId == null && !created.has(key)) missing.set(key, item);
        }
        if (missing.size > 0) {
          const inserted = await tx
            .insert(assessments)
            .values([...missing.values()].map((m) => ({ organisationId: m.organisation.id, periodId: m.period.id, careSetting: m.careSetting, createdById: actor.id, updatedById: actor.id })))
            .returning({ id: assessments.id, organisationId: assessments.organisationId, periodId: assessments.periodId, careSetting: assessments.careSetting, status: assessments.status });
          // New assessments can outgrow what the planner knows of the table within this one
          // transaction (autovacuum sees only committed rows): on a database analyzed while
          // nearly empty, every score's foreign-key check then scans the table, and a
          // 100,000-row import into it took 38 s instead of 12. Its statistics, ours included, now.
          await tx.execute(sql`analyze ${assessments}`);
          for (const a of inserted) {
            const key = pairKey(a.organisationId, a.periodId, a.careSetting);
            created.set(key, a.id);
            history.push({
              actorId: actor.id,
              action: "assessment.created",
              entityType: "assessment",
              entityId: a.id,
              organisationId: a.organisationId,
              after: { status: a.status, period: missing.get(key)!.period.name, source: "import" },
            });
          }
        }
        const written = rows.map(({ item, before }) => ({
          item,
          before: before as number | null,
          assessmentId: item.assessmentId ?? created.get(pairKey(item.organisation.id, item.period.id, item.careSetting))!,
        }));
        for (let at = 0; at < written.length; at += BATCH) {
          await upsertScores(tx, written.slice(at, at + BATCH).map((w) => ({ assessment_id: w.assessmentId, domain_id: w.item.domain.id, score: w.item.score })));
        }
        for (const { item, before, assessmentId } of written) {
          touched.add(assessmentId);
          history.push({
            actorId: actor.id,
            action: "score.changed",
            entityType: "domain_score",
            entityId: `${assessmentId}:${item.domain.id}`,
            organisationId: item.organisation.id,
            before: before == null ? null : { score: before, domain: item.domain.name, period: item.period.name, unit: item.unit },
            after: { score: item.score, domain: item.domain.name, period: item.period.name, unit: item.unit, source: "import" },
          });
        }
        for (let at = 0; at < history.length; at += BATCH) await recordAuditBatch(tx, history.slice(at, at + BATCH));
      },

      async finish(tx) {
        // A form opened before the import is now out of date: its save is refused, not lost.
        const ids = [...touched];
        for (let at = 0; at < ids.length; at += BATCH) {
          await tx
            .update(assessments)
            .set({ version: sql`${assessments.version} + 1`, updatedAt: new Date(), updatedById: actor.id })
            .where(inArray(assessments.id, ids.slice(at, at + BATCH)));
        }
      },
    };
  },
};

/** Thousands of scores in one statement: the rows travel as one JSON parameter (see recordAuditBatch). */
async function upsertScores(tx: Database, rows: { assessment_id: string; domain_id: string; score: number }[]): Promise<void> {
  await tx.execute(sql`
    insert into ${domainScores} (assessment_id, domain_id, score)
    select r.assessment_id, r.domain_id, r.score
    from jsonb_to_recordset(${JSON.stringify(rows)}::text::jsonb) as r(assessment_id uuid, domain_id uuid, score double precision)
    on conflict (assessment_id, domain_id) do update set score = excluded.score`);
}
