// The rows the summaries and targets endpoints build from the app's own rules.
import { describe, expect, it } from "vitest";
import { summaryRows } from "@/lib/api/summary-rows";
import { targetRows } from "@/lib/api/target-rows";
import { buildDomainTrajectories } from "@/lib/trajectory-view";
import { dmiFrameworkScale, dmiScale } from "../support/scales";

const ids = { s: "00000000-0000-4000-8000-000000000001", f1: "00000000-0000-4000-8000-000000000002", f2: "00000000-0000-4000-8000-000000000003" };

describe("summary rows", () => {
  // Two providers: A serves F1; B serves F1 and F2 and has not scored R2.
  const rows = summaryRows({
    framework: { code: "FW", ...dmiFrameworkScale },
    careSetting: "all",
    period: { code: "P1", name: "Period 1", assessedOn: "2020-01-31" },
    domains: [
      { id: "d1", code: "R1", name: "One", sectionCode: "S" },
      { id: "d2", code: "R2", name: "Two", sectionCode: "S" },
    ],
    system: { id: ids.s, code: "SYS", name: "System" },
    footprints: [
      { id: ids.f1, code: "F1", name: "Footprint 1" },
      { id: ids.f2, code: "F2", name: "Footprint 2" },
    ],
    organisations: [
      { id: "a", name: "A", odsCode: "AAA", footprintIds: [ids.f1], scores: { d1: 80, d2: 50 } },
      { id: "b", name: "B", odsCode: null, footprintIds: [ids.f1, ids.f2], scores: { d1: 61 } },
    ],
    national: { d1: 70, d2: 60 },
  });
  const row = (scopeCode: string | null, domainCode: string) => rows.find((r) => r.scopeCode === scopeCode && r.domainCode === domainCode)!;

  it("has a row per scope (system, each footprint, each organisation) and domain", () => {
    expect(rows).toHaveLength((1 + 2 + 2) * 2);
    expect(rows.map((r) => `${r.level}:${r.scopeName}`).filter((v, i, a) => a.indexOf(v) === i)).toEqual([
      "system:System",
      "footprint:Footprint 1",
      "footprint:Footprint 2",
      "organisation:A",
      "organisation:B",
    ]);
  });

  it("averages the providers in scope, rounds halves up, and counts those strictly above national", () => {
    // (80 + 61) / 2 = 70.5; only 80 is above 70.
    expect(row("SYS", "R1")).toMatchObject({ mean: 70.5, meanRounded: 71, national: 70, gapToNational: 0.5, providersAbove: 1, providersScored: 2, band: "near" });
    expect(row("F1", "R1")).toMatchObject({ mean: 70.5, providersScored: 2 });
    expect(row("F2", "R1")).toMatchObject({ mean: 61, gapToNational: -9, providersAbove: 0, providersScored: 1, band: "below" });
    expect(row("SYS", "R2")).toMatchObject({ mean: 50, gapToNational: -10, providersScored: 1, band: "below" });
  });

  it("leaves the mean empty where nobody in scope scored the domain", () => {
    expect(row("F2", "R2")).toMatchObject({ mean: null, meanRounded: null, gapToNational: null, providersAbove: 0, providersScored: 0, band: null });
    expect(row(null, "R2")).toMatchObject({ scopeName: "B", mean: null });
  });

  it("gives an organisation its own score", () => {
    expect(row("AAA", "R1")).toMatchObject({ level: "organisation", mean: 80, gapToNational: 10, providersAbove: 1, providersScored: 1, band: "above" });
  });
});

describe("target rows", () => {
  const domains = [
    { id: "d1", code: "C1", name: "One" },
    { id: "d2", code: "C2", name: "Two" },
  ];
  const targets = [
    { id: "t3", scope: "system" as const, scopeId: ids.s, domainId: "d1", financialYear: 2018, score: 80, version: 2 },
    { id: "t1", scope: "system" as const, scopeId: ids.s, domainId: "d1", financialYear: 2016, score: 50 },
    { id: "tf", scope: "footprint" as const, scopeId: ids.f1, domainId: "d1", financialYear: 2016, score: 99 },
  ];
  const build = (asAt: string) => {
    const trajectories = buildDomainTrajectories({
      scale: dmiScale,
      domainIds: domains.map((d) => d.id),
      rows: [{ organisationId: "a", periodId: "p", date: "2016-02-29", domainId: "d1", score: 40 }],
      national: [],
      targets,
      scopeId: ids.s,
      asAt,
    });
    return targetRows({ scope: { level: "system", id: ids.s, code: "SYS", name: "System" }, framework: { code: "FW" }, domains, targets, trajectories, judgedOn: asAt });
  };

  it("lists the scope's own targets by domain and year, with the financial year's end", () => {
    const rows = build("2016-06-01");
    expect(rows.map((r) => [r.id, r.financialYearLabel, r.dueOn, r.score, r.version])).toEqual([
      ["t1", "2016/17", "2017-03-31", 50, 1],
      ["t3", "2018/19", "2019-03-31", 80, 2],
    ]);
  });

  it("gives each the domain's trajectory: with only a baseline below the next target, at risk; once every target has passed, off track", () => {
    const early = build("2016-06-01");
    expect(early[0]!.trajectory).toMatchObject({ status: "at-risk", statusLabel: "At risk", judgedFinancialYear: 2016, baseline: { date: "2016-02-29", value: 40 }, judgedOn: "2016-06-01" });
    const late = build("2026-11-25");
    expect(late.every((r) => r.trajectory.status === "off-track" && r.trajectory.judgedFinancialYear === 2018)).toBe(true);
    expect(late[0]!.trajectory.reason).toContain("no score has been reported since the baseline");
  });
});
