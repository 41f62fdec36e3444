import { describe, expect, it } from "vitest";
import { buildBenchmarks } from "@/lib/benchmark-view";
import { comparePeriods } from "@/lib/period-comparison";

const result = (id: string, scores: Record<string, number>, publishedOverall: number | null, systemId = "S1") => ({
  organisationId: id,
  name: id,
  shortName: id,
  odsCode: id,
  systemId,
  attributedSystemId: null,
  publishedOverall,
  scores,
});

describe("comparing two periods", () => {
  const domains = [{ id: "WL", name: "Well Led" }];
  it("gives each own organisation's change per domain and overall, only where both periods have it", () => {
    const { rows, summaries, columns } = comparePeriods({
      domains,
      before: [result("A", {}, 2.0), result("B", { WL: 2 }, 3.0), result("C", {}, 2.5)],
      after: [result("A", { WL: 2.4 }, 2.25), result("B", { WL: 2.5 }, 3.0), result("D", { WL: 1 }, 1.5)],
      isOwn: (id) => id !== "C",
    });
    expect(columns.map((c) => c.key)).toEqual(["WL", "overall"]);
    expect(rows.map((r) => r.organisationId)).toEqual(["A", "B", "D"]);
    const a = rows.find((r) => r.organisationId === "A")!;
    expect(a.cells.WL).toEqual({ before: null, after: 2.4, change: null });
    expect(a.cells.overall!.change).toBeCloseTo(0.25, 12);
    expect(rows.find((r) => r.organisationId === "B")!.cells.WL!.change).toBe(0.5);
    // England-wide counts include organisations that are not the system's (C).
    expect(summaries.overall).toMatchObject({ improved: 1, unchanged: 1, declined: 0, notComparable: 2 });
    expect(summaries.WL).toMatchObject({ improved: 1, notComparable: 3 });
  });
});

describe("peer benchmarks", () => {
  it("describes every peer, ranks the system's own among them, and keeps the overall as published", () => {
    const peers = [result("A", { WL: 2 }, 2.1), result("B", { WL: 3 }, 2.9, "S2"), result("C", { WL: 3 }, null, "S2"), result("D", { WL: 1 }, 1.2)];
    const b = buildBenchmarks({ domains: [{ id: "WL" }], peers, isOwn: (p) => p.systemId === "S1" });
    expect(b.peers).toBe(4);
    expect(b.domains[0]).toMatchObject({ systemMean: 1.5, systemScored: 2, national: { n: 4, mean: 2.25, median: 2.5, min: 1, max: 3 } });
    const a = b.own.find((o) => o.organisationId === "A")!;
    // Two peers score higher: rank 3 of 4; one lower and none equal but itself: (1 + 0.5) / 4.
    expect(a.domains.WL).toEqual({ score: 2, standing: { rank: 3, of: 4, percentile: 37.5 } });
    expect(a.overall).toEqual({ score: 2.1, standing: { rank: 2, of: 3, percentile: 50 } });
    expect(b.overall).toMatchObject({ n: 3 });
    expect(b.points.WL!.filter((p) => p.highlighted).map((p) => p.id)).toEqual(["A", "D"]);
  });
});
