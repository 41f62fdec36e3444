import { describe, expect, it } from "vitest";
import { assessTrajectory, atRiskMargin, expectedScoreAt, meetsGoal } from "@/lib/trajectory";
import { dmiScale } from "../support/scales";

// Records, Assessments & Plans in the BOB trajectory table: baseline 42% (Feb-16), targets
// 55% (end 16/17), 69% (end 17/18), 86% (end 18/19).
const baseline = { date: "2016-02-29", value: 42 };
const targets = [
  { financialYear: 2016, value: 55 },
  { financialYear: 2017, value: 69 },
  { financialYear: 2018, value: 86 },
];

describe("assessTrajectory", () => {
  it("with no actual since the baseline: at risk while below the next target, and says why", () => {
    const result = assessTrajectory({ actuals: [baseline], targets, asAt: "2016-06-01", scale: dmiScale });
    expect(result.status).toBe("at-risk");
    expect(result.target).toEqual({ financialYear: 2016, value: 55, date: "2017-03-31" });
    expect(result.expectedAtTarget).toBeNull();
    expect(result.reason).toMatch(/no score since the baseline.*13 more points/);
  });

  it("with no actual since the baseline and the target's date passed: off track", () => {
    const result = assessTrajectory({ actuals: [baseline], targets, asAt: "2026-11-24", scale: dmiScale });
    expect(result.status).toBe("off-track");
    expect(result.target!.financialYear).toBe(2018);
    expect(result.reason).toMatch(/was due by 2019-03-31 and no score has been reported since the baseline/);
  });

  it("with a single data point already above the target: on track", () => {
    expect(assessTrajectory({ actuals: [{ date: "2016-02-29", value: 60 }], targets, asAt: "2016-06-01", scale: dmiScale }).status).toBe("on-track");
  });

  it("projects the current rate to the next target's date", () => {
    // +12 points in 12 months → about 12/year: from 54% in Feb-17, 55% is reached by March.
    const actuals = [baseline, { date: "2017-02-28", value: 54 }];
    const result = assessTrajectory({ actuals, targets, asAt: "2017-03-01", scale: dmiScale });
    expect(result.ratePerYear).toBeCloseTo(12, 0);
    expect(result.expectedAtTarget).toBeCloseTo(55, 0);
    expect(result.status).toBe("on-track");
    expect(result.plannedAtLatest).toBeCloseTo(54, 0);
  });

  it("is at risk when the projection falls short by the margin or less, off track beyond it", () => {
    const slow = assessTrajectory({ actuals: [baseline, { date: "2017-02-28", value: 50 }], targets, asAt: "2017-03-01", scale: dmiScale });
    expect(slow.status).toBe("at-risk");
    expect(55 - slow.expectedAtTarget!).toBeLessThanOrEqual(atRiskMargin(dmiScale));
    const stalled = assessTrajectory({ actuals: [baseline, { date: "2017-02-28", value: 43 }], targets, asAt: "2017-03-01", scale: dmiScale });
    expect(stalled.status).toBe("off-track");
    expect(stalled.reason).toMatch(/points short of the target of 55%/);
  });

  it("treats a falling score as off track, and never projects below 0", () => {
    const falling = assessTrajectory({ actuals: [{ date: "2016-02-29", value: 20 }, { date: "2016-08-31", value: 5 }], targets: [{ financialYear: 2018, value: 70 }], asAt: "2016-09-01", scale: dmiScale });
    expect(falling.status).toBe("off-track");
    expect(falling.ratePerYear).toBeLessThan(0);
    expect(falling.expectedAtTarget).toBe(0);
  });

  it("uses the latest two actuals for the current rate, not the baseline", () => {
    const actuals = [baseline, { date: "2017-02-28", value: 60 }, { date: "2017-08-31", value: 60 }];
    const result = assessTrajectory({ actuals, targets, asAt: "2017-09-01", scale: dmiScale });
    expect(result.ratePerYear).toBe(0);
    expect(result.target!.financialYear).toBe(2017);
    expect(result.status).toBe("off-track"); // flat at 60 against 69
  });

  it("judges a passed target by the score measured at its date", () => {
    const actuals = [baseline, { date: "2018-02-28", value: 70 }, { date: "2020-02-28", value: 90 }];
    const met = assessTrajectory({ actuals, targets: [{ financialYear: 2017, value: 69 }], asAt: "2021-01-01", scale: dmiScale });
    expect(met.target!.date).toBe("2018-03-31");
    expect(met.expectedAtTarget).toBeCloseTo(70 + (20 * 31) / 730, 1); // 31 days into a 20-point, 730-day climb
    expect(met.status).toBe("on-track");
    const missed = assessTrajectory({ actuals, targets: [{ financialYear: 2017, value: 80 }], asAt: "2021-01-01", scale: dmiScale });
    expect(missed.status).toBe("off-track");
    expect(missed.reason).toMatch(/measured at the target's date/);
  });

  it("ignores actuals after the as-at date", () => {
    const actuals = [baseline, { date: "2017-02-28", value: 54 }];
    expect(assessTrajectory({ actuals, targets, asAt: "2016-12-31", scale: dmiScale }).latest).toEqual(baseline);
  });

  it("says when there is nothing to judge", () => {
    expect(assessTrajectory({ actuals: [], targets, asAt: "2017-01-01", scale: dmiScale }).status).toBe("no-data");
    expect(assessTrajectory({ actuals: [baseline], targets: [], asAt: "2017-01-01", scale: dmiScale }).status).toBe("no-target");
  });

  it("measures the latest actual against the straight line between milestones", () => {
    // Halfway between end 16/17 (55) and end 17/18 (69) the plan is 62.
    const result = assessTrajectory({ actuals: [baseline, { date: "2017-09-30", value: 60 }], targets, asAt: "2017-10-01", scale: dmiScale });
    expect(result.plannedAtLatest).toBeCloseTo(62, 0);
    expect(result.gapToPlan).toBeCloseTo(-2, 0);
  });
});

describe("expectedScoreAt and meetsGoal", () => {
  it("interpolates inside the actuals and projects beyond them", () => {
    const actuals = [{ date: "2016-01-01", value: 40 }, { date: "2017-01-01", value: 50 }];
    expect(expectedScoreAt(actuals, "2016-07-02", dmiScale)!.projected).toBe(false);
    expect(expectedScoreAt(actuals, "2016-07-02", dmiScale)!.value).toBeCloseTo(45, 0);
    expect(expectedScoreAt(actuals, "2018-01-01", dmiScale)!.value).toBeCloseTo(60, 0);
    expect(expectedScoreAt([], "2018-01-01", dmiScale)).toBeNull();
  });

  it("checks the close-to-or-above goal with its tolerance", () => {
    const goal = { threshold: 70, tolerance: 5, financialYear: 2018 };
    expect(meetsGoal([{ date: "2016-03-31", value: 50 }, { date: "2017-03-31", value: 58 }], goal, dmiScale)).toEqual({ expected: 74, meets: true });
    expect(meetsGoal([{ date: "2016-03-31", value: 50 }, { date: "2017-03-31", value: 53 }], goal, dmiScale)).toEqual({ expected: 59, meets: false });
    expect(meetsGoal([{ date: "2016-03-31", value: 50 }], goal, dmiScale)).toEqual({ expected: null, meets: null });
  });
});
