import { describe, expect, it } from "vitest";
import { chartBox, chartGeometry } from "@/components/board-pack/chart-geometry";
import { dayNumber } from "@/lib/financial-year";
import { dmiScale } from "../support/scales";

const plotTop = chartBox.top;
const plotBottom = chartBox.height - chartBox.bottom;
const plotLeft = chartBox.left;
const plotRight = chartBox.width - chartBox.right;

describe("the board pack's trajectory chart geometry", () => {
  const points = [
    { day: dayNumber("2016-02-29"), actual: 50, plan: 50, national: 44 },
    { day: dayNumber("2017-03-31"), plan: 55 },
    { day: dayNumber("2018-03-31"), plan: 69 },
    { day: dayNumber("2019-03-31"), plan: 100 },
  ];

  it("runs from the first date at the left edge to the last at the right, 0% at the bottom and 100% at the top", () => {
    const g = chartGeometry(points, dmiScale);
    expect(g.series.plan.map((p) => p.value)).toEqual([50, 55, 69, 100]);
    expect(g.series.plan[0]!.x).toBeCloseTo(plotLeft);
    expect(g.series.plan.at(-1)!.x).toBeCloseTo(plotRight);
    expect(g.series.plan.at(-1)!.y).toBeCloseTo(plotTop);
    expect(g.series.plan[0]!.y).toBeCloseTo((plotTop + plotBottom) / 2);
    expect(g.yTicks.map((t) => t.label)).toEqual(["0%", "25%", "50%", "75%", "100%"]);
    expect(g.yTicks[0]!.y).toBeCloseTo(plotBottom);
  });

  it("places each series' points on the dates they belong to: only the dates with a value", () => {
    const g = chartGeometry(points, dmiScale);
    expect(g.series.actual).toHaveLength(1);
    expect(g.series.national).toHaveLength(1);
    expect(g.series.actual[0]!.x).toBeCloseTo(g.series.plan[0]!.x);
    // A year is about a third of the three years and a month shown.
    const span = dayNumber("2019-03-31") - dayNumber("2016-02-29");
    const expectedX = plotLeft + ((dayNumber("2017-03-31") - dayNumber("2016-02-29")) / span) * (plotRight - plotLeft);
    expect(g.series.plan[1]!.x).toBeCloseTo(expectedX);
  });

  it("ticks every 31 March in range, labelled with the financial year it ends", () => {
    const g = chartGeometry(points, dmiScale);
    expect(g.xTicks.map((t) => t.label)).toEqual(["2015/16", "2016/17", "2017/18", "2018/19"]);
    expect(g.xTicks.at(-1)!.x).toBeCloseTo(plotRight);
  });

  it("gives a chart with one date half a year either side, the point in the middle", () => {
    const g = chartGeometry([{ day: dayNumber("2016-02-29"), actual: 120, national: -5 }], dmiScale);
    expect(g.series.actual[0]!.x).toBeCloseTo((plotLeft + plotRight) / 2);
    // Values outside 0–100 stay inside the box.
    expect(g.series.actual[0]!.y).toBeCloseTo(plotTop);
    expect(g.series.national[0]!.y).toBeCloseTo(plotBottom);
    expect(g.xTicks.map((t) => t.label)).toEqual(["2015/16"]);
  });
});
