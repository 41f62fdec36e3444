import { dayNumber, financialYearEnd } from "./financial-year";
import { formatFine, formatScore, roundToScale, scaleRange, type Scale } from "./scale";

// Is a domain on course for its target? The rules, written so that a board member can
// check them by hand (trajectoryRules repeats them in words for the page).

export interface Actual {
  /** ISO date the scores describe. */
  date: string;
  value: number;
}

export interface Target {
  /** Calendar year the financial year starts in (2017 for 2017/18). */
  financialYear: number;
  value: number;
}

export type TrajectoryStatus = "on-track" | "at-risk" | "off-track" | "no-target" | "no-data";

export interface TrajectoryAssessment {
  status: TrajectoryStatus;
  baseline: Actual | null;
  latest: Actual | null;
  /** The target judged: the next one due on or after the as-at date, else the last one. */
  target: (Target & { date: string }) | null;
  /** The planned score at the latest actual's date: the straight line between milestones. */
  plannedAtLatest: number | null;
  /** Points by which the latest actual is above (+) or below (−) the planned line. */
  gapToPlan: number | null;
  /** Points per year between the two latest actuals. */
  ratePerYear: number | null;
  /** The score expected at the target's date: measured if it has passed, else projected. */
  expectedAtTarget: number | null;
  reason: string;
}

/** Shortfall that still counts as "at risk" rather than "off track": 5% of the scale (5 points on 0–100, 0.2 on 1–5). */
export const atRiskMargin = (scale: Scale) => roundToScale(scaleRange(scale) * 0.05, scale.decimals + 1);

export const statusLabels: Record<TrajectoryStatus, string> = {
  "on-track": "On track",
  "at-risk": "At risk",
  "off-track": "Off track",
  "no-target": "No target",
  "no-data": "No scores",
};

const marginWords = (scale: Scale) => (scale.unit === "%" ? `${atRiskMargin(scale)} points or fewer` : `${atRiskMargin(scale)} or less`);

export const trajectoryRules = (scale: Scale) => [
  "The planned path runs in straight lines from the baseline (the first reported score) to each target in turn, each target due on 31 March at the end of its financial year.",
  "The current rate of change is the change between the two latest reported scores, per year.",
  `On track: at the current rate, the score reaches the next target by its date. At risk: it falls short by ${marginWords(scale)} (5% of the scale), or there is no score since the baseline to measure a rate from and the baseline is below the target. Off track: it falls short by more.`,
  "Once every target's date has passed, the last target is judged by the score measured at its date (read off the line between the scores either side of it); with no score since the baseline, a passed target counts as off track.",
  "A score already at or above the target is on track, unless the current rate takes it back below the target by its date.",
  "A footprint's or system's actual in a period is the mean over its providers of each one's latest reported score by then: a provider that has not yet reported again counts with its previous score, so the mean does not jump because of who has reported.",
];

function interpolate(points: readonly { day: number; value: number }[], day: number): number {
  if (day <= points[0]!.day) return points[0]!.value;
  for (let i = 1; i < points.length; i++) {
    const a = points[i - 1]!;
    const b = points[i]!;
    if (day <= b.day) return b.day === a.day ? b.value : a.value + ((b.value - a.value) * (day - a.day)) / (b.day - a.day);
  }
  return points.at(-1)!.value;
}

const clampTo = (scale: Scale, v: number) => Math.min(scale.max, Math.max(scale.min, v));

/** Where the scores are heading at a date: measured if it is within them, else projected. */
export function expectedScoreAt(actuals: readonly Actual[], date: string, scale: Scale): { value: number; projected: boolean; ratePerYear: number | null } | null {
  const points = [...actuals].sort((a, b) => a.date.localeCompare(b.date)).map((a) => ({ day: dayNumber(a.date), value: a.value }));
  if (points.length === 0) return null;
  const day = dayNumber(date);
  const last = points.at(-1)!;
  const previous = points.at(-2);
  const ratePerDay = previous && last.day > previous.day ? (last.value - previous.value) / (last.day - previous.day) : null;
  const ratePerYear = ratePerDay == null ? null : roundToScale(ratePerDay * 365.25, scale.decimals + 1);
  if (day <= last.day) return { value: interpolate(points, day), projected: false, ratePerYear };
  if (ratePerDay == null) return null;
  return { value: clampTo(scale, last.value + ratePerDay * (day - last.day)), projected: true, ratePerYear };
}

export function assessTrajectory({
  actuals,
  targets,
  asAt,
  scale,
}: {
  actuals: readonly Actual[];
  targets: readonly Target[];
  /** The framework's scale: figures are kept to one decimal place finer than its scores. */
  scale: Scale;
  /** ISO date the judgement is made on: today, or a past meeting's date. */
  asAt: string;
}): TrajectoryAssessment {
  const known = [...actuals].filter((a) => a.date <= asAt).sort((a, b) => a.date.localeCompare(b.date));
  const baseline = known[0] ?? null;
  const latest = known.at(-1) ?? null;
  const dated = [...targets].sort((a, b) => a.financialYear - b.financialYear).map((t) => ({ ...t, date: financialYearEnd(t.financialYear) }));
  const target = dated.find((t) => t.date >= asAt) ?? dated.at(-1) ?? null;
  const empty = { baseline, latest, target, plannedAtLatest: null, gapToPlan: null, ratePerYear: null, expectedAtTarget: null };

  if (!baseline || !latest) return { ...empty, status: "no-data", reason: "No scores have been reported yet." };
  if (!target) return { ...empty, status: "no-target", reason: "No target has been set." };

  // Projections and gaps keep one decimal place more than a score has.
  const round1 = (v: number) => roundToScale(v, scale.decimals + 1);
  const points = scale.unit === "%" ? "points" : "on the scale";
  const fine = (v: number) => formatFine(v, scale);
  const score = (v: number) => formatScore(v, { ...scale, decimals: Math.max(scale.decimals, decimalsOf(v)) });
  const knots = [{ day: dayNumber(baseline.date), value: baseline.value }, ...dated.filter((t) => t.date > baseline.date).map((t) => ({ day: dayNumber(t.date), value: t.value }))];
  const plannedAtLatest = round1(interpolate(knots, dayNumber(latest.date)));
  const gapToPlan = round1(latest.value - plannedAtLatest);
  const expected = expectedScoreAt(known, target.date, scale);
  const common = { baseline, latest, target, plannedAtLatest, gapToPlan, ratePerYear: expected?.ratePerYear ?? null, expectedAtTarget: expected ? round1(expected.value) : null };

  if (latest.value >= target.value && (!expected || expected.value >= target.value)) {
    return { ...common, status: "on-track", reason: `The latest score, ${fine(latest.value)}, is already at or above the target of ${score(target.value)}.` };
  }
  if (!expected && target.date < asAt) {
    return {
      ...common,
      status: "off-track",
      reason: `The target of ${score(target.value)} was due by ${target.date} and no score has been reported since the baseline to show it was met.`,
    };
  }
  if (!expected) {
    return {
      ...common,
      status: "at-risk",
      reason: `There is no score since the baseline to measure progress from; the target of ${score(target.value)} needs ${round1(target.value - latest.value)} more ${points}.`,
    };
  }
  const shortfall = round1(target.value - expected.value);
  const verb = expected.projected ? "At the current rate the score would reach" : "The score measured at the target's date was";
  if (shortfall <= 0) return { ...common, status: "on-track", reason: `${verb} ${fine(expected.value)}, meeting the target of ${score(target.value)}.` };
  return {
    ...common,
    status: shortfall <= atRiskMargin(scale) ? "at-risk" : "off-track",
    reason: `${verb} ${fine(expected.value)}, ${shortfall} ${points} short of the target of ${score(target.value)}.`,
  };
}

/** "All digital capabilities close to or above 70% by end 2018/19": is this domain heading there? */
export function meetsGoal(
  actuals: readonly Actual[],
  goal: { threshold: number; tolerance: number; financialYear: number },
  scale: Scale,
): { expected: number | null; meets: boolean | null } {
  const expected = expectedScoreAt(actuals, financialYearEnd(goal.financialYear), scale);
  if (!expected) return { expected: null, meets: null };
  return { expected: roundToScale(expected.value, scale.decimals + 1), meets: expected.value >= goal.threshold - goal.tolerance };
}

/** Decimal places a target was written with (a target of 2.75 on a one-decimal scale keeps both). */
function decimalsOf(value: number): number {
  const text = String(value);
  const dot = text.indexOf(".");
  return dot < 0 ? 0 : Math.min(3, text.length - dot - 1);
}
