// Unit tests for lib/maturity.ts: the derived maturity figures (means, gaps, counts above
// national, formatting and heatmap distance bands), checked against the 2016 seed table.
import { describe, expect, it } from "vitest";
import {
  distanceBand,
  distanceBandKeys,
  distanceBands,
  formatCount,
  gap,
  isAboveNational,
  mean,
  summariseDomains,
  summariseOrganisation,
  type ScoredOrganisation,
} from "@/lib/maturity";
import { formatGap, formatScore, roundToScale } from "@/lib/scale";
import { dmiScale } from "../support/scales";

// The 2016 index's whole-number rounding, as roundHalfUp was before scales.
const roundHalfUp = (value: number) => roundToScale(value, 0);
const formatPercent = (value: number | null) => formatScore(value, dmiScale);

describe("roundToScale to whole numbers (was roundHalfUp)", () => {
  it.each([
    [43.5, 44],
    [55.5, 56],
    [31.5, 32],
    [27.16, 27],
    [27.5, 28],
    [41.83, 42],
    [53.17, 53],
    [0, 0],
    [0.49, 0],
    [0.5, 1],
    [2.5, 3], // not banker's rounding (which would give 2)
    [99.5, 100],
    [100, 100],
    [-0.4, 0],
    [-1.6, -2],
  ])("roundHalfUp(%d) = %d", (input, expected) => {
    expect(roundHalfUp(input)).toBe(expected);
  });

  it("rounds an exact half from a division up (261 / 6 = 43.5)", () => {
    expect(roundHalfUp(261 / 6)).toBe(44);
    expect(roundHalfUp(333 / 6)).toBe(56);
    expect(roundHalfUp(189 / 6)).toBe(32);
  });
});

describe("mean", () => {
  it("is null for no values", () => {
    expect(mean([])).toBeNull();
  });

  it.each([
    [[5], 5],
    [[0], 0],
    [[1, 2], 1.5],
    [[0, 100], 50],
    [[26, 54, 23, 35, 56, 57], 251 / 6],
  ])("mean(%j) = %d", (values, expected) => {
    expect(mean(values)).toBeCloseTo(expected, 10);
  });

  it("returns 0 (not null) when every value is 0", () => {
    expect(mean([0, 0, 0])).toBe(0);
  });
});

describe("isAboveNational", () => {
  it.each([
    [78, 77, true],
    [77.1, 77, true],
    [77, 77, false], // equal is not above
    [76, 77, false],
    [0, 0, false],
    [1, 0, true],
    [null, 50, false],
    [undefined, 50, false],
    [50, null, false],
    [50, undefined, false],
    [null, null, false],
  ] as const)("isAboveNational(%s, %s) = %s", (score, national, expected) => {
    expect(isAboveNational(score, national)).toBe(expected);
  });
});

describe("gap", () => {
  it.each([
    [60, 76, -16],
    [80, 77, 3],
    [77, 77, 0],
    [0, 0, 0],
    [0, 30, -30],
    [100, 0, 100],
  ])("gap(%d, %d) = %d", (score, reference, expected) => {
    expect(gap(score, reference)).toBe(expected);
  });

  it.each([
    [null, 50],
    [undefined, 50],
    [50, null],
    [50, undefined],
    [null, null],
  ] as const)("gap(%s, %s) is null", (score, reference) => {
    expect(gap(score, reference)).toBeNull();
  });
});

describe("summariseDomains", () => {
  const orgs: ScoredOrganisation[] = [
    { id: "a", scores: { d1: 60, d2: 40, d3: 10 } },
    { id: "b", scores: { d1: 50, d3: 20 } }, // no d2
    { id: "c", scores: { d1: 70, d2: 50 } }, // no d3
  ];

  it("keeps the order of the domain ids and skips missing scores", () => {
    const result = summariseDomains(["d2", "d1", "d3", "d4"], orgs, { d1: 55, d2: 45, d3: 15, d4: 50 });
    expect(result).toEqual([
      { domainId: "d2", mean: 45, national: 45, providersAbove: 1, providersScored: 2 },
      { domainId: "d1", mean: 60, national: 55, providersAbove: 2, providersScored: 3 },
      { domainId: "d3", mean: 15, national: 15, providersAbove: 1, providersScored: 2 },
      { domainId: "d4", mean: null, national: 50, providersAbove: 0, providersScored: 0 },
    ]);
  });

  it("counts a provider equal to national as scored but not above", () => {
    const [s] = summariseDomains(["d1"], [{ id: "a", scores: { d1: 55 } }, { id: "b", scores: { d1: 56 } }], { d1: 55 });
    expect(s).toMatchObject({ providersAbove: 1, providersScored: 2, mean: 55.5 });
  });

  it("with no national average: national is null and no provider is above", () => {
    const [s] = summariseDomains(["d1"], orgs, {});
    expect(s).toEqual({ domainId: "d1", mean: 60, national: null, providersAbove: 0, providersScored: 3 });
  });

  it("counts a score of 0 as a score (not as missing)", () => {
    const [s] = summariseDomains(["d1"], [{ id: "a", scores: { d1: 0 } }, { id: "b", scores: {} }], { d1: 10 });
    expect(s).toEqual({ domainId: "d1", mean: 0, national: 10, providersAbove: 0, providersScored: 1 });
  });

  it("with no organisations: every mean is null", () => {
    expect(summariseDomains(["d1", "d2"], [], { d1: 1 })).toEqual([
      { domainId: "d1", mean: null, national: 1, providersAbove: 0, providersScored: 0 },
      { domainId: "d2", mean: null, national: null, providersAbove: 0, providersScored: 0 },
    ]);
  });

  it("returns nothing for no domains", () => {
    expect(summariseDomains([], orgs, { d1: 1 })).toEqual([]);
  });
});

describe("summariseOrganisation", () => {
  it("compares only domains that have both a score and a national average", () => {
    const result = summariseOrganisation(
      ["d1", "d2", "d3", "d4", "d5"],
      { id: "org", scores: { d1: 80, d2: 40, d3: 90, d5: 50 } }, // d4 unscored
      { d1: 70, d2: 50, d4: 10, d5: 50 }, // d3 has no national
    );
    // d1 above; d2 below; d3 no national; d4 no score; d5 equal (not above)
    expect(result).toEqual({ organisationId: "org", domainsAbove: 1, domainsCompared: 3 });
  });

  it("counts a score of 0 as compared", () => {
    expect(summariseOrganisation(["d1"], { id: "o", scores: { d1: 0 } }, { d1: 0 })).toEqual({
      organisationId: "o",
      domainsAbove: 0,
      domainsCompared: 1,
    });
  });

  it("ignores scores for domains not in the list", () => {
    expect(summariseOrganisation(["d1"], { id: "o", scores: { d1: 10, d2: 99 } }, { d1: 5, d2: 1 })).toEqual({
      organisationId: "o",
      domainsAbove: 1,
      domainsCompared: 1,
    });
  });

  it("with nothing to compare: 0 of 0", () => {
    expect(summariseOrganisation(["d1", "d2"], { id: "o", scores: {} }, { d1: 5 })).toEqual({
      organisationId: "o",
      domainsAbove: 0,
      domainsCompared: 0,
    });
  });
});

describe("formatting", () => {
  it.each([
    [4, 6, "4/6"],
    [0, 0, "0/0"],
    [12, 14, "12/14"],
  ])("formatCount(%d, %d) = %s", (above, of, expected) => {
    expect(formatCount(above, of)).toBe(expected);
  });

  it.each([
    [43.5, "44%"],
    [27.16, "27%"],
    [0, "0%"],
    [100, "100%"],
    [null, "–"],
  ])("formatScore(%s) on the 2016 scale = %s", (value, expected) => {
    expect(formatPercent(value)).toBe(expected);
  });

  it.each([
    [3, "+3"],
    [0.5, "+1"],
    [14.6, "+15"],
    [-16, "\u221216"],
    [-0.6, "\u22121"],
    [-4.5, "\u22124"], // half-up rounds towards +∞
    [0, "0"],
    [0.4, "0"],
    [-0.4, "0"], // never "−0" or "+0"
    [null, "–"],
  ])("formatGap(%s) on the 2016 scale = %s", (value, expected) => {
    expect(formatGap(value, dmiScale)).toBe(expected);
  });

  it("uses the Unicode minus sign, not a hyphen, for negative gaps", () => {
    const text = formatGap(-7, dmiScale);
    expect(text).toBe("−7");
    expect(text.charCodeAt(0)).toBe(0x2212);
    expect(text).not.toContain("-");
  });

  it("uses an en dash for missing values", () => {
    expect(formatGap(null, dmiScale).charCodeAt(0)).toBe(0x2013);
    expect(formatPercent(null).charCodeAt(0)).toBe(0x2013);
  });
});

describe("distance bands", () => {
  it("has the five bands in order from far below to far above", () => {
    expect(distanceBands(dmiScale).map((b) => b.key)).toEqual(["far-below", "below", "near", "above", "far-above"]);
    expect(distanceBandKeys).toEqual(["far-below", "below", "near", "above", "far-above"]);
  });

  it("labels the 2016 index's bands in points, as before", () => {
    expect(distanceBands(dmiScale).map((b) => b.label)).toEqual([
      "15 or more points below national",
      "5 to 14 points below national",
      "within 4 points of national",
      "5 to 14 points above national",
      "15 or more points above national",
    ]);
  });

  it("puts every integer distance from −100 to 100 in exactly one band", () => {
    for (let d = -100; d <= 100; d++) {
      expect(distanceBandKeys, `distance ${d}`).toContain(distanceBand(50 + d, 50, dmiScale));
    }
  });

  it("puts fractional distances near the boundaries in exactly one band", () => {
    for (const d of [-15.5, -15.01, -14.99, -14.5, -5.5, -5.01, -4.99, -4.5, 4.5, 4.99, 5.01, 14.5, 14.99, 15.01]) {
      expect(distanceBandKeys, `distance ${d}`).toContain(distanceBand(50 + d, 50, dmiScale));
    }
  });

  it.each([
    [-100, "far-below"],
    [-16, "far-below"],
    [-15, "far-below"],
    [-14.5, "below"],
    [-14, "below"],
    [-6, "below"],
    [-5, "below"],
    [-4.5, "near"],
    [-4, "near"],
    [0, "near"],
    [4, "near"],
    [4.5, "above"], // printed as +5 (half up), so coloured as 5 points above
    [5, "above"],
    [14, "above"],
    [14.5, "far-above"], // printed as +15
    [15, "far-above"],
    [100, "far-above"],
  ] as const)("a distance of %d is %s", (distance, band) => {
    expect(distanceBand(50 + distance, 50, dmiScale)).toBe(band);
  });

  it("works from the raw scores, not just the distance", () => {
    expect(distanceBand(60, 76, dmiScale)).toBe("far-below"); // −16
    expect(distanceBand(80, 77, dmiScale)).toBe("near"); // +3
    expect(distanceBand(92, 48, dmiScale)).toBe("far-above"); // +44
    expect(distanceBand(0, 30, dmiScale)).toBe("far-below");
  });

  it.each([
    [null, 50],
    [undefined, 50],
    [50, null],
    [50, undefined],
  ] as const)("distanceBand(%s, %s) is null", (score, national) => {
    expect(distanceBand(score, national, dmiScale)).toBeNull();
  });
});

// "Digital maturity across trusts", baseline February 2016, from the seed document.
// Written out here rather than imported so the test checks the code against the document.
const trusts = ["RHW", "RTH", "RXQ", "RNU", "RWX", "RYE"] as const;
type Trust = (typeof trusts)[number];
const table: Record<string, readonly [national: number, ...byTrust: number[]]> = {
  R1: [76, 60, 80, 80, 85, 100, 56],
  R2: [77, 80, 95, 100, 95, 90, 85],
  R3: [66, 45, 70, 70, 75, 95, 75],
  R4: [74, 65, 70, 80, 90, 100, 75],
  R5: [73, 50, 67, 92, 79, 96, 75],
  C1: [44, 26, 54, 23, 35, 56, 57],
  C2: [48, 42, 92, 30, 35, 59, 61],
  C3: [55, 56, 86, 44, 12, 49, 14],
  C4: [30, 17, 89, 24, 0, 4, 29],
  C5: [36, 33, 73, 6, 25, 30, 22],
  C6: [32, 25, 58, 50, 58, 92, 50],
  C7: [42, 45, 70, 40, 20, 81, 56],
  I1: [41, 44, 83, 33, 17, 46, 75],
  I2: [68, 48, 84, 61, 77, 80, 75],
};
const domainCodes = Object.keys(table);
const national = Object.fromEntries(domainCodes.map((d) => [d, table[d]![0]]));
const organisations: ScoredOrganisation[] = trusts.map((trust, i) => ({
  id: trust,
  scores: Object.fromEntries(domainCodes.map((d) => [d, table[d]![i + 1]!])),
}));
const byDomain = () => new Map(summariseDomains(domainCodes, organisations, national).map((s) => [s.domainId, s]));

describe("the seed document's 2016 baseline table", () => {
  it("has 14 domains and six trusts", () => {
    expect(domainCodes).toHaveLength(14);
    for (const d of domainCodes) expect(table[d], d).toHaveLength(7);
  });

  // The seed's "Baseline Feb-16" (footprint summary) column for the capabilities.
  it.each([
    ["C1", 42],
    ["C2", 53],
    ["C3", 44], // 43.5 rounds up
    ["C4", 27], // 27.17
    ["C5", 32], // 31.5 rounds up
    ["C6", 56], // 55.5 rounds up
    ["C7", 52],
  ])("the rounded mean of the six trusts for %s is the printed %d", (domain, printed) => {
    const summary = byDomain().get(domain)!;
    expect(roundHalfUp(summary.mean!)).toBe(printed);
    expect(formatPercent(summary.mean)).toBe(`${printed}%`);
    expect(summary.providersScored).toBe(6);
  });

  // Providers above national, computed from the scores. For R2 Leadership the slide prints
  // 5/6, but all six trusts (80, 95, 100, 95, 90, 85) beat the national 77.
  it.each([
    ["R1", 4],
    ["R2", 6],
    ["R3", 5],
    ["R4", 4],
    ["R5", 4],
    ["C1", 3],
    ["C2", 3],
    ["C3", 2],
    ["C4", 1],
    ["C5", 1],
    ["C6", 5],
    ["C7", 4],
    ["I1", 4],
    ["I2", 4],
  ])("%s: %d of the 6 trusts are above national", (domain, above) => {
    const summary = byDomain().get(domain)!;
    expect(formatCount(summary.providersAbove, summary.providersScored)).toBe(`${above}/6`);
  });

  it("R2 Leadership is 6/6, not the 5/6 the slide prints", () => {
    const r2 = byDomain().get("R2")!;
    expect(formatCount(r2.providersAbove, r2.providersScored)).toBe("6/6");
    expect(formatCount(r2.providersAbove, r2.providersScored)).not.toBe("5/6");
  });

  // Domains above national per trust, computed from the scores. The slide prints
  // 2/14, 12/14, 6/14, 7/14, 11/14, 8/14 for RHW, RTH, RXQ, RNU, RWX, RYE.
  // It disagrees with its own scores for two trusts:
  //   RHW: slide 2/14, computed 4/14 (above in R2 80>77, C3 56>55, C7 45>42, I1 44>41);
  //   RYE: slide 8/14, computed 10/14 (above in R2, R3, R4, R5, C1, C2, C6, C7, I1, I2).
  // RTH, RXQ, RNU and RWX agree with the slide.
  it.each([
    ["RHW", "4/14"], // slide: 2/14 (wrong)
    ["RTH", "12/14"], // slide: 12/14
    ["RXQ", "6/14"], // slide: 6/14
    ["RNU", "7/14"], // slide: 7/14
    ["RWX", "11/14"], // slide: 11/14
    ["RYE", "10/14"], // slide: 8/14 (wrong)
  ] as const satisfies readonly (readonly [Trust, string])[])("%s is above national in %s domains", (trust, expected) => {
    const org = organisations.find((o) => o.id === trust)!;
    const s = summariseOrganisation(domainCodes, org, national);
    expect(s.organisationId).toBe(trust);
    expect(formatCount(s.domainsAbove, s.domainsCompared)).toBe(expected);
  });

  it("RHW's above-national domains are exactly R2, C3, C7 and I1", () => {
    const rhw = organisations.find((o) => o.id === "RHW")!;
    const above = domainCodes.filter((d) => isAboveNational(rhw.scores[d], national[d]));
    expect(above).toEqual(["R2", "C3", "C7", "I1"]);
  });

  it("the per-domain counts and the per-trust counts add up to the same total", () => {
    const domainTotal = [...byDomain().values()].reduce((n, s) => n + s.providersAbove, 0);
    const trustTotal = organisations.reduce((n, o) => n + summariseOrganisation(domainCodes, o, national).domainsAbove, 0);
    expect(domainTotal).toBe(50);
    expect(trustTotal).toBe(50);
  });
});
