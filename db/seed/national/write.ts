// Writes a planned national data set in one transaction (all of it or none), table by
// table in foreign-key order, in multi-row INSERTs of at most ~30,000 bind parameters.
import type { PgTable } from "drizzle-orm/pg-core";
import type { Database } from "../../client";
import * as s from "../../schema";
import type { NationalPlan, TableName } from "./types";

const tables: Record<TableName, PgTable> = {
  frameworks: s.frameworks,
  frameworkSections: s.frameworkSections,
  frameworkDomains: s.frameworkDomains,
  assessmentPeriods: s.assessmentPeriods,
  systems: s.systems,
  footprints: s.footprints,
  organisations: s.organisations,
  organisationFootprints: s.organisationFootprints,
  users: s.users,
  userOrganisations: s.userOrganisations,
  assessments: s.assessments,
  domainScores: s.domainScores,
  nationalAverages: s.nationalAverages,
  targets: s.targets,
  sectionGoals: s.sectionGoals,
  stpGoals: s.stpGoals,
  programmes: s.programmes,
  programmeOwners: s.programmeOwners,
  programmeFootprints: s.programmeFootprints,
  projects: s.projects,
  projectOwners: s.projectOwners,
  projectFootprints: s.projectFootprints,
  projectCapabilities: s.projectCapabilities,
  projectMilestones: s.projectMilestones,
  projectBenefits: s.projectBenefits,
  workstreams: s.workstreams,
  workstreamFootprints: s.workstreamFootprints,
  workstreamGoals: s.workstreamGoals,
  workstreamItems: s.workstreamItems,
  deliverables: s.deliverables,
  tollgateReviews: s.tollgateReviews,
  reviewAttendees: s.reviewAttendees,
  reviewConditions: s.reviewConditions,
  auditLog: s.auditLog,
};

const MAX_PARAMETERS = 30_000;

export type Progress = (table: TableName, written: number, total: number) => void;

export async function writeNationalPlan(db: Database, plan: NationalPlan, progress: Progress = () => {}): Promise<void> {
  await db.transaction(async (tx) => {
    for (const name of Object.keys(tables) as TableName[]) {
      const rows = plan[name] as Record<string, unknown>[];
      if (rows.length === 0) continue;
      const columns = Math.max(...rows.slice(0, 50).map((r) => Object.keys(r).length));
      const chunk = Math.max(1, Math.floor(MAX_PARAMETERS / columns));
      for (let i = 0; i < rows.length; i += chunk) {
        // Drizzle's values() is typed per table; the plan's rows are each table's insert type.
        await tx.insert(tables[name]).values(rows.slice(i, i + chunk) as never);
        progress(name, Math.min(i + chunk, rows.length), rows.length);
      }
    }
  });
}
