// A framework's scale: the range its scores run over, how many decimal places a score
// has and what is printed after it. The 2016 index is 0–100 whole percentages; NHS
// England's DMA is 1–5 with one decimal at pillar level. Every rule that validates,
// rounds, prints or colours a score reads the scale from here, never a fixed 0–100.

export interface Scale {
  min: number;
  max: number;
  /** Decimal places of a score, and of every figure derived from scores. */
  decimals: number;
  /** "%" or "" */
  unit: string;
}

/** The scale stored on a framework row. */
export function scaleOf(framework: { scaleMin: number; scaleMax: number; scoreDecimals: number; unit: string }): Scale {
  return { min: framework.scaleMin, max: framework.scaleMax, decimals: framework.scoreDecimals, unit: framework.unit };
}

export const scaleRange = (scale: Scale) => scale.max - scale.min;

/** Whole units of the scale's last decimal place: 2.8 on a one-decimal scale is 28. */
export function toUnits(value: number, decimals: number): number {
  // Half up, with a nudge for binary fractions (2.85 is 2.8499999… as a double).
  return Math.floor(value * 10 ** decimals + 0.5 + 1e-9);
}

/** Rounds halves up to the scale's decimals (43.5 → 44; 2.85 → 2.9), as the seed's slides do. */
export function roundToScale(value: number, decimals: number): number {
  return toUnits(value, decimals) / 10 ** decimals;
}

/** Is the value a score this scale can hold: in range, with no more decimals than it has? */
export function scoreProblem(value: number, scale: Scale): "not-a-number" | "too-precise" | "out-of-range" | null {
  if (!Number.isFinite(value)) return "not-a-number";
  if (Math.abs(value * 10 ** scale.decimals - Math.round(value * 10 ** scale.decimals)) > 1e-6) return "too-precise";
  if (value < scale.min || value > scale.max) return "out-of-range";
  return null;
}

/** "from 0 to 100" / "from 1 to 5" */
export function describeRange(scale: Scale): string {
  return `from ${formatNumber(scale.min, scale.decimals, true)} to ${formatNumber(scale.max, scale.decimals, true)}`;
}

/** "a whole number from 0 to 100" / "a number from 1 to 5 with at most 1 decimal place" */
export function describeScore(scale: Scale): string {
  if (scale.decimals === 0) return `a whole number ${describeRange(scale)}`;
  return `a number ${describeRange(scale)} with at most ${scale.decimals} decimal place${scale.decimals === 1 ? "" : "s"}`;
}

/** The message for a value a scale cannot hold, naming what it can. */
export function scoreMessage(label: string, value: number, scale: Scale): string | null {
  const problem = scoreProblem(value, scale);
  if (problem == null) return null;
  if (problem === "too-precise") {
    return scale.decimals === 0
      ? `${label} must be a whole number (not ${value})`
      : `${label} must have at most ${scale.decimals} decimal place${scale.decimals === 1 ? "" : "s"} (not ${value})`;
  }
  return `${label} must be ${describeRange(scale)}${problem === "out-of-range" ? ` (not ${value})` : ""}`;
}

function formatNumber(value: number, decimals: number, trim = false): string {
  const rounded = roundToScale(value, decimals);
  const text = rounded.toFixed(decimals);
  return trim && decimals > 0 ? String(Number(text)) : text;
}

/** A score or a mean as printed: "44%", "2.8", "–" when there is none. */
export function formatScore(value: number | null | undefined, scale: Scale): string {
  return value == null ? "–" : `${formatNumber(value, scale.decimals)}${scale.unit}`;
}

/** A gap as printed, with its sign: "+3", "−0.2", "0". */
export function formatGap(value: number | null | undefined, scale: Scale): string {
  if (value == null) return "–";
  const units = toUnits(value, scale.decimals);
  const text = (Math.abs(units) / 10 ** scale.decimals).toFixed(scale.decimals);
  return units > 0 ? `+${text}` : units < 0 ? `−${text}` : "0";
}

/** The step between two printable scores: 1 on a whole-number scale, 0.1 on a one-decimal one. */
export const scaleStep = (scale: Scale) => 1 / 10 ** scale.decimals;

/** A projection or a rate, one decimal place finer than a score, with no trailing zeros: "42.5%", "42%", "2.85". */
export function formatFine(value: number | null | undefined, scale: Scale): string {
  return value == null ? "–" : `${formatNumber(value, scale.decimals + 1, true)}${scale.unit}`;
}
