// Unit tests for lib/distribution-layout.ts: axis ticks for any scale, deterministic jitter,
// the quartile box, dot placement, score formatting and the chart's screen-reader text.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  boxGeometry,
  describeDistributionChart,
  DOT_SPREAD,
  jitter,
  labelAbove,
  scaleTicks,
  stripDots,
  type DistributionView,
} from "@/lib/distribution-layout";

describe("scaleTicks", () => {
  it.each([
    [{ min: 0, max: 100 }, [0, 20, 40, 60, 80, 100]],
    [{ min: 1, max: 5 }, [1, 2, 3, 4, 5]],
    [{ min: 0, max: 1 }, [0, 0.2, 0.4, 0.6, 0.8, 1]],
    [{ min: 1, max: 2 }, [1, 1.2, 1.4, 1.6, 1.8, 2]],
    [{ min: 0, max: 10 }, [0, 2, 4, 6, 8, 10]],
  ])("%j → %j", (scale, expected) => {
    expect(scaleTicks(scale)).toEqual(expected);
  });

  it("drops an inner tick too close to an end to print beside it", () => {
    expect(scaleTicks({ min: 0.9, max: 5 })).toEqual([0.9, 2, 3, 4, 5]);
  });

  it("is the one value of a scale with no width", () => {
    expect(scaleTicks({ min: 3, max: 3 })).toEqual([3]);
  });

  it("rises strictly within the scale, starting and ending at its ends", () => {
    const scale = fc
      .tuple(fc.double({ min: -1000, max: 1000, noNaN: true }), fc.double({ min: 0.001, max: 1000, noNaN: true }))
      .map(([min, width]) => ({ min, max: min + width }))
      .filter(({ min, max }) => max > min);
    fc.assert(
      fc.property(scale, fc.integer({ min: 2, max: 10 }), (s, count) => {
        const ticks = scaleTicks(s, count);
        expect(ticks[0]).toBe(s.min);
        expect(ticks.at(-1)).toBe(s.max);
        for (let i = 1; i < ticks.length; i++) expect(ticks[i]!).toBeGreaterThan(ticks[i - 1]!);
        expect(ticks.length).toBeLessThanOrEqual(2 * count + 2);
      }),
    );
  });
});

describe("jitter", () => {
  it("is the same for the same index every time", () => {
    const first = Array.from({ length: 200 }, (_, i) => jitter(i));
    expect(Array.from({ length: 200 }, (_, i) => jitter(i))).toEqual(first);
  });

  it("stays within ± the spread", () => {
    fc.assert(
      fc.property(fc.nat({ max: 1_000_000 }), fc.double({ min: 0.01, max: 1, noNaN: true }), (index, spread) => {
        const y = jitter(index, spread);
        expect(y).toBeGreaterThanOrEqual(-spread);
        expect(y).toBeLessThanOrEqual(spread);
      }),
    );
  });

  it("spreads a setting's worth of dots over the whole band", () => {
    const ys = Array.from({ length: 134 }, (_, i) => jitter(i));
    expect(Math.min(...ys)).toBeLessThan(-0.9 * DOT_SPREAD);
    expect(Math.max(...ys)).toBeGreaterThan(0.9 * DOT_SPREAD);
    expect(new Set(ys).size).toBe(134);
  });
});

describe("boxGeometry", () => {
  it("spans the quartiles, with the median across the box's full height", () => {
    expect(boxGeometry({ lowerQuartile: 2.8, upperQuartile: 3.4, median: 3.1 }, 0.5)).toEqual({
      box: { x1: 2.8, x2: 3.4, y1: -0.5, y2: 0.5 },
      median: [
        { x: 3.1, y: -0.5 },
        { x: 3.1, y: 0.5 },
      ],
    });
  });
});

describe("stripDots", () => {
  const points = [
    { id: "a", name: "A", value: 3.4, highlighted: true },
    { id: "b", name: "B", value: 2.1, highlighted: false },
    { id: "c", name: "C", value: 2.8, highlighted: true },
  ];

  it("puts each dot at its score, its height fixed by its place in the list", () => {
    const { others, highlighted } = stripDots(points);
    expect(others).toEqual([{ ...points[1], x: 2.1, y: jitter(1) }]);
    // In score order, so alternate labels fall on neighbours.
    expect(highlighted.map((d) => [d.id, d.x, d.y])).toEqual([
      ["c", 2.8, jitter(2)],
      ["a", 3.4, jitter(0)],
    ]);
    expect([0, 1, 2].map(labelAbove)).toEqual([true, false, true]);
  });
});

describe("describeDistributionChart", () => {
  const view: DistributionView = {
    title: "Smart foundations, acute trusts",
    scale: { min: 1, max: 5, decimals: 1, unit: "" },
    points: [
      { id: "a", name: "A", value: 3.4, highlighted: true },
      { id: "b", name: "B", value: 3.1, highlighted: true },
      { id: "c", name: "C", value: 2.0, highlighted: false },
    ],
    distribution: { n: 3, mean: 2.8333, median: 3.1, lowerQuartile: 2.55, upperQuartile: 3.25, min: 2, max: 3.4 },
  };

  it("gives the median, quartiles, count and the system's organisations strictly above the median", () => {
    expect(describeDistributionChart(view)).toBe(
      "Smart foundations, acute trusts: 3 organisations, scored 1 to 5. Median 3.1; the middle half score between 2.6 and 3.3 " +
        "(lower and upper quartiles). 1 of 2 of your system's organisations score above the median.",
    );
  });
});
