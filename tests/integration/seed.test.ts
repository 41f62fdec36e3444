import { describe, expect, it } from "vitest";
import { getFrameworkStructure, listPeriodsWithReportedCounts } from "@/db/queries/frameworks";
import { getNationalAveragesByPeriod, listReportedScoresByPeriod } from "@/db/queries/maturity";
import { listFootprints, listOrganisations } from "@/db/queries/places";
import { buildHeatmap } from "@/lib/heatmap";
import { roundToScale } from "@/lib/scale";
import { dmiScale } from "../support/scales";
import { seeded } from "../support/fixtures";

describe("the seeded BOB baseline", () => {
  it("has the 2016 DMI with 3 sections and 14 domains, in the slide's order", async () => {
    const { dmi } = await seeded();
    const structure = await getFrameworkStructure({ frameworkId: dmi.id });
    expect(structure!.sections.map((s) => [s.name, s.domains.length])).toEqual([
      ["Readiness", 5],
      ["Digital capabilities", 7],
      ["Standards & Infrastructure", 2],
    ]);
    expect(structure!.domains[0]!.name).toBe("Strategic Alignment");
    expect(structure!.domains.at(-1)!.name).toBe("Enabling Infrastructure");
  });

  it("has the six trusts with their ODS codes, and the ambulance trust in all three footprints", async () => {
    const { bob } = await seeded();
    const [orgs, footprints] = await Promise.all([listOrganisations(), listFootprints()]);
    // BOB's own organisations with an ODS code: its ICB (QU9, from the ODS lists) and the six trusts.
    const withOds = orgs.filter((o) => o.systemId === bob.id && o.odsCode);
    expect(withOds.filter((o) => o.type === "icb").map((o) => o.odsCode)).toEqual(["QU9"]);
    const trusts = withOds.filter((o) => o.type !== "icb").map((o) => o.odsCode).sort();
    expect(trusts).toEqual(["RHW", "RNU", "RTH", "RWX", "RXQ", "RYE"]);
    const scas = orgs.find((o) => o.odsCode === "RYE")!;
    expect(scas.footprintIds.sort()).toEqual(footprints.map((f) => f.id).sort());
  });

  it("reproduces the seed's 'Baseline Feb-16' footprint summary from the six trusts' scores", async () => {
    const { period, dmiDomains } = await seeded();
    const baseline = period("2016-BASELINE");
    const [orgs, national] = await Promise.all([
      listReportedScoresByPeriod({ periodId: baseline.id, careSetting: "all" }),
      getNationalAveragesByPeriod({ periodId: baseline.id, careSetting: "all" }),
    ]);
    expect(orgs).toHaveLength(6);
    const heatmap = buildHeatmap(dmiDomains.map((d) => d.id), orgs, national, dmiScale);
    const byCode = Object.fromEntries(dmiDomains.map((d, i) => [d.code, heatmap.domainSummaries[i]!]));
    // "Digital maturity trajectories – BOB level": Baseline Feb-16 and National Average.
    const printed: Record<string, [number, number]> = {
      C1: [42, 44],
      C2: [53, 48],
      C3: [44, 55],
      C4: [27, 30],
      C5: [32, 36],
      C6: [56, 32],
      C7: [52, 42],
    };
    for (const [code, [baselineMean, nationalAverage]] of Object.entries(printed)) {
      expect(roundToScale(byCode[code]!.mean!, dmiScale.decimals), code).toBe(baselineMean);
      expect(byCode[code]!.national, code).toBe(nationalAverage);
    }
    // Computed, not copied: all six are above the national 77% for Leadership (the slide says 5/6).
    expect([byCode.R2!.providersAbove, byCode.R2!.providersScored]).toEqual([6, 6]);
    const above = (ods: string) => {
      const row = heatmap.rows.find((r) => r.organisation.odsCode === ods)!;
      return `${row.summary.domainsAbove}/${row.summary.domainsCompared}`;
    };
    expect(above("RTH")).toBe("12/14");
    // The slide prints 2/14 for Royal Berkshire; its own scores beat national in 4 domains.
    expect(above("RHW")).toBe("4/14");
  });

  it("filters a period's scores to the providers serving a footprint", async () => {
    const { period } = await seeded();
    const oxon = (await listFootprints()).find((f) => f.code === "OXON")!;
    const rows = await listReportedScoresByPeriod({ periodId: period("2016-BASELINE").id, careSetting: "all", footprintId: oxon.id });
    expect(rows.map((r) => r.odsCode).sort()).toEqual(["RNU", "RTH", "RYE"]);
  });

  it("counts reported assessments per period, newest period first", async () => {
    const { dmi } = await seeded();
    const periods = await listPeriodsWithReportedCounts({ frameworkId: dmi.id });
    expect(periods.map((p) => [p.code, p.reportedCount, p.isOpen])).toEqual([
      ["2017-REASSESSMENT", 0, true],
      ["2016-BASELINE", 6, false],
    ]);
  });
});
