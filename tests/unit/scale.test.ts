// Unit tests for lib/scale.ts and the rules that read a framework's scale: the heatmap's
// distance bands (lib/maturity.ts) and the trajectory's at-risk margin (lib/trajectory.ts).
// Hand-worked examples on the 2016 index (0–100 whole percentages) and NHS England's DMA
// (1–5, one decimal), then properties for any scale.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { distanceBand, distanceBandKeys, distanceBands, type DistanceBand } from "@/lib/maturity";
import {
  describeRange,
  describeScore,
  formatFine,
  formatGap,
  formatScore,
  roundToScale,
  scaleOf,
  scaleRange,
  scaleStep,
  scoreMessage,
  scoreProblem,
  toUnits,
  type Scale,
} from "@/lib/scale";
import { assessTrajectory, atRiskMargin, trajectoryRules } from "@/lib/trajectory";
import { dmaScale, dmiScale } from "../support/scales";

describe("the two scales", () => {
  it("reads a framework row's columns", () => {
    expect(scaleOf({ scaleMin: 0, scaleMax: 100, scoreDecimals: 0, unit: "%" })).toEqual(dmiScale);
    expect(scaleOf({ scaleMin: 1, scaleMax: 5, scoreDecimals: 1, unit: "" })).toEqual(dmaScale);
  });

  it("has a range and a step", () => {
    expect([scaleRange(dmiScale), scaleStep(dmiScale)]).toEqual([100, 1]);
    expect([scaleRange(dmaScale), scaleStep(dmaScale)]).toEqual([4, 0.1]);
  });

  it("describes what a score may be", () => {
    expect(describeRange(dmiScale)).toBe("from 0 to 100");
    expect(describeRange(dmaScale)).toBe("from 1 to 5");
    expect(describeScore(dmiScale)).toBe("a whole number from 0 to 100");
    expect(describeScore(dmaScale)).toBe("a number from 1 to 5 with at most 1 decimal place");
    expect(describeScore({ min: 0, max: 10, decimals: 2, unit: "" })).toBe("a number from 0 to 10 with at most 2 decimal places");
  });
});

describe("rounding half up to the scale", () => {
  it.each([
    [43.5, 0, 44],
    [27.16, 0, 27],
    [2.5, 0, 3], // not banker's rounding
    [-4.5, 0, -4], // halves go towards +∞
    [261 / 6, 0, 44], // 43.5 from a division
    [2.85, 1, 2.9], // 2.85 is 2.8499999… as a double: still up
    [2.84, 1, 2.8],
    [2.75, 1, 2.8],
    [(2.8 + 2.9) / 2, 1, 2.9], // a mean of two DMA scores that lands on the half
    [1.005, 2, 1.01], // 1.00499999… as a double
    [-0.15, 1, -0.1],
  ])("roundToScale(%d, %d) = %d", (value, decimals, expected) => {
    expect(roundToScale(value, decimals)).toBe(expected);
  });

  it("counts in the last decimal place of the scale", () => {
    expect(toUnits(2.8, 1)).toBe(28);
    expect(toUnits(2.85, 1)).toBe(29);
    expect(toUnits(65, 0)).toBe(65);
  });
});

describe("printing", () => {
  it.each([
    [43.5, dmiScale, "44%"],
    [27.16, dmiScale, "27%"],
    [0, dmiScale, "0%"],
    [100, dmiScale, "100%"],
    [2.85, dmaScale, "2.9"], // half up despite binary 2.8499…
    [2.84, dmaScale, "2.8"],
    [3, dmaScale, "3.0"],
    [null, dmiScale, "–"],
    [undefined, dmaScale, "–"],
  ] as const)("formatScore(%s) = %s", (value, scale, expected) => {
    expect(formatScore(value, scale)).toBe(expected);
  });

  it.each([
    [3, dmiScale, "+3"],
    [-4.5, dmiScale, "\u22124"],
    [-0.4, dmiScale, "0"],
    [0.2, dmaScale, "+0.2"],
    [-0.6, dmaScale, "\u22120.6"],
    [0.05, dmaScale, "+0.1"],
    [-0.05, dmaScale, "0"], // never "−0.0"
    [0.04, dmaScale, "0"],
    [null, dmaScale, "–"],
  ] as const)("formatGap(%s) = %s", (value, scale, expected) => {
    expect(formatGap(value, scale)).toBe(expected);
  });

  it.each([
    [42.5, dmiScale, "42.5%"],
    [42, dmiScale, "42%"],
    [42.04, dmiScale, "42%"],
    [2.85, dmaScale, "2.85"],
    [2.8, dmaScale, "2.8"],
    [2.875, dmaScale, "2.88"],
    [null, dmaScale, "–"],
  ] as const)("formatFine(%s) = %s", (value, scale, expected) => {
    expect(formatFine(value, scale)).toBe(expected);
  });
});

describe("which scores a scale can hold", () => {
  it("on the DMA: one decimal, 1 to 5", () => {
    expect(scoreProblem(3, dmaScale)).toBeNull();
    expect(scoreProblem(2.8, dmaScale)).toBeNull();
    expect(scoreProblem(1, dmaScale)).toBeNull();
    expect(scoreProblem(5, dmaScale)).toBeNull();
    expect(scoreProblem(2.85, dmaScale)).toBe("too-precise");
    expect(scoreProblem(0.5, dmaScale)).toBe("out-of-range");
    expect(scoreProblem(5.1, dmaScale)).toBe("out-of-range");
    expect(scoreProblem(Number.NaN, dmaScale)).toBe("not-a-number");
    expect(scoreProblem(Number.POSITIVE_INFINITY, dmaScale)).toBe("not-a-number");
  });

  it("says why, in words", () => {
    expect(scoreMessage("Score for Well led", 2.85, dmaScale)).toBe("Score for Well led must have at most 1 decimal place (not 2.85)");
    expect(scoreMessage("Score for Well led", 0.5, dmaScale)).toBe("Score for Well led must be from 1 to 5 (not 0.5)");
    expect(scoreMessage("Score for Well led", 3, dmaScale)).toBeNull();
    expect(scoreMessage("Score for Leadership", 65.5, dmiScale)).toBe("Score for Leadership must be a whole number (not 65.5)");
    expect(scoreMessage("Score for Leadership", 101, dmiScale)).toBe("Score for Leadership must be from 0 to 100 (not 101)");
    expect(scoreMessage("Score for Leadership", 65, dmiScale)).toBeNull();
    expect(scoreMessage("Score for Leadership", Number.NaN, dmiScale)).toBe("Score for Leadership must be from 0 to 100");
    expect(scoreMessage("The score", 1.234, { min: 0, max: 10, decimals: 2, unit: "" })).toBe("The score must have at most 2 decimal places (not 1.234)");
  });
});

describe("distance bands on each scale", () => {
  it("on the 2016 index: 5 and 15 points, as before", () => {
    for (const [gap, band] of [
      [4, "near"],
      [5, "above"],
      [4.5, "above"], // printed +5
      [-4.5, "near"], // printed −4
      [-5, "below"],
      [14, "above"],
      [15, "far-above"],
      [-15, "far-below"],
      [-14.6, "far-below"], // printed −15
    ] as const) {
      expect(distanceBand(50 + gap, 50, dmiScale), `gap ${gap}`).toBe(band);
    }
  });

  it("on the DMA: 0.2 and 0.6 (5% and 15% of the 1–5 range)", () => {
    for (const [gap, band] of [
      [0.1, "near"],
      [0.2, "above"],
      [0.5, "above"],
      [0.6, "far-above"],
      [-0.1, "near"],
      [-0.2, "below"],
      [-0.5, "below"],
      [-0.6, "far-below"],
      [0.15, "above"], // printed +0.2
      [-0.15, "near"], // printed −0.1
    ] as const) {
      expect(distanceBand(gap, 0, dmaScale), `gap ${gap}`).toBe(band);
    }
    // From the scores, with their binary noise: 3.2 − 3.0 is 0.2000000000000002.
    expect(distanceBand(3.2, 3.0, dmaScale)).toBe("above");
    expect(distanceBand(3.1, 3.0, dmaScale)).toBe("near");
    expect(distanceBand(2.4, 3.0, dmaScale)).toBe("far-below");
    expect(distanceBand(2.9, 3.1, dmaScale)).toBe("below");
  });

  it("labels the legend on each scale", () => {
    expect(distanceBands(dmiScale).map((b) => b.label)).toEqual([
      "15 or more points below national",
      "5 to 14 points below national",
      "within 4 points of national",
      "5 to 14 points above national",
      "15 or more points above national",
    ]);
    expect(distanceBands(dmaScale).map((b) => b.label)).toEqual([
      "0.6 or more below national",
      "0.2 to 0.5 below national",
      "within 0.1 of national",
      "0.2 to 0.5 above national",
      "0.6 or more above national",
    ]);
  });
});

describe("the at-risk margin on each scale", () => {
  it("is 5% of the range: 5 points on the 2016 index, 0.2 on the DMA", () => {
    expect(atRiskMargin(dmiScale)).toBe(5);
    expect(atRiskMargin(dmaScale)).toBe(0.2);
    expect(trajectoryRules(dmiScale).join("\n")).toContain("falls short by 5 points or fewer (5% of the scale)");
    expect(trajectoryRules(dmaScale).join("\n")).toContain("falls short by 0.2 or less (5% of the scale)");
  });

  // The score measured on the target's date (31 March 2017) is judged against a 2016/17 target.
  const judged = (scale: Scale, measured: number, target: number) =>
    assessTrajectory({
      actuals: [
        { date: "2016-02-29", value: scale.min },
        { date: "2017-03-31", value: measured },
      ],
      targets: [{ financialYear: 2016, value: target }],
      asAt: "2017-06-01",
      scale,
    });

  it("on the 2016 index: 5 points short is at risk, 5.1 off track", () => {
    const at = judged(dmiScale, 50, 55);
    expect([at.status, at.expectedAtTarget]).toEqual(["at-risk", 50]);
    expect(at.reason).toBe("The score measured at the target's date was 50%, 5 points short of the target of 55%.");
    const off = judged(dmiScale, 49.9, 55);
    expect(off.status).toBe("off-track");
    expect(off.reason).toBe("The score measured at the target's date was 49.9%, 5.1 points short of the target of 55%.");
  });

  it("on the DMA: 0.2 short is at risk, 0.21 off track", () => {
    const at = judged(dmaScale, 2.8, 3);
    expect([at.status, at.expectedAtTarget]).toEqual(["at-risk", 2.8]);
    expect(at.reason).toBe("The score measured at the target's date was 2.8, 0.2 on the scale short of the target of 3.0.");
    expect(judged(dmaScale, 2.79, 3).status).toBe("off-track");
    expect(judged(dmaScale, 2.7, 3).status).toBe("off-track");
    expect(judged(dmaScale, 3, 3).status).toBe("on-track");
  });
});

// ---- Properties -------------------------------------------------------------------------

/** Any scale with 0–3 decimals whose ends are printable scores (min < max). */
const gridScale = fc
  .record({
    decimals: fc.integer({ min: 0, max: 3 }),
    a: fc.integer({ min: -5000, max: 5000 }),
    b: fc.integer({ min: -5000, max: 5000 }),
    unit: fc.constantFrom("%", ""),
  })
  .filter(({ a, b }) => a !== b)
  .map(({ decimals, a, b, unit }): Scale => ({ min: Math.min(a, b) / 10 ** decimals, max: Math.max(a, b) / 10 ** decimals, decimals, unit }));

/** Any scale with 0–3 decimals and min < max, its ends not necessarily on the grid. */
const anyScale = fc
  .record({
    decimals: fc.integer({ min: 0, max: 3 }),
    min: fc.double({ min: -1000, max: 1000, noNaN: true }),
    width: fc.double({ min: 0.001, max: 1000, noNaN: true }),
    unit: fc.constantFrom("%", ""),
  })
  .map(({ decimals, min, width, unit }): Scale => ({ min, max: min + width, decimals, unit }))
  .filter((s) => s.min < s.max);

const within = (scale: Scale) => fc.double({ min: scale.min, max: scale.max, noNaN: true });
const rank = (band: DistanceBand | null) => distanceBandKeys.indexOf(band!);

/** The 2016 index's fixed rule, as it was before scales, on the gap rounded half up. */
function oldDmiBand(gap: number): DistanceBand {
  const d = Math.floor(gap + 0.5 + 1e-9);
  if (d <= -15) return "far-below";
  if (d <= -5) return "below";
  if (d < 5) return "near";
  if (d < 15) return "above";
  return "far-above";
}

describe("properties of any scale", () => {
  it("every value rounded to the scale that lies in its range is a score it can hold", () => {
    fc.assert(
      fc.property(
        anyScale.chain((scale) => fc.tuple(fc.constant(scale), within(scale))),
        ([scale, value]) => {
          const rounded = roundToScale(value, scale.decimals);
          if (rounded >= scale.min && rounded <= scale.max) expect(scoreProblem(rounded, scale)).toBeNull();
          else expect(scoreProblem(rounded, scale)).toBe("out-of-range");
        },
      ),
      { numRuns: 2000 },
    );
  });

  it("with ends on the grid, rounding a value in range stays in range and is a score, half a step away at most", () => {
    fc.assert(
      fc.property(
        gridScale.chain((scale) => fc.tuple(fc.constant(scale), within(scale))),
        ([scale, value]) => {
          const rounded = roundToScale(value, scale.decimals);
          expect(scoreProblem(rounded, scale)).toBeNull();
          expect(Math.abs(rounded - value)).toBeLessThanOrEqual(scaleStep(scale) / 2 + 1e-9);
          expect(roundToScale(rounded, scale.decimals)).toBe(rounded);
        },
      ),
      { numRuns: 2000 },
    );
  });

  it("a score printed with formatScore reads back as the rounded score, and a scale can hold it", () => {
    fc.assert(
      fc.property(
        gridScale.chain((scale) => fc.tuple(fc.constant(scale), within(scale))),
        ([scale, value]) => {
          const printed = formatScore(value, scale);
          const back = Number(printed.slice(0, printed.length - scale.unit.length));
          expect(back).toBe(roundToScale(value, scale.decimals));
          expect(scoreProblem(back, scale)).toBeNull();
        },
      ),
      { numRuns: 1000 },
    );
  });

  it("the band of a gap never goes down as the gap goes up", () => {
    fc.assert(
      fc.property(anyScale, fc.double({ min: -2000, max: 2000, noNaN: true }), fc.double({ min: -2000, max: 2000, noNaN: true }), (scale, g1, g2) => {
        const [lo, hi] = g1 <= g2 ? [g1, g2] : [g2, g1];
        expect(rank(distanceBand(lo, 0, scale))).toBeLessThanOrEqual(rank(distanceBand(hi, 0, scale)));
      }),
      { numRuns: 2000 },
    );
  });

  it("the band of a score never goes down as the score goes up, against the same national average", () => {
    fc.assert(
      fc.property(
        gridScale.chain((scale) => fc.tuple(fc.constant(scale), within(scale), within(scale), within(scale))),
        ([scale, national, s1, s2]) => {
          const [lo, hi] = s1 <= s2 ? [s1, s2] : [s2, s1];
          expect(rank(distanceBand(lo, national, scale))).toBeLessThanOrEqual(rank(distanceBand(hi, national, scale)));
        },
      ),
      { numRuns: 2000 },
    );
  });

  it("colours a cell by the gap it prints", () => {
    fc.assert(
      fc.property(gridScale, fc.double({ min: -2000, max: 2000, noNaN: true }), (scale, gap) => {
        const printed = Number(formatGap(gap, scale).replace("\u2212", "-"));
        expect(distanceBand(printed, 0, scale)).toBe(distanceBand(gap, 0, scale));
      }),
      { numRuns: 2000 },
    );
  });

  it("on the 2016 index, the bands are the old fixed rule on the rounded gap, for any gap", () => {
    const halves = fc.integer({ min: -400, max: 400 }).map((n) => n / 2);
    const nearBoundaries = fc.constantFrom(-15, -5, 5, 15).chain((b) => fc.double({ min: b - 1, max: b + 1, noNaN: true }));
    fc.assert(
      fc.property(fc.oneof(fc.double({ min: -1e6, max: 1e6, noNaN: true }), halves, nearBoundaries), (gap) => {
        expect(distanceBand(gap, 0, dmiScale)).toBe(oldDmiBand(gap));
      }),
      { numRuns: 5000 },
    );
    // And from scores, the way the heatmap calls it.
    fc.assert(
      fc.property(fc.double({ min: 0, max: 100, noNaN: true }), fc.integer({ min: 0, max: 100 }), (score, national) => {
        expect(distanceBand(score, national, dmiScale)).toBe(oldDmiBand(score - national));
      }),
      { numRuns: 2000 },
    );
  });

  it("the at-risk margin is 5% of the range, to one decimal place finer than a score", () => {
    fc.assert(
      fc.property(gridScale, (scale) => {
        const margin = atRiskMargin(scale);
        expect(Math.abs(margin - scaleRange(scale) * 0.05)).toBeLessThanOrEqual(scaleStep(scale) / 20 + 1e-9);
      }),
    );
  });
});

describe("bands on a coarse scale (whole numbers 1–5)", () => {
  const coarse = { min: 1, max: 5, decimals: 0, unit: "" };
  it("keeps every band reachable and its legend readable", () => {
    expect(distanceBands(coarse).map((b) => b.label)).toEqual([
      "2 or more below national",
      "1 below national",
      "the same as national",
      "1 above national",
      "2 or more above national",
    ]);
    expect([-2, -1, 0, 1, 2].map((gap) => distanceBand(3 + gap, 3, coarse))).toEqual(["far-below", "below", "near", "above", "far-above"]);
  });
});
