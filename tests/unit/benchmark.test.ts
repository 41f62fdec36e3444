// Unit tests for lib/benchmark.ts: distribution, rank, percentile, gap to national and
// change between assessments, by hand-worked examples and by properties on 1–5 one-decimal
// (DMA) and 0–100 whole-number (2016 index) scores.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { changeBetween, compareToNational, describeDistribution, percentileAmong, rankAmong, type Distribution } from "@/lib/benchmark";

const dmaScore = fc.integer({ min: 10, max: 50 }).map((tenths) => tenths / 10);
const indexScore = fc.integer({ min: 0, max: 100 });
const score = fc.oneof(dmaScore, indexScore);
const scores = fc.oneof(fc.array(dmaScore, { minLength: 1, maxLength: 200 }), fc.array(indexScore, { minLength: 1, maxLength: 200 }));

const statistics = ["mean", "median", "lowerQuartile", "upperQuartile", "min", "max"] as const satisfies readonly (keyof Distribution)[];

describe("describeDistribution", () => {
  it("is null for no values", () => {
    expect(describeDistribution([])).toBeNull();
  });

  it("interpolates quartiles inclusively: [1, 2, 3, 4] gives 1.75 and 3.25", () => {
    expect(describeDistribution([4, 1, 3, 2])).toEqual({ n: 4, mean: 2.5, median: 2.5, lowerQuartile: 1.75, upperQuartile: 3.25, min: 1, max: 4 });
  });

  it.each([
    // Odd count: the middle value. Quartile positions (n − 1) / 4 and 3(n − 1) / 4.
    [[5, 1, 3], 3, 2, 4],
    [[1, 2, 3, 4, 5], 3, 2, 4],
    // Even count: halfway between the middle two.
    [[1, 2, 3, 4, 5, 6], 3.5, 2.25, 4.75],
    [[2.8, 3.1], 2.95, 2.875, 3.025],
    [[7], 7, 7, 7],
  ])("%j: median %d, quartiles %d and %d", (values, median, lower, upper) => {
    const d = describeDistribution(values)!;
    expect(d.median).toBeCloseTo(median, 12);
    expect(d.lowerQuartile).toBeCloseTo(lower, 12);
    expect(d.upperQuartile).toBeCloseTo(upper, 12);
  });

  it("matches Excel QUARTILE.INC on DMA-like scores", () => {
    // =QUARTILE.INC({2.1,2.8,3.1,3.1,3.4,4.0,4.6},1) = 2.95; ,2) = 3.1; ,3) = 3.7
    const d = describeDistribution([3.1, 2.1, 4.6, 3.4, 2.8, 4.0, 3.1])!;
    expect(d.lowerQuartile).toBeCloseTo(2.95, 12);
    expect(d.median).toBe(3.1);
    expect(d.upperQuartile).toBeCloseTo(3.7, 12);
    expect(d.mean).toBeCloseTo(23.1 / 7, 12);
  });

  it("keeps the mean within the values although summing drifts (three 2.8s)", () => {
    expect(describeDistribution([2.8, 2.8, 2.8])!.mean).toBe(2.8);
  });

  it("orders min ≤ lower quartile ≤ median ≤ upper quartile ≤ max, with the mean in range", () => {
    fc.assert(
      fc.property(scores, (values) => {
        const d = describeDistribution(values)!;
        expect(d.n).toBe(values.length);
        expect(d.min).toBeLessThanOrEqual(d.lowerQuartile);
        expect(d.lowerQuartile).toBeLessThanOrEqual(d.median);
        expect(d.median).toBeLessThanOrEqual(d.upperQuartile);
        expect(d.upperQuartile).toBeLessThanOrEqual(d.max);
        expect(d.mean).toBeGreaterThanOrEqual(d.min);
        expect(d.mean).toBeLessThanOrEqual(d.max);
      }),
    );
  });

  it("does not depend on the order of the values", () => {
    const withShuffle = scores.chain((values) => fc.tuple(fc.constant(values), fc.shuffledSubarray(values, { minLength: values.length })));
    fc.assert(
      fc.property(withShuffle, ([values, shuffled]) => {
        const a = describeDistribution(values)!;
        const b = describeDistribution(shuffled)!;
        const { mean: meanA, ...restA } = a;
        const { mean: meanB, ...restB } = b;
        expect(restB).toEqual(restA);
        expect(meanB).toBeCloseTo(meanA, 9);
      }),
    );
  });

  it("scales every statistic when every value is scaled by a positive factor", () => {
    const factor = fc.double({ min: 0.01, max: 100, noNaN: true });
    fc.assert(
      fc.property(scores, factor, (values, k) => {
        const d = describeDistribution(values)!;
        const scaled = describeDistribution(values.map((v) => v * k))!;
        expect(scaled.n).toBe(d.n);
        for (const s of statistics) expect(closeRelative(scaled[s], d[s] * k)).toBe(true);
      }),
    );
  });
});

describe("rankAmong and percentileAmong", () => {
  it("ranks 1 for the highest, ties sharing the better rank (1224)", () => {
    const peers = [3.4, 2.8, 3.1, 3.1, 2.0];
    expect([3.4, 3.1, 3.1, 2.8, 2.0].map((v) => rankAmong(v, peers)!.rank)).toEqual([1, 2, 2, 4, 5]);
    expect(rankAmong(2.8, peers)!.of).toBe(5);
  });

  it("counts those below and half of those equal: 90 below and 4 equal of 134 is 68.66…", () => {
    const peers = [...Array<number>(90).fill(2.0), ...Array<number>(4).fill(3.0), ...Array<number>(40).fill(4.0)];
    expect(percentileAmong(3.0, peers)).toBeCloseTo((92 / 134) * 100, 12);
    expect(rankAmong(3.0, peers)).toEqual({ rank: 41, of: 134, percentile: (92 / 134) * 100 });
  });

  it.each([
    [1, [1, 2, 3, 4], 12.5],
    [4, [1, 2, 3, 4], 87.5],
    [2.5, [1, 2, 3, 4], 50],
    [3, [3, 3, 3], 50],
    [0, [1, 2], 0],
    [9, [1, 2], 100],
  ])("percentile of %d among %j is %d", (value, peers, expected) => {
    expect(percentileAmong(value, peers)).toBe(expected);
  });

  it("is null among no peers", () => {
    expect(rankAmong(3, [])).toBeNull();
    expect(percentileAmong(3, [])).toBeNull();
  });

  it("gives rank 1 exactly to the highest score", () => {
    fc.assert(
      fc.property(scores, (peers) => {
        const max = Math.max(...peers);
        for (const v of peers) expect(rankAmong(v, peers)!.rank === 1).toBe(v === max);
      }),
    );
  });

  it("keeps the percentile within 0 to 100 for any value", () => {
    fc.assert(
      fc.property(score, scores, (value, peers) => {
        const p = percentileAmong(value, peers)!;
        expect(p).toBeGreaterThanOrEqual(0);
        expect(p).toBeLessThanOrEqual(100);
      }),
    );
  });

  it("ranks peers among themselves as a sorted list does: ties at the first place of their value", () => {
    fc.assert(
      fc.property(scores, (peers) => {
        const descending = [...peers].sort((a, b) => b - a);
        const byPosition = descending.map((v) => descending.indexOf(v) + 1);
        const ranks = descending.map((v) => rankAmong(v, peers)!.rank);
        expect(ranks).toEqual(byPosition);
        expect(sum(ranks)).toBe(sum(peers.map((v) => peers.filter((p) => p > v).length + 1)));
      }),
    );
  });

  it("gives distinct scores the ranks 1 to n", () => {
    fc.assert(
      fc.property(fc.uniqueArray(dmaScore, { minLength: 1, maxLength: 41 }), (peers) => {
        const ranks = peers.map((v) => rankAmong(v, peers)!.rank).sort((a, b) => a - b);
        expect(ranks).toEqual(peers.map((_, i) => i + 1));
      }),
    );
  });

  it("gives equal scores the same rank, the next score down its place after them all", () => {
    fc.assert(
      fc.property(scores, (peers) => {
        for (const v of peers) {
          const rank = rankAmong(v, peers)!.rank;
          const lower = peers.filter((p) => p < v);
          if (lower.length === 0) continue;
          const next = Math.max(...lower);
          expect(rankAmong(next, peers)!.rank).toBe(rank + peers.filter((p) => p === v).length);
        }
      }),
    );
  });

  it("averages 50 over all peers among themselves", () => {
    fc.assert(
      fc.property(scores, (peers) => {
        expect(sum(peers.map((v) => percentileAmong(v, peers)!)) / peers.length).toBeCloseTo(50, 9);
      }),
    );
  });

  it("puts the median at the 50th percentile for an odd number of distinct scores", () => {
    const oddDistinct = fc.uniqueArray(dmaScore, { minLength: 1, maxLength: 41 }).filter((v) => v.length % 2 === 1);
    fc.assert(
      fc.property(oddDistinct, (peers) => {
        const { median } = describeDistribution(peers)!;
        expect(percentileAmong(median, peers)).toBeCloseTo(50, 9);
      }),
    );
  });
});

describe("compareToNational", () => {
  it("gives both means and the system's gap to national", () => {
    const c = compareToNational([3.1, 2.8], [2.0, 3.0, 4.0, 3.0]);
    expect(c.systemMean).toBeCloseTo(2.95, 12);
    expect(c.nationalMean).toBe(3);
    expect(c.gap).toBeCloseTo(-0.05, 12);
  });

  it("has no mean or gap for a side with no scores", () => {
    expect(compareToNational([], [50, 60])).toEqual({ systemMean: null, nationalMean: 55, gap: null });
    expect(compareToNational([50], [])).toEqual({ systemMean: 50, nationalMean: null, gap: null });
  });
});

describe("changeBetween", () => {
  it("gives after − before per organisation and counts each kind of change", () => {
    const before = new Map<string, number | null>([
      ["a", 2.8],
      ["b", 3.1],
      ["c", 3.4],
      ["d", null],
      ["e", 2.0],
    ]);
    const after = new Map<string, number | null>([
      ["a", 3.1],
      ["b", 3.1],
      ["c", 2.9],
      ["d", 3.0],
      ["f", 4.0],
    ]);
    const result = changeBetween(before, after);
    expect([...result.changes.keys()]).toEqual(["a", "b", "c", "d", "e", "f"]);
    expect(result.changes.get("a")).toBeCloseTo(0.3, 12);
    expect(result.changes.get("b")).toBe(0);
    expect(result.changes.get("c")).toBeCloseTo(-0.5, 12);
    expect(["d", "e", "f"].map((id) => result.changes.get(id))).toEqual([null, null, null]);
    expect(result).toMatchObject({ improved: 1, unchanged: 1, declined: 1, notComparable: 3 });
  });

  it("accounts for every organisation exactly once", () => {
    const yearScores = fc.dictionary(fc.constantFrom("a", "b", "c", "d", "e", "f", "g"), fc.option(dmaScore));
    fc.assert(
      fc.property(yearScores, yearScores, (before, after) => {
        const result = changeBetween(new Map(Object.entries(before)), new Map(Object.entries(after)));
        const ids = new Set([...Object.keys(before), ...Object.keys(after)]);
        expect(result.changes.size).toBe(ids.size);
        expect(result.improved + result.unchanged + result.declined + result.notComparable).toBe(ids.size);
        for (const [id, change] of result.changes) {
          const from = before[id] ?? null;
          const to = after[id] ?? null;
          expect(change).toBe(from == null || to == null ? null : to - from);
        }
      }),
    );
  });
});

function sum(values: readonly number[]): number {
  return values.reduce((a, b) => a + b, 0);
}

function closeRelative(actual: number, expected: number): boolean {
  return Math.abs(actual - expected) <= 1e-9 * Math.max(1, Math.abs(expected));
}
