import "server-only";
import { reportedStatuses } from "@/lib/assessment-workflow";
import { and, asc, desc, eq, inArray, or, sql } from "drizzle-orm";
import { getDb } from "../client";
import { assessmentPeriods, assessments, footprints, frameworkDomains, frameworkSections, frameworks, organisations, targets } from "../schema";
import type { AssessmentPeriod, Framework, FrameworkDomain, FrameworkSection } from "../schema";

export type FrameworkStructure = Framework & {
  sections: (FrameworkSection & { domains: FrameworkDomain[] })[];
  domains: FrameworkDomain[];
};

export async function listFrameworks(): Promise<Framework[]> {
  const db = await getDb();
  return db.select().from(frameworks).orderBy(desc(frameworks.publishedOn), asc(frameworks.name));
}

export type FrameworkWithCounts = Framework & { sectionCount: number; domainCount: number };

/** Every framework with how many sections and domains it has, newest first. */
export async function listFrameworksWithCounts(): Promise<FrameworkWithCounts[]> {
  const db = await getDb();
  return db
    .select({
      framework: frameworks,
      sectionCount: sql<number>`count(distinct ${frameworkSections.id})::int`,
      domainCount: sql<number>`count(${frameworkDomains.id})::int`,
    })
    .from(frameworks)
    .leftJoin(frameworkSections, eq(frameworkSections.frameworkId, frameworks.id))
    .leftJoin(frameworkDomains, eq(frameworkDomains.sectionId, frameworkSections.id))
    .groupBy(frameworks.id)
    .orderBy(desc(frameworks.publishedOn), asc(frameworks.name))
    .then((rows) => rows.map((r) => ({ ...r.framework, sectionCount: r.sectionCount, domainCount: r.domainCount })));
}

/** Frameworks on whose domains a system, its footprints or its organisations have set targets. */
export async function listFrameworkIdsWithTargets({ systemId }: { systemId: string }): Promise<Set<string>> {
  const db = await getDb();
  const rows = await db
    .selectDistinct({ frameworkId: frameworkDomains.frameworkId })
    .from(targets)
    .innerJoin(frameworkDomains, eq(frameworkDomains.id, targets.domainId))
    .leftJoin(footprints, eq(footprints.id, targets.footprintId))
    .leftJoin(organisations, eq(organisations.id, targets.organisationId))
    .where(or(eq(targets.systemId, systemId), eq(footprints.systemId, systemId), eq(organisations.systemId, systemId)));
  return new Set(rows.map((r) => r.frameworkId));
}

export async function getFrameworkById({ frameworkId }: { frameworkId: string }): Promise<Framework | null> {
  const db = await getDb();
  const [row] = await db.select().from(frameworks).where(eq(frameworks.id, frameworkId));
  return row ?? null;
}

export async function getFrameworkStructure({ frameworkId }: { frameworkId: string }): Promise<FrameworkStructure | null> {
  const db = await getDb();
  const [framework, sections, domains] = await Promise.all([
    db.select().from(frameworks).where(eq(frameworks.id, frameworkId)),
    db.select().from(frameworkSections).where(eq(frameworkSections.frameworkId, frameworkId)).orderBy(asc(frameworkSections.position)),
    db.select().from(frameworkDomains).where(eq(frameworkDomains.frameworkId, frameworkId)).orderBy(asc(frameworkDomains.position)),
  ]);
  if (!framework[0]) return null;
  return {
    ...framework[0],
    sections: sections.map((s) => ({ ...s, domains: domains.filter((d) => d.sectionId === s.id) })),
    domains,
  };
}

export async function listPeriods({ frameworkId }: { frameworkId?: string } = {}): Promise<AssessmentPeriod[]> {
  const db = await getDb();
  return db
    .select()
    .from(assessmentPeriods)
    .where(frameworkId ? eq(assessmentPeriods.frameworkId, frameworkId) : undefined)
    .orderBy(desc(assessmentPeriods.assessedOn));
}

export async function getPeriodById({ periodId }: { periodId: string }): Promise<AssessmentPeriod | null> {
  const db = await getDb();
  const [period] = await db.select().from(assessmentPeriods).where(eq(assessmentPeriods.id, periodId));
  return period ?? null;
}

export type PeriodWithCount = AssessmentPeriod & { reportedCount: number };

/** Periods of a framework, newest first, with how many organisations (of one system, if given) have reported in each. */
export async function listPeriodsWithReportedCounts({ frameworkId, systemId }: { frameworkId: string; systemId?: string }): Promise<PeriodWithCount[]> {
  const db = await getDb();
  const inSystem = systemId
    ? inArray(assessments.organisationId, db.select({ id: organisations.id }).from(organisations).where(eq(organisations.systemId, systemId)))
    : undefined;
  const rows = await db
    .select({ period: assessmentPeriods, reportedCount: sql<number>`count(${assessments.id})::int` })
    .from(assessmentPeriods)
    .leftJoin(assessments, and(eq(assessments.periodId, assessmentPeriods.id), inArray(assessments.status, [...reportedStatuses]), inSystem))
    .where(eq(assessmentPeriods.frameworkId, frameworkId))
    .groupBy(assessmentPeriods.id)
    .orderBy(desc(assessmentPeriods.assessedOn));
  return rows.map((r) => ({ ...r.period, reportedCount: r.reportedCount }));
}
