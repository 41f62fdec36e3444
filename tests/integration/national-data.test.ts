import { count, eq, sql } from "drizzle-orm";
import type { PgTable } from "drizzle-orm/pg-core";
import { describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { getHeatmapView } from "@/db/queries/views/heatmap";
import { getUserCredentialsByEmail, getUserWithScope } from "@/db/queries/users";
import * as s from "@/db/schema";
import { generateNationalDataSet } from "@/db/seed/national/generate";
import { writeNationalPlan } from "@/db/seed/national/write";
import { emptyPlan, type NationalPlan } from "@/db/seed/national/types";
import { rowsOf } from "@/db/result-rows";
import { verifyPassword } from "@/lib/auth/password";

const rows = async (table: PgTable) => {
  const [row] = await (await getDb()).select({ n: count() }).from(table);
  return row!.n;
};

describe("npm run generate:national at the smallest scale, on the demo database", () => {
  let plan: NationalPlan;
  const before: Record<string, number> = {};

  it("writes every planned row beside the demo's", async () => {
    for (const [name, table] of Object.entries(counted)) before[name] = await rows(table);
    plan = await generateNationalDataSet(await getDb(), { seed: 4, scale: 0.02 });
    expect(plan.systems).toHaveLength(1);
    for (const [name, table] of Object.entries(counted)) {
      expect({ name, n: await rows(table) }).toEqual({ name, n: before[name]! + plan[name as keyof typeof counted].length });
    }
  });

  it("leaves the planner's statistics up to date with the rows written", async () => {
    // Without them the planner takes each table for a few hundred rows (see db/analyze.ts).
    const estimates = rowsOf<{ table: string; estimate: number }>(
      await (await getDb()).execute(sql`select relname as "table", reltuples::float8 as estimate from pg_class where relname in ('domain_scores', 'assessments', 'audit_log') order by relname`),
    );
    const actual = { domain_scores: await rows(s.domainScores), assessments: await rows(s.assessments), audit_log: await rows(s.auditLog) };
    expect(estimates.map((e) => e.table)).toEqual(["assessments", "audit_log", "domain_scores"]);
    for (const { table, estimate } of estimates) expect({ table, estimate: Math.round(estimate) }).toEqual({ table, estimate: actual[table as keyof typeof actual] });
  });

  it("shows the second framework's heatmap for a generated footprint, with the generated scores", async () => {
    const db = await getDb();
    const footprint = plan.footprints[0]!;
    const period = plan.assessmentPeriods.find((p) => p.code === "DMA-2025")!;
    const view = await getHeatmapView({ framework: "DMA-2023", period: period.code, footprint: footprint.code });
    const members = new Set(plan.organisationFootprints.filter((l) => l.footprintId === footprint.id).map((l) => l.organisationId));
    const assessed = plan.assessments.filter((a) => a.periodId === period.id && members.has(a.organisationId));
    expect(view.data!.organisations.map((o) => o.id).sort()).toEqual(assessed.map((a) => a.organisationId).sort());
    expect(view.data!.structure.domains).toHaveLength(29);
    const [stored] = await db.select({ n: count() }).from(s.domainScores).innerJoin(s.assessments, eq(s.assessments.id, s.domainScores.assessmentId)).where(eq(s.assessments.periodId, period.id!));
    expect(stored!.n).toBe(plan.domainScores.filter((x) => plan.assessments.find((a) => a.id === x.assessmentId)?.periodId === period.id).length);
  });

  it("gives the generated accounts the demo password and their organisations", async () => {
    const cio = await getUserCredentialsByEmail({ email: "cio1.syn01@national.demo.nhs.uk" });
    expect(await verifyPassword(cio!.passwordHash!, "roadmap-demo-2026")).toBe(true);
    const scoped = await getUserWithScope({ userId: cio!.id });
    const acute = plan.organisations.filter((o) => o.type === "acute").map((o) => o.id);
    expect(scoped!.organisationIds.sort()).toEqual(acute.sort());
  });

  it("refuses to generate twice into one database, writing nothing", async () => {
    const systemsBefore = await rows(s.systems);
    await expect(generateNationalDataSet(await getDb(), { seed: 5, scale: 0.02 })).rejects.toThrow(/already holds the national data set/);
    expect(await rows(s.systems)).toBe(systemsBefore);
  });

  it("writes all of a plan or none of it", async () => {
    const db = await getDb();
    const broken = emptyPlan();
    broken.systems.push({ id: "6a0e1d8c-1111-4111-8111-111111111111", code: "BROKEN", name: "Broken" });
    // The last table written refers to a user who does not exist.
    broken.auditLog.push({ action: "test", entityType: "test", entityId: "x", actorId: "6a0e1d8c-2222-4222-8222-222222222222" });
    await expect(writeNationalPlan(db, broken)).rejects.toThrow();
    expect(await db.select().from(s.systems).where(eq(s.systems.code, "BROKEN"))).toEqual([]);
  });
});

const counted = {
  systems: s.systems,
  organisations: s.organisations,
  assessmentPeriods: s.assessmentPeriods,
  assessments: s.assessments,
  domainScores: s.domainScores,
  nationalAverages: s.nationalAverages,
  targets: s.targets,
  projects: s.projects,
  projectCapabilities: s.projectCapabilities,
  workstreams: s.workstreams,
  tollgateReviews: s.tollgateReviews,
  reviewConditions: s.reviewConditions,
  auditLog: s.auditLog,
} as const;
