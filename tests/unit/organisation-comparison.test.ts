// Unit tests for lib/organisation-comparison.ts: an organisation beside national and its footprint.
import { describe, expect, it } from "vitest";
import { compareWithPeers } from "@/lib/organisation-comparison";

describe("compareWithPeers", () => {
  const national = { R1: 76, R2: 77, C3: 55 };
  // Oxfordshire footprint 2016: RTH, RNU, RYE.
  const peers = [
    { id: "RTH", scores: { R1: 80, R2: 95, C3: 86 } },
    { id: "RNU", scores: { R1: 85, R2: 95, C3: 12 } },
    { id: "RYE", scores: { R1: 56, R2: 85, C3: 14 } },
  ];

  it("puts score, national, footprint mean and both gaps on one row per domain, in order", () => {
    const rows = compareWithPeers(["R1", "R2", "C3"], peers[0]!.scores, national, peers);
    expect(rows).toHaveLength(3);
    expect(rows.map((r) => r.domainId)).toEqual(["R1", "R2", "C3"]);
    const [r1, r2, c3] = rows;
    expect(r1).toMatchObject({ domainId: "R1", score: 80, national: 76, gapToNational: 4 });
    expect(r1!.footprintMean).toBeCloseTo(221 / 3, 10);
    expect(r1!.gapToFootprint).toBeCloseTo(80 - 221 / 3, 10);
    expect(r2).toMatchObject({ score: 95, national: 77, gapToNational: 18 });
    expect(r2!.footprintMean).toBeCloseTo(275 / 3, 10);
    expect(r2!.gapToFootprint).toBeCloseTo(95 - 275 / 3, 10);
    expect(c3).toEqual({ domainId: "C3", score: 86, national: 55, footprintMean: 112 / 3, gapToNational: 31, gapToFootprint: 86 - 112 / 3 });
  });

  it("the footprint mean comes from the peers only, not from the organisation's own scores", () => {
    const rows = compareWithPeers(["R1"], { R1: 0 }, national, [
      { id: "a", scores: { R1: 40 } },
      { id: "b", scores: { R1: 60 } },
    ]);
    expect(rows).toEqual([{ domainId: "R1", score: 0, national: 76, footprintMean: 50, gapToNational: -76, gapToFootprint: -50 }]);
  });

  it("the footprint mean skips peers without a score for the domain", () => {
    const rows = compareWithPeers(["R1"], { R1: 70 }, national, [
      { id: "a", scores: { R1: 40 } },
      { id: "b", scores: {} },
      { id: "c", scores: { R1: 80 } },
    ]);
    expect(rows[0]).toMatchObject({ footprintMean: 60, gapToFootprint: 10 });
  });

  it("a missing own score gives null score and null gaps, but still national and footprint", () => {
    const rows = compareWithPeers(["R1"], {}, national, peers);
    expect(rows[0]).toMatchObject({ score: null, national: 76, gapToNational: null, gapToFootprint: null });
    expect(rows[0]!.footprintMean).toBeCloseTo(221 / 3, 10);
  });

  it("a missing national average gives a null national and gap to national", () => {
    const rows = compareWithPeers(["X"], { X: 50 }, national, [{ id: "a", scores: { X: 40 } }]);
    expect(rows).toEqual([{ domainId: "X", score: 50, national: null, footprintMean: 40, gapToNational: null, gapToFootprint: 10 }]);
  });

  it("no peers (or none scored) gives a null footprint mean and gap to footprint", () => {
    expect(compareWithPeers(["R1"], { R1: 80 }, national, [])).toEqual([
      { domainId: "R1", score: 80, national: 76, footprintMean: null, gapToNational: 4, gapToFootprint: null },
    ]);
    expect(compareWithPeers(["R1"], { R1: 80 }, national, [{ id: "a", scores: {} }])[0]).toMatchObject({
      footprintMean: null,
      gapToFootprint: null,
    });
  });

  it("no domains: no rows", () => {
    expect(compareWithPeers([], { R1: 1 }, national, peers)).toEqual([]);
  });
});
