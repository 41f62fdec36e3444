import { describe, expect, it } from "vitest";
import { createAssessment, saveAssessmentScores } from "@/db/commands/assessments";
import { checkDatabaseHealth } from "@/db/health";
import { expectedMigrations } from "@/db/migrate";
import { getFrameworkStructure } from "@/db/queries/frameworks";
import { getNationalAveragesByPeriod, listReportedScoresByPeriod } from "@/db/queries/maturity";
import { assessmentPeriods, frameworkDomains, frameworkSections, frameworks, nationalAverages } from "@/db/schema";
import { buildHeatmap } from "@/lib/heatmap";
import { scaleOf } from "@/lib/scale";
import { AppError } from "@/lib/errors";
import { actor, demo, seeded } from "../support/fixtures";
import { testDb } from "../support/test-database";
import { dmiScale } from "../support/scales";

describe("another framework", () => {
  it("works end to end with its own sections and number of domains", async () => {
    const db = await testDb();
    const [fw] = await db.insert(frameworks).values({ code: "DMA-2023", name: "Digital Maturity Assessment", version: "2023" }).returning();
    const sections = await db
      .insert(frameworkSections)
      .values([
        { frameworkId: fw!.id, code: "WELL-LED", name: "Well led", position: 1 },
        { frameworkId: fw!.id, code: "SAFE", name: "Safe practice", position: 2 },
      ])
      .returning();
    const domains = await db
      .insert(frameworkDomains)
      .values([
        { frameworkId: fw!.id, sectionId: sections[0]!.id, code: "WL1", name: "Leadership and culture", shortName: "Leadership", position: 1 },
        { frameworkId: fw!.id, sectionId: sections[1]!.id, code: "SP1", name: "Cyber security", shortName: "Cyber", position: 2 },
        { frameworkId: fw!.id, sectionId: sections[1]!.id, code: "SP2", name: "Clinical safety", shortName: "Safety", position: 3 },
      ])
      .returning();
    const [period] = await db.insert(assessmentPeriods).values({ frameworkId: fw!.id, code: "2023", name: "DMA 2023", assessedOn: "2023-09-30", isOpen: true }).returning();
    await db.insert(nationalAverages).values(domains.map((d) => ({ periodId: period!.id, domainId: d.id, score: 50 })));

    const structure = await getFrameworkStructure({ frameworkId: fw!.id });
    expect(structure!.sections.map((s) => s.domains.length)).toEqual([1, 2]);

    const { byOds, domainId } = await seeded();
    const cio = await actor(demo.cioOuh);
    const created = await createAssessment({ actor: cio, organisationId: byOds("RTH"), periodId: period!.id });
    // A DMI domain is not a domain of this framework.
    const wrong = await saveAssessmentScores({ actor: cio, assessmentId: created.id, version: 1, scores: { WL1: 60, SP1: 40, SP2: 70, [domainId("R1")]: 50 } }).catch((e: unknown) => e);
    expect((wrong as AppError).code).toBe("invalid");
    await saveAssessmentScores({ actor: cio, assessmentId: created.id, version: 1, scores: { WL1: 60, SP1: 40, SP2: 70 }, submit: true });

    const [rows, national] = await Promise.all([listReportedScoresByPeriod({ periodId: period!.id, careSetting: "all" }), getNationalAveragesByPeriod({ periodId: period!.id, careSetting: "all" })]);
    // A framework inserted without a scale has the 2016 index's: 0–100 whole percentages.
    expect(scaleOf(fw!)).toEqual(dmiScale);
    const heatmap = buildHeatmap(structure!.domains.map((d) => d.id), rows, national, scaleOf(fw!));
    expect(heatmap.rows[0]!.cells.map((c) => c.score)).toEqual([60, 40, 70]);
    expect(heatmap.rows[0]!.summary).toMatchObject({ domainsAbove: 2, domainsCompared: 3 });
  });
});

describe("health", () => {
  it("reports the database reachable and every migration applied", async () => {
    const health = await checkDatabaseHealth();
    expect(health.status).toBe("ok");
    if (health.status !== "ok") return;
    expect(health.database.driver).toBe(process.env.TEST_DB === "postgres" ? "postgresql" : "pglite (embedded)");
    expect(health.migrations).toEqual({ applied: expectedMigrations().length, expected: expectedMigrations().length, latest: expectedMigrations().at(-1), upToDate: true });
  });
});
