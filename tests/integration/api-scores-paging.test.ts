import { and, asc, eq, inArray } from "drizzle-orm";
import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { listReportedScoreRows } from "@/db/queries/api-scores";
import * as s from "@/db/schema";
import { generateNationalDataSet } from "@/db/seed/national/generate";

// /api/v1/scores finds its page among assessments (db/queries/api-scores.ts). Against the
// plain way, every reported score sorted in SQL and cut in memory, on the demo data (BOB's
// 2016 index and England's NHS England DMA results) with a synthetic system beside it (a
// framework of its own, several periods), for any page and filters.

type Row = Awaited<ReturnType<typeof listReportedScoreRows>>["rows"][number];
type Listed = Omit<Row, "status"> & { status: string; periodId: string; domainId: string };
let all: Listed[] = [];
let footprintMembers = new Map<string, Set<string>>();
let choices: { frameworks: { id: string; code: string }[]; periods: { id: string; frameworkCode: string }[]; domains: { id: string; frameworkCode: string }[]; organisations: string[]; footprints: string[] };

beforeAll(async () => {
  const db = await getDb();
  await generateNationalDataSet(db, { seed: 7, scale: 0.02 });
  all = await db
    .select({
      assessmentId: s.assessments.id,
      organisationId: s.organisations.id,
      odsCode: s.organisations.odsCode,
      organisation: s.organisations.name,
      framework: s.frameworks.code,
      period: s.assessmentPeriods.code,
      periodName: s.assessmentPeriods.name,
      assessedOn: s.assessmentPeriods.assessedOn,
      careSetting: s.assessments.careSetting,
      section: s.frameworkSections.code,
      domainCode: s.frameworkDomains.code,
      domainName: s.frameworkDomains.name,
      score: s.domainScores.score,
      status: s.assessments.status,
      periodId: s.assessments.periodId,
      domainId: s.domainScores.domainId,
    })
    .from(s.domainScores)
    .innerJoin(s.assessments, eq(s.assessments.id, s.domainScores.assessmentId))
    .innerJoin(s.organisations, eq(s.organisations.id, s.assessments.organisationId))
    .innerJoin(s.assessmentPeriods, eq(s.assessmentPeriods.id, s.assessments.periodId))
    .innerJoin(s.frameworks, eq(s.frameworks.id, s.assessmentPeriods.frameworkId))
    .innerJoin(s.frameworkDomains, eq(s.frameworkDomains.id, s.domainScores.domainId))
    .innerJoin(s.frameworkSections, eq(s.frameworkSections.id, s.frameworkDomains.sectionId))
    .where(and(inArray(s.assessments.status, ["submitted", "approved"])))
    .orderBy(asc(s.assessmentPeriods.assessedOn), asc(s.frameworks.code), asc(s.organisations.name), asc(s.organisations.id), asc(s.assessments.id), asc(s.frameworkDomains.position), asc(s.domainScores.domainId));
  const links = await db.select().from(s.organisationFootprints);
  footprintMembers = new Map();
  for (const l of links) footprintMembers.set(l.footprintId, (footprintMembers.get(l.footprintId) ?? new Set()).add(l.organisationId));
  const frameworks = await db.select({ id: s.frameworks.id, code: s.frameworks.code }).from(s.frameworks);
  const codeOf = new Map(frameworks.map((f) => [f.id, f.code]));
  choices = {
    frameworks,
    periods: (await db.select().from(s.assessmentPeriods)).map((p) => ({ id: p.id, frameworkCode: codeOf.get(p.frameworkId)! })),
    domains: (await db.select().from(s.frameworkDomains)).map((d) => ({ id: d.id, frameworkCode: codeOf.get(d.frameworkId)! })),
    organisations: [...new Set(all.map((r) => r.organisationId))],
    footprints: [...footprintMembers.keys()],
  };
}, 120_000);

describe("GET /scores paging at national scale", () => {
  it("has reported scores of every framework and several periods to page through", () => {
    expect(all.length).toBeGreaterThan(5_000);
    expect(new Set(all.map((r) => r.framework))).toEqual(new Set(["DMI-2016", "NHSE-DMA", "DMA-2023"]));
    expect(new Set(all.map((r) => r.period)).size).toBeGreaterThan(4);
  });

  it("gives, for any page and filters, the same rows and total as sorting them all", async () => {
    const filters = fc.record(
      {
        framework: fc.constantFrom(...choices.frameworks),
        periods: fc.subarray(choices.periods, { minLength: 1, maxLength: 4 }),
        domains: fc.subarray(choices.domains, { minLength: 1, maxLength: 6 }),
        organisation: fc.constantFrom(...choices.organisations),
        footprint: fc.constantFrom(...choices.footprints),
      },
      { requiredKeys: [] },
    );
    await fc.assert(
      fc.asyncProperty(filters, fc.integer({ min: 1, max: 400 }), fc.nat(), async (f, limit, offsetSeed) => {
        const matching = all.filter(
          (r) =>
            (!f.framework || r.framework === f.framework.code) &&
            (!f.periods || f.periods.some((p) => p.id === r.periodId)) &&
            (!f.domains || f.domains.some((d) => d.id === r.domainId)) &&
            (!f.organisation || r.organisationId === f.organisation) &&
            (!f.footprint || footprintMembers.get(f.footprint)!.has(r.organisationId)),
        );
        // Offsets anywhere in the list, on its last page, and past its end.
        const offset = offsetSeed % (matching.length + limit + 2);
        const got = await listReportedScoreRows({
          frameworkId: f.framework?.id,
          periodIds: f.periods?.map((p) => p.id),
          domainIds: f.domains?.map((d) => d.id),
          organisationId: f.organisation,
          footprintId: f.footprint,
          limit,
          offset,
        });
        expect(got.total).toBe(matching.length);
        expect(got.rows).toEqual(matching.slice(offset, offset + limit).map(({ periodId: _p, domainId: _d, ...row }) => row));
      }),
      { numRuns: 40 },
    );
  }, 120_000);

  it("answers an empty page, with the total, however far past the end the offset is", async () => {
    for (const offset of [all.length, 2 ** 31, Number.MAX_SAFE_INTEGER - 1000]) {
      expect(await listReportedScoreRows({ limit: 1000, offset })).toEqual({ rows: [], total: all.length });
    }
  });

  it("walks the whole unfiltered list in pages of 997 without gaps or repeats", async () => {
    const walked: Row[] = [];
    for (let offset = 0; ; offset += 997) {
      const page = await listReportedScoreRows({ limit: 997, offset });
      expect(page.total).toBe(all.length);
      if (page.rows.length === 0) break;
      walked.push(...page.rows);
    }
    expect(walked).toEqual(all.map(({ periodId: _p, domainId: _d, ...row }) => row));
  });
});
