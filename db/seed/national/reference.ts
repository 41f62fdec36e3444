// Reads what the demo seed holds (the BOB system, the 2016 DMI, the lifecycle, the
// universal capabilities) for the national generator to build on.
import { eq } from "drizzle-orm";
import type { Database } from "../../client";
import * as s from "../../schema";
import { bobSystem, dmi2016 } from "../bob-data";
import type { NationalReference } from "./types";

export async function readNationalReference(db: Database, passwordHash: string): Promise<NationalReference> {
  const [system] = await db.select().from(s.systems).where(eq(s.systems.code, bobSystem.code));
  const [framework] = await db.select().from(s.frameworks).where(eq(s.frameworks.code, dmi2016.code));
  const [lifecycle] = await db.select().from(s.lifecycles);
  if (!system || !framework || !lifecycle) throw new Error("The demo data (BOB, the 2016 DMI, the lifecycle) must be seeded before the national data set.");
  const [footprints, organisations, links, sections, domains, periods, averages, phases, outputs, capabilities, categories, assessments] = await Promise.all([
    db.select().from(s.footprints).where(eq(s.footprints.systemId, system.id)),
    db.select().from(s.organisations).where(eq(s.organisations.systemId, system.id)),
    db.select().from(s.organisationFootprints),
    db.select().from(s.frameworkSections).where(eq(s.frameworkSections.frameworkId, framework.id)),
    db.select().from(s.frameworkDomains).where(eq(s.frameworkDomains.frameworkId, framework.id)).orderBy(s.frameworkDomains.position),
    db.select().from(s.assessmentPeriods).where(eq(s.assessmentPeriods.frameworkId, framework.id)).orderBy(s.assessmentPeriods.assessedOn),
    db.selectDistinct({ periodId: s.nationalAverages.periodId }).from(s.nationalAverages),
    db.select().from(s.lifecyclePhases).where(eq(s.lifecyclePhases.lifecycleId, lifecycle.id)).orderBy(s.lifecyclePhases.number),
    db.select().from(s.phaseOutputs).orderBy(s.phaseOutputs.position),
    db.select({ id: s.universalCapabilities.id }).from(s.universalCapabilities).orderBy(s.universalCapabilities.number),
    db.select({ id: s.benefitCategories.id }).from(s.benefitCategories).orderBy(s.benefitCategories.code),
    db.select({ organisationId: s.assessments.organisationId, periodId: s.assessments.periodId }).from(s.assessments),
  ]);
  return {
    bob: {
      systemId: system.id,
      footprintIds: footprints.map((f) => f.id).sort(),
      organisations: organisations
        .sort((a, b) => a.name.localeCompare(b.name))
        .map((o) => ({ id: o.id, type: o.type, footprintIds: links.filter((l) => l.organisationId === o.id).map((l) => l.footprintId).sort() })),
    },
    dmi: {
      frameworkId: framework.id,
      sections: sections.map((x) => ({ id: x.id, code: x.code })),
      domains: domains.map((d) => ({ id: d.id, code: d.code })),
      periods: periods.map((p) => ({ id: p.id, code: p.code, name: p.name, assessedOn: p.assessedOn })),
      periodsWithNationalAverages: averages.map((a) => a.periodId),
    },
    lifecycle: { id: lifecycle.id, phases: phases.map((p) => ({ number: p.number, outputs: outputs.filter((o) => o.phaseId === p.id).map((o) => o.name) })) },
    capabilityIds: capabilities.map((c) => c.id),
    benefitCategoryIds: categories.map((c) => c.id),
    passwordHash,
    existingAssessments: new Set(assessments.map((a) => `${a.organisationId}|${a.periodId}`)),
  };
}
