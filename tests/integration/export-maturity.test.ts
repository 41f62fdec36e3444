// The maturity downloads against the seed: the heatmap, the scores in the import format and
// the trajectories, built from the pages' own data. Expected figures come from the seed's
// modules (db/seed/bob-data.ts) and the rules as the pages state them, not from the app.
import { parse } from "csv-parse/sync";
import { beforeAll, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { createAssessment, saveAssessmentScores } from "@/db/commands/assessments";
import { listDomainScoresWithCodes } from "@/db/queries/domain-scores";
import { listFootprints } from "@/db/queries/places";
import { getHeatmapView } from "@/db/queries/views/heatmap";
import { getTrajectoriesView } from "@/db/queries/views/trajectories";
import { assessments, domainScores, organisations } from "@/db/schema";
import { baselineProviders, baselineScores, bobOrganisations, bobTrajectoryTargets, dmi2016, dmiPeriods } from "@/db/seed/bob-data";
import { toCsv } from "@/lib/export/csv";
import type { Table } from "@/lib/export/table";
import { heatmapTable } from "@/lib/export/tables/heatmap";
import { scoresImportTable } from "@/lib/export/tables/scores";
import { trajectoriesTable, trajectoryFiguresTable } from "@/lib/export/tables/trajectories";
import type { Actor } from "@/lib/permissions";
import { actor, demo, seeded } from "../support/fixtures";
import { testDb } from "../support/test-database";
import { dmiScale } from "../support/scales";

const seedScores = baselineScores();
const domains: { code: string; name: string }[] = dmi2016.sections.flatMap((s) => [...s.domains]);
const halfUp = (v: number) => Math.floor(v + 0.5 + 1e-9);
const meanOf = (ods: readonly string[], code: string) => ods.reduce((sum, o) => sum + seedScores[o as (typeof baselineProviders)[number]]![code]!, 0) / ods.length;
const trustsIn = (footprint: string) =>
  bobOrganisations.filter((o) => o.footprints.includes(footprint as never) && (baselineProviders as readonly (string | null)[]).includes(o.odsCode));

/** The CSV as an analyst's tool reads it: records of named fields. */
function csvRecords(table: Table): Record<string, string>[] {
  return parse(Buffer.from(toCsv(table), "utf8"), { bom: true, columns: true }) as Record<string, string>[];
}

let s: Awaited<ReturnType<typeof seeded>>;
let viewer: Actor, admin: Actor, board: Actor, cioOuh: Actor, cioRbft: Actor;

beforeAll(async () => {
  s = await seeded();
  [viewer, admin, board, cioOuh, cioRbft] = await Promise.all([actor(demo.viewer), actor(demo.admin), actor(demo.board), actor(demo.cioOuh), actor(demo.cioRbft)]);
});

// The trajectories first: later tests add scores (a draft submitted, an organisation without an ODS code).
describe("the trajectories downloads", () => {
  const today = "2026-11-25";

  it("give each domain's baseline (the mean of the six trusts) and, for the seven capabilities, the last BOB target, most urgent first", async () => {
    const view = (await getTrajectoriesView({ today }))!;
    const table = trajectoriesTable({ title: "Trajectories", trajectories: view.trajectories, domains: view.domains });
    expect(table.rows.map((r) => r.code)).toEqual(view.trajectories.map((t) => view.domains.get(t.domainId)!.code));
    expect(table.rows.map((r) => r.code).sort()).toEqual(domains.map((d) => d.code).sort());
    for (const d of domains) {
      const row = table.rows.find((r) => r.code === d.code)!;
      expect([row.domain, row.baseline, row.baselineOn, row.latest], d.code).toEqual([d.name, halfUp(meanOf(baselineProviders, d.code)), "2016-02-29", halfUp(meanOf(baselineProviders, d.code))]);
      const targets = bobTrajectoryTargets[d.code];
      if (targets) {
        // Every target's date has passed with no score since the baseline: off track, and the goal cannot be projected.
        expect([row.target, row.targetYear, row.status, row.goal], d.code).toEqual([targets[2], "2018/19", "Off track", "Cannot project yet"]);
      } else {
        expect([row.target, row.status, row.goal], d.code).toEqual([null, "No target", null]);
      }
    }
    // The capabilities, all missing the goal, come first.
    const capabilities = new Set(Object.keys(bobTrajectoryTargets));
    expect(table.rows.slice(0, capabilities.size).every((r) => capabilities.has(String(r.code)))).toBe(true);
  });

  it("give every figure by date: the baseline mean, the national average and the three targets of Records, Assessments & Plans", async () => {
    const view = (await getTrajectoriesView({ today }))!;
    const figures = trajectoryFiguresTable({ title: "Figures", trajectories: view.trajectories, domains: view.domains }).rows.filter((r) => r.code === "C1");
    const [t1, t2, t3] = bobTrajectoryTargets.C1!;
    expect(figures.map((r) => [r.date, r.figure, r.score])).toEqual([
      ["2016-02-29", "Actual (mean of reported providers)", halfUp(meanOf(baselineProviders, "C1"))],
      ["2016-02-29", "National average", seedScores.NATIONAL.C1],
      ["2017-03-31", "Target for end of 2016/17", t1],
      ["2018-03-31", "Target for end of 2017/18", t2],
      ["2019-03-31", "Target for end of 2018/19", t3],
    ]);
  });

  it("for one organisation as at a past date, use its own scores only", async () => {
    const view = (await getTrajectoriesView({ today, organisation: s.byOds("RHW"), asAt: "2017-01-31" }))!;
    expect(view.judgedOn).toBe("2017-01-31");
    const rows = trajectoriesTable({ title: "t", trajectories: view.trajectories, domains: view.domains }).rows;
    for (const d of domains) expect(rows.find((r) => r.code === d.code)!.baseline, d.code).toBe(seedScores.RHW[d.code]);
  });
});

describe("the heatmap download", () => {
  it("has a row per Oxfordshire trust with the seed's baseline scores and gaps, then the mean, national and counts rows", async () => {
    const { data } = await getHeatmapView({ period: "2016-BASELINE", footprint: "OXON" });
    const records = csvRecords(heatmapTable({ title: "Heatmap", domains: data!.structure.domains, heatmap: data!.heatmap, meanLabel: data!.meanLabel, scale: dmiScale }));
    const trusts = trustsIn("OXON").sort((a, b) => a.name.localeCompare(b.name));
    expect(trusts.map((t) => t.odsCode)).toEqual(["RNU", "RTH", "RYE"]);
    expect(records.map((r) => r.Organisation)).toEqual([
      ...trusts.map((t) => t.name),
      "Oxfordshire mean (average provider score)",
      "National average",
      "Providers above national",
      "Providers with a score",
    ]);
    for (const [i, t] of trusts.entries()) {
      const row = records[i]!;
      const mine = seedScores[t.odsCode as (typeof baselineProviders)[number]];
      expect([row["ODS code"], row.Status]).toEqual([t.odsCode, "Approved"]);
      for (const d of domains) {
        expect(row[`${d.code} ${d.name}`], `${t.odsCode} ${d.code}`).toBe(String(mine[d.code]));
        expect(row[`${d.code} gap to national`], `${t.odsCode} ${d.code}`).toBe(String(mine[d.code]! - seedScores.NATIONAL[d.code]!));
      }
      const above = domains.filter((d) => mine[d.code]! > seedScores.NATIONAL[d.code]!).length;
      expect([row["Domains above national"], row["Domains compared with national"]]).toEqual([String(above), String(domains.length)]);
    }
    const [mean, national, above, scored] = records.slice(trusts.length);
    const ods = trusts.map((t) => t.odsCode!);
    for (const d of domains) {
      expect(mean![`${d.code} ${d.name}`], d.code).toBe(String(halfUp(meanOf(ods, d.code))));
      expect(national![`${d.code} ${d.name}`], d.code).toBe(String(seedScores.NATIONAL[d.code]));
      expect(above![`${d.code} ${d.name}`], d.code).toBe(String(ods.filter((o) => seedScores[o as "RTH"][d.code]! > seedScores.NATIONAL[d.code]!).length));
      expect(scored![`${d.code} ${d.name}`]).toBe("3");
      expect(mean![`${d.code} gap to national`]).toBe("");
    }
  });

  it("for the whole system names the mean row by the system's code and counts Leadership 6/6 above national, as the scores say", async () => {
    const { data } = await getHeatmapView({ period: "2016-BASELINE" });
    const table = heatmapTable({ title: "Heatmap", domains: data!.structure.domains, heatmap: data!.heatmap, meanLabel: data!.meanLabel, scale: dmiScale });
    expect(table.rows.filter((r) => r.status === "Approved")).toHaveLength(baselineProviders.length);
    const aboveRow = table.rows.find((r) => r.organisation === "Providers above national")!;
    expect(aboveRow["score:R2"]).toBe(baselineProviders.filter((o) => seedScores[o].R2! > seedScores.NATIONAL.R2!).length);
    expect(aboveRow["score:R2"]).toBe(6);
    expect(table.rows.some((r) => r.organisation === "BOB mean (average provider score)")).toBe(true);
  });
});

describe("the scores download in the import format", () => {
  const asCsvLines = (viewerActor: Actor, rows: Awaited<ReturnType<typeof listDomainScoresWithCodes>>) =>
    (parse(Buffer.from(toCsv(scoresImportTable({ title: "Scores", rows, viewer: viewerActor })), "utf8"), { bom: true }) as string[][]).map((cells) => cells.join(","));

  it("starts with exactly the importer's header and has one row per seeded domain score, by ODS code and domain order", async () => {
    // The 2016 index's scores (England's DMA results are in the database too).
    const lines = asCsvLines(viewer, await listDomainScoresWithCodes({ frameworkId: s.dmi.id }));
    expect(lines[0]).toBe("ods_code,framework,period,domain,score");
    const baseline = dmiPeriods.find((p) => p.code === "2016-BASELINE")!.code;
    const expected = [...baselineProviders].sort().flatMap((ods) => domains.map((d) => `${ods},${dmi2016.code},${baseline},${d.code},${seedScores[ods][d.code]}`));
    expect(lines.slice(1)).toEqual(expected);
  });

  it("filters by footprint (organisations serving it), organisation and period", async () => {
    const berks = (await listDomainScoresWithCodes({ footprintId: await footprintId("BERKSW") })).map((r) => r.odsCode);
    expect([...new Set(berks)].sort()).toEqual(trustsIn("BERKSW").map((o) => o.odsCode).sort());
    const rth = await listDomainScoresWithCodes({ organisationId: s.byOds("RTH"), frameworkId: s.dmi.id });
    expect(rth.map((r) => `${r.domainCode}=${r.score}`)).toEqual(domains.map((d) => `${d.code}=${seedScores.RTH[d.code]}`));
    expect(await listDomainScoresWithCodes({ periodId: s.period("2017-REASSESSMENT").id })).toEqual([]);
  });

  it("leaves out organisations without an ODS code, which the heatmap still shows", async () => {
    const db = await testDb();
    const [pcn] = await db.select().from(organisations).where(eq(organisations.name, "Oxfordshire CCG primary care"));
    expect(pcn!.odsCode).toBeNull();
    const [a] = await db.insert(assessments).values({ organisationId: pcn!.id, periodId: s.period("2016-BASELINE").id, status: "approved" }).returning();
    await db.insert(domainScores).values(s.dmiDomains.map((d) => ({ assessmentId: a!.id, domainId: d.id, score: 40 })));
    const { data } = await getHeatmapView({ period: "2016-BASELINE", footprint: "OXON" });
    expect(data!.organisations.map((o) => o.name)).toContain("Oxfordshire CCG primary care");
    const rows = await listDomainScoresWithCodes({ footprintId: await footprintId("OXON") });
    expect(new Set(rows.map((r) => r.organisationId)).has(pcn!.id)).toBe(false);
    expect([...new Set(rows.map((r) => r.odsCode))].sort()).toEqual(["RNU", "RTH", "RYE"]);
  });

  it("includes a draft only for its own CIO and admins, as the assessments pages do; once submitted, for everyone", async () => {
    const period = s.period("2017-REASSESSMENT");
    const draft = await createAssessment({ actor: cioOuh, organisationId: s.byOds("RTH"), periodId: period.id });
    const scores = Object.fromEntries(domains.map((d) => [d.code, 61]));
    const saved = await saveAssessmentScores({ actor: cioOuh, assessmentId: draft.id, version: draft.version, scores });
    const rows = await listDomainScoresWithCodes({ periodId: period.id });
    const seen = (who: Actor) => asCsvLines(who, rows).slice(1);
    const rthDraft = domains.map((d) => `RTH,DMI-2016,2017-REASSESSMENT,${d.code},61`);
    expect(seen(cioOuh)).toEqual(rthDraft);
    expect(seen(admin)).toEqual(rthDraft);
    expect(seen(viewer)).toEqual([]);
    expect(seen(board)).toEqual([]);
    expect(seen(cioRbft)).toEqual([]);
    await saveAssessmentScores({ actor: cioOuh, assessmentId: draft.id, version: saved.assessment.version, scores, submit: true });
    expect(asCsvLines(viewer, await listDomainScoresWithCodes({ periodId: period.id })).slice(1)).toEqual(rthDraft);
  });
});

async function footprintId(code: string): Promise<string> {
  return (await listFootprints()).find((f) => f.code === code)!.id;
}

