// Unit tests for lib/heatmap.ts: everything the heatmap shows, derived from scores.
import { describe, expect, it } from "vitest";
import { buildHeatmap } from "@/lib/heatmap";
import { dmiScale } from "../support/scales";

interface Org {
  id: string;
  name: string;
  scores: Record<string, number | undefined>;
}

describe("buildHeatmap with three domains", () => {
  const domains = ["A", "B", "C"] as const;
  const national = { A: 50, B: 40, C: 30 };
  const orgs: Org[] = [
    { id: "o1", name: "One", scores: { A: 70, B: 35, C: 30 } },
    { id: "o2", name: "Two", scores: { A: 45, C: 10 } }, // B missing
  ];
  const heatmap = buildHeatmap(domains, orgs, national, dmiScale);

  it("has one row per organisation, in order, carrying the organisation itself", () => {
    expect(heatmap.rows).toHaveLength(2);
    expect(heatmap.rows[0]!.organisation).toBe(orgs[0]);
    expect(heatmap.rows[1]!.organisation).toBe(orgs[1]);
    expect(heatmap.rows[1]!.organisation.name).toBe("Two");
  });

  it("has one cell per domain, in the framework's order, with gap and band", () => {
    expect(heatmap.rows[0]!.cells).toEqual([
      { domainId: "A", score: 70, gapToNational: 20, band: "far-above" },
      { domainId: "B", score: 35, gapToNational: -5, band: "below" },
      { domainId: "C", score: 30, gapToNational: 0, band: "near" },
    ]);
  });

  it("gives a null cell (score, gap and band) for a missing score", () => {
    expect(heatmap.rows[1]!.cells).toEqual([
      { domainId: "A", score: 45, gapToNational: -5, band: "below" },
      { domainId: "B", score: null, gapToNational: null, band: null },
      { domainId: "C", score: 10, gapToNational: -20, band: "far-below" },
    ]);
  });

  it("summarises each row: domains above national out of those compared", () => {
    expect(heatmap.rows[0]!.summary).toEqual({ organisationId: "o1", domainsAbove: 1, domainsCompared: 3 });
    expect(heatmap.rows[1]!.summary).toEqual({ organisationId: "o2", domainsAbove: 0, domainsCompared: 2 });
  });

  it("summarises each domain with the band of its mean", () => {
    expect(heatmap.domainSummaries).toEqual([
      // mean 57.5, +7.5
      { domainId: "A", mean: 57.5, national: 50, providersAbove: 1, providersScored: 2, band: "above" },
      // only o1 scored: 35, −5
      { domainId: "B", mean: 35, national: 40, providersAbove: 0, providersScored: 1, band: "below" },
      // mean 20, −10
      { domainId: "C", mean: 20, national: 30, providersAbove: 0, providersScored: 2, band: "below" },
    ]);
  });
});

describe("buildHeatmap edge cases", () => {
  it("a domain with no national average has scores but no gap or band", () => {
    const h = buildHeatmap(["X"], [{ id: "o", scores: { X: 60 } }], {}, dmiScale);
    expect(h.rows[0]!.cells).toEqual([{ domainId: "X", score: 60, gapToNational: null, band: null }]);
    expect(h.rows[0]!.summary).toEqual({ organisationId: "o", domainsAbove: 0, domainsCompared: 0 });
    expect(h.domainSummaries).toEqual([
      { domainId: "X", mean: 60, national: null, providersAbove: 0, providersScored: 1, band: null },
    ]);
  });

  it("a domain nobody scored has a null mean and band", () => {
    const h = buildHeatmap(["X", "Y"], [{ id: "o", scores: { X: 60 } }], { X: 50, Y: 50 }, dmiScale);
    expect(h.domainSummaries[1]).toEqual({ domainId: "Y", mean: null, national: 50, providersAbove: 0, providersScored: 0, band: null });
  });

  it("a score of 0 is a score, not a gap in the data", () => {
    const h = buildHeatmap(["X"], [{ id: "o", scores: { X: 0 } }], { X: 30 }, dmiScale);
    expect(h.rows[0]!.cells[0]).toEqual({ domainId: "X", score: 0, gapToNational: -30, band: "far-below" });
  });

  it("no organisations: no rows, and domain summaries with null means", () => {
    const h = buildHeatmap(["X", "Y"], [], { X: 10 }, dmiScale);
    expect(h.rows).toEqual([]);
    expect(h.domainSummaries.map((s) => [s.domainId, s.mean, s.band])).toEqual([
      ["X", null, null],
      ["Y", null, null],
    ]);
  });

  it("no domains: rows with no cells and 0/0 summaries", () => {
    const h = buildHeatmap([], [{ id: "o", scores: { X: 1 } }], { X: 0 }, dmiScale);
    expect(h.rows[0]!.cells).toEqual([]);
    expect(h.rows[0]!.summary).toEqual({ organisationId: "o", domainsAbove: 0, domainsCompared: 0 });
    expect(h.domainSummaries).toEqual([]);
  });

  it("ignores scores for domains that are not in the framework", () => {
    const h = buildHeatmap(["A"], [{ id: "o", scores: { A: 50, Z: 99 } }], { A: 40, Z: 1 }, dmiScale);
    expect(h.rows[0]!.cells.map((c) => c.domainId)).toEqual(["A"]);
    expect(h.rows[0]!.summary.domainsCompared).toBe(1);
  });
});

describe("buildHeatmap with twenty domains (nothing assumes fourteen)", () => {
  const domains = Array.from({ length: 20 }, (_, i) => `D${i + 1}`);
  // National 50 everywhere; org "up" scores 50 + i, org "down" scores 50 − i (i = 0..19).
  const national = Object.fromEntries(domains.map((d) => [d, 50]));
  const up = { id: "up", scores: Object.fromEntries(domains.map((d, i) => [d, 50 + i])) };
  const down = { id: "down", scores: Object.fromEntries(domains.map((d, i) => [d, 50 - i])) };
  const h = buildHeatmap(domains, [up, down], national, dmiScale);

  it("has twenty cells per row, in order", () => {
    for (const row of h.rows) {
      expect(row.cells).toHaveLength(20);
      expect(row.cells.map((c) => c.domainId)).toEqual(domains);
    }
  });

  it("computes each cell's gap and band", () => {
    const upCells = h.rows[0]!.cells;
    upCells.forEach((c, i) => expect(c.gapToNational).toBe(i));
    expect(upCells.map((c) => c.band)).toEqual([
      ...Array(5).fill("near"), // 0..4
      ...Array(10).fill("above"), // 5..14
      ...Array(5).fill("far-above"), // 15..19
    ]);
    expect(h.rows[1]!.cells.map((c) => c.band)).toEqual([
      ...Array(5).fill("near"),
      ...Array(10).fill("below"),
      ...Array(5).fill("far-below"),
    ]);
  });

  it("summarises rows out of twenty", () => {
    expect(h.rows[0]!.summary).toEqual({ organisationId: "up", domainsAbove: 19, domainsCompared: 20 });
    expect(h.rows[1]!.summary).toEqual({ organisationId: "down", domainsAbove: 0, domainsCompared: 20 });
  });

  it("has twenty domain summaries whose means sit on national", () => {
    expect(h.domainSummaries).toHaveLength(20);
    for (const s of h.domainSummaries) {
      expect(s.mean).toBe(50);
      expect(s.band).toBe("near");
      expect(s.providersScored).toBe(2);
    }
    expect(h.domainSummaries.map((s) => s.providersAbove)).toEqual([0, ...Array(19).fill(1)]);
  });
});

describe("colour and printed gap agree", () => {
  it("bands a mean 4.6 below national with the −5 it prints, not as 'within 4 points'", async () => {
    const { distanceBand } = await import("@/lib/maturity");
    const { formatGap } = await import("@/lib/scale");
    expect(formatGap(40.4 - 45, dmiScale)).toBe("−5");
    expect(distanceBand(40.4, 45, dmiScale)).toBe("below");
    expect(formatGap(49.4 - 45, dmiScale)).toBe("+4");
    expect(distanceBand(49.4, 45, dmiScale)).toBe("near");
  });
});
