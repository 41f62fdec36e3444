import { and, eq, inArray, sql } from "drizzle-orm";
import type { Database } from "../client";
import { assessmentPeriods, assessments, domainScores, frameworkDomains, frameworks, organisationNameMappings, organisations, systems } from "../schema";
import { recordAuditBatch, type NewAuditEntry } from "../commands/audit";
import { dmaFramework, dmaPeriodOf, seedDmaFramework } from "../seed/dma-framework";
import { readDmaWorkbook } from "@/lib/dma/workbook";
import type { DmaRow } from "@/lib/dma/results";
import { buildNameIndex, matchName, type NameEntry } from "@/lib/ods/match";
import { normaliseOrganisationName } from "@/lib/ods/names";
import type { ImportRowError } from "@/lib/import/header";
import type { Actor } from "@/lib/permissions";
import type { ImportSummary } from "./run";

// NHS England's DMA results workbook, imported as published: one approved assessment per
// organisation, care setting and year, its pillar scores as the file gives them and the
// overall score stored as published (never recomputed from the pillars). The file names
// organisations and ICBs but gives no codes: names are matched to ODS codes through one
// normalised key, or through a mapping an administrator made (remembered for next year's
// file). A name that matches nothing is an error unless the user chose to leave such rows
// out, and that choice is recorded in the history with the names left out.

export interface DmaImportOptions {
  leaveOutUnmatched?: boolean;
  /** Published name → ODS code, for this file (and remembered when it is committed). */
  mappings?: Record<string, string>;
}

export interface UnmatchedName {
  name: string;
  kind: "provider" | "icb";
  /** Where it appears: "SC - 2025 Pillar Summary" row 57, … */
  places: string[];
}

export interface DmaImportSummary extends ImportSummary {
  year: number | null;
  unmatched: UnmatchedName[];
  leftOut: number;
}

interface Figure {
  organisationId: string;
  organisationName: string;
  careSetting: DmaRow["careSetting"];
  systemId: string | null;
  year: number;
  /** Pillar code → score; empty for a year with only an overall score. */
  scores: Record<string, number>;
  overall: number | null;
}

const figureKey = (f: { organisationId: string; careSetting: string; year: number }) => `${f.organisationId}|${f.careSetting}|${f.year}`;

/** Reads, matches and checks the workbook; with `commit`, writes it through `db` (the caller's transaction). */
export async function runDmaImport({
  db,
  actor,
  bytes,
  commit,
  options = {},
}: {
  db: Database;
  actor: Actor;
  bytes: Uint8Array;
  commit: boolean;
  options?: DmaImportOptions;
}): Promise<DmaImportSummary> {
  const summary: DmaImportSummary = { rowCount: 0, created: 0, changed: 0, unchanged: 0, errorCount: 0, errors: [], year: null, unmatched: [], leftOut: 0 };
  const fail = (error: ImportRowError) => {
    summary.errorCount++;
    summary.errors.push(error);
  };
  const read = await readDmaWorkbook(bytes, commit ? "transaction" : "shared");
  if (!read.ok) {
    for (const e of read.errors) fail({ line: e.line ?? 0, column: e.column, message: e.sheet ? `Sheet “${e.sheet}”: ${e.message}` : e.message });
    return summary;
  }
  summary.year = read.year;
  summary.rowCount = read.rows.length;

  const [orgRows, remembered, systemRows] = await Promise.all([
    db.select({ id: organisations.id, code: organisations.odsCode, name: organisations.name, type: organisations.type }).from(organisations),
    db.select({ name: organisationNameMappings.name, code: organisations.odsCode }).from(organisationNameMappings).innerJoin(organisations, eq(organisations.id, organisationNameMappings.organisationId)),
    db.select({ id: systems.id, icbCode: systems.icbCode }).from(systems),
  ]);
  const withCodes = orgRows.filter((o): o is typeof o & { code: string } => o.code != null);
  const entries: NameEntry[] = withCodes.map((o) => ({ code: o.code, name: o.name, kind: o.type === "icb" ? "icb" : "trust" }));
  const mapped = { ...Object.fromEntries(remembered.filter((r) => r.code).map((r) => [r.name, r.code!])), ...(options.mappings ?? {}) };
  const { index, unknownRemembered } = buildNameIndex(entries, mapped);
  for (const u of unknownRemembered) fail({ line: 0, column: null, message: `“${u.name}” is mapped to ${u.code}, but no organisation has that ODS code` });
  const orgByCode = new Map(withCodes.map((o) => [o.code, o]));
  const systemByIcb = new Map(systemRows.filter((s) => s.icbCode).map((s) => [s.icbCode!, s.id]));

  const unmatched = new Map<string, UnmatchedName>();
  const figures: Figure[] = [];
  for (const row of read.rows) {
    const found = matchName(index, row.organisation, row.kind === "icb" ? "icb" : "trust");
    const place = `“${row.sheet}” row ${row.line}`;
    if (!found) {
      const key = `${row.kind}|${normaliseOrganisationName(row.organisation)}`;
      const entry = unmatched.get(key) ?? { name: row.organisation, kind: row.kind, places: [] };
      entry.places.push(place);
      unmatched.set(key, entry);
      if (options.leaveOutUnmatched) summary.leftOut++;
      else {
        const what = row.kind === "icb" ? "ICB" : "organisation";
        fail({ line: row.line, column: row.kind === "icb" ? "ICB" : "Provider", message: `Sheet “${row.sheet}”: no ${what} in the app matches “${row.organisation}”. Map it to an organisation, add it, or leave such rows out.` });
      }
      continue;
    }
    const organisation = orgByCode.get(found.code)!;
    // The ICB the file files it under at the time (an ambulance trust's lead ICB).
    const icb = row.kind === "icb" ? found : matchName(index, row.system, "icb");
    const systemId = icb ? (systemByIcb.get(icb.code) ?? null) : null;
    for (const [yearText, overall] of Object.entries(row.overall)) {
      const year = Number(yearText);
      if (year === read.year || overall == null) continue;
      figures.push({ organisationId: organisation.id, organisationName: organisation.name, careSetting: row.careSetting, systemId, year, scores: {}, overall });
    }
    const scores = Object.fromEntries(Object.entries(row.pillars).filter((e): e is [string, number] => e[1] != null));
    figures.push({ organisationId: organisation.id, organisationName: organisation.name, careSetting: row.careSetting, systemId, year: read.year, scores, overall: row.overall[read.year] ?? null });
  }
  summary.unmatched = [...unmatched.values()];
  if (summary.errorCount > 0) return summary;

  const framework = commit ? await seedDmaFramework(db) : (await db.select({ id: frameworks.id }).from(frameworks).where(eq(frameworks.code, dmaFramework.code)))[0]?.id;
  const years = [...new Set(figures.map((f) => f.year))];
  const periodCodes = years.map((y) => dmaPeriodOf(y).code);
  const [periodRows, domainRows] = framework
    ? await Promise.all([
        db.select().from(assessmentPeriods).where(and(eq(assessmentPeriods.frameworkId, framework), inArray(assessmentPeriods.code, periodCodes))),
        db.select({ id: frameworkDomains.id, code: frameworkDomains.code, name: frameworkDomains.name }).from(frameworkDomains).where(eq(frameworkDomains.frameworkId, framework)),
      ])
    : [[], []];
  const domainByCode = new Map(domainRows.map((d) => [d.code, d]));
  const periodByYear = new Map(periodRows.map((p) => [Number(p.code.slice(4)), p]));
  const existing = await existingFigures(db, [...periodByYear.values()].map((p) => p.id), commit);
  const yearOfPeriod = new Map([...periodByYear.entries()].map(([y, p]) => [p.id, y]));
  const before = new Map(existing.map((e) => [figureKey({ ...e, year: yearOfPeriod.get(e.periodId)! }), e]));

  // Each pillar score and each overall score is one figure: created, changed or unchanged.
  for (const f of figures) {
    const was = before.get(figureKey(f));
    for (const [code, score] of Object.entries(f.scores)) tally(summary, was?.scores[domainByCode.get(code)?.id ?? ""], score);
    if (f.overall != null) tally(summary, was?.overall ?? undefined, f.overall);
  }
  if (!commit) return summary;

  for (const year of years) {
    if (periodByYear.has(year)) continue;
    // Next year's file brings its own collection year.
    const [period] = await db.insert(assessmentPeriods).values({ ...dmaPeriodOf(year), frameworkId: framework! }).returning();
    periodByYear.set(year, period!);
  }
  await writeFigures(db, actor, figures, { periodByYear, domainByCode, before });
  await rememberMappings(db, actor, options.mappings ?? {}, orgByCode);
  return summary;
}

function tally(summary: ImportSummary, was: number | undefined, now: number) {
  if (was === undefined) summary.created++;
  else if (was === now) summary.unchanged++;
  else summary.changed++;
}

interface ExistingFigure {
  assessmentId: string;
  organisationId: string;
  periodId: string;
  careSetting: string;
  overall: number | null;
  scores: Record<string, number>;
}

async function existingFigures(db: Database, periodIds: string[], lock: boolean): Promise<ExistingFigure[]> {
  if (periodIds.length === 0) return [];
  const query = db
    .select({ id: assessments.id, organisationId: assessments.organisationId, periodId: assessments.periodId, careSetting: assessments.careSetting, overall: assessments.publishedOverall })
    .from(assessments)
    .where(inArray(assessments.periodId, periodIds));
  const rows = lock ? await query.for("update") : await query;
  const scores = rows.length
    ? await db
        .select({ assessmentId: domainScores.assessmentId, domainId: domainScores.domainId, score: domainScores.score })
        .from(domainScores)
        .where(inArray(domainScores.assessmentId, rows.map((r) => r.id)))
    : [];
  const byAssessment = new Map<string, Record<string, number>>();
  for (const s of scores) byAssessment.set(s.assessmentId, { ...(byAssessment.get(s.assessmentId) ?? {}), [s.domainId]: s.score });
  return rows.map((r) => ({ assessmentId: r.id, organisationId: r.organisationId, periodId: r.periodId, careSetting: r.careSetting, overall: r.overall, scores: byAssessment.get(r.id) ?? {} }));
}

async function writeFigures(
  db: Database,
  actor: Actor,
  figures: Figure[],
  {
    periodByYear,
    domainByCode,
    before,
  }: {
    periodByYear: Map<number, typeof assessmentPeriods.$inferSelect>;
    domainByCode: Map<string, { id: string; code: string; name: string }>;
    before: Map<string, ExistingFigure>;
  },
) {
  const now = new Date();
  const history: NewAuditEntry[] = [];
  const source = "NHS England DMA results";
  for (const f of figures) {
    const period = periodByYear.get(f.year)!;
    const scores = Object.fromEntries(Object.entries(f.scores).map(([code, score]) => [domainByCode.get(code)!.id, score]));
    const was = before.get(figureKey(f));
    if (!was) {
      const [created] = await db
        .insert(assessments)
        .values({
          organisationId: f.organisationId,
          periodId: period.id,
          careSetting: f.careSetting,
          systemId: f.systemId,
          publishedOverall: f.overall,
          status: "approved",
          createdById: actor.id,
          updatedById: actor.id,
          approvedById: actor.id,
          approvedAt: now,
        })
        .returning({ id: assessments.id });
      if (Object.keys(scores).length > 0) {
        await db.insert(domainScores).values(Object.entries(scores).map(([domainId, score]) => ({ assessmentId: created!.id, domainId, score })));
      }
      // The same event as the seed's baseline, so that "as at" views rebuild it.
      history.push({
        actorId: actor.id,
        action: "assessment.imported",
        entityType: "assessment",
        entityId: created!.id,
        organisationId: f.organisationId,
        after: { status: "approved", period: period.name, careSetting: f.careSetting, scores, publishedOverall: f.overall, source },
      });
      continue;
    }
    for (const [domainId, score] of Object.entries(scores)) {
      const old = was.scores[domainId];
      if (old === score) continue;
      await db
        .insert(domainScores)
        .values({ assessmentId: was.assessmentId, domainId, score })
        .onConflictDoUpdate({ target: [domainScores.assessmentId, domainScores.domainId], set: { score: sql`excluded.score` } });
      const domain = [...domainByCode.values()].find((d) => d.id === domainId)!;
      history.push({
        actorId: actor.id,
        action: "score.changed",
        entityType: "domain_score",
        entityId: `${was.assessmentId}:${domainId}`,
        organisationId: f.organisationId,
        before: old === undefined ? null : { score: old, domain: domain.name, period: period.name, unit: "" },
        after: { score, domain: domain.name, period: period.name, unit: "", source },
      });
    }
    if (f.overall != null && f.overall !== was.overall) {
      await db
        .update(assessments)
        .set({ publishedOverall: f.overall, version: sql`${assessments.version} + 1`, updatedAt: now, updatedById: actor.id })
        .where(eq(assessments.id, was.assessmentId));
      history.push({
        actorId: actor.id,
        action: "assessment.overall-published",
        entityType: "assessment",
        entityId: was.assessmentId,
        organisationId: f.organisationId,
        before: { publishedOverall: was.overall },
        after: { publishedOverall: f.overall, period: period.name, source },
      });
    }
  }
  for (let at = 0; at < history.length; at += 2000) await recordAuditBatch(db, history.slice(at, at + 2000));
  // Imports add many assessments at once: the planner learns of them now (see db/imports/scores).
  await db.execute(sql`analyze ${assessments}`);
}

/** Names mapped by hand for this file, kept for the next one (a later mapping of the same name replaces it). */
async function rememberMappings(db: Database, actor: Actor, mappings: Record<string, string>, orgByCode: Map<string, { id: string }>) {
  const rows = Object.entries(mappings).map(([name, code]) => ({ nameKey: normaliseOrganisationName(name), name, organisationId: orgByCode.get(code)!.id, createdById: actor.id }));
  if (rows.length === 0) return;
  await db
    .insert(organisationNameMappings)
    .values(rows)
    .onConflictDoUpdate({ target: organisationNameMappings.nameKey, set: { organisationId: sql`excluded.organisation_id`, name: sql`excluded.name`, createdById: sql`excluded.created_by_id` } });
  await recordAuditBatch(
    db,
    rows.map((r) => ({ actorId: actor.id, action: "organisation-name.mapped", entityType: "organisation", entityId: r.organisationId, organisationId: r.organisationId, after: { name: r.name } })),
  );
}
