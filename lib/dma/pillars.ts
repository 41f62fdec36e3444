import { headerKey } from "@/lib/import/cells";

// The seven pillars of NHS England's "What Good Looks Like" framework, the one list the
// app keeps of them. Codes are ours and stable; names change between editions (the 2021
// framework's "Support people" and "Empower citizens" are the 2025 file's "Support
// Workforce" and "Empower People"), so every name a publication has used is kept.
export const pillars = [
  { code: "WL", name: "Well Led", alternativeNames: [], position: 1 },
  // "Ensuring" is how NHS England's own primary-care sheet heads the column.
  { code: "SF", name: "Ensure Smart Foundations", alternativeNames: ["Ensuring Smart Foundations"], position: 2 },
  { code: "SP", name: "Safe Practice", alternativeNames: [], position: 3 },
  { code: "SW", name: "Support Workforce", alternativeNames: ["Support people"], position: 4 },
  { code: "EP", name: "Empower People", alternativeNames: ["Empower citizens"], position: 5 },
  { code: "IC", name: "Improve Care", alternativeNames: [], position: 6 },
  { code: "HP", name: "Healthy Populations", alternativeNames: [], position: 7 },
] as const satisfies readonly { code: string; name: string; alternativeNames: readonly string[]; position: number }[];

export type Pillar = (typeof pillars)[number];
export type PillarCode = Pillar["code"];

const byName = new Map<string, Pillar>(pillars.flatMap((p) => [p.name, ...p.alternativeNames].map((name) => [headerKey(name), p] as const)));

/** The pillar a column heading names, in any of its editions' wording, or null. */
export function pillarNamed(heading: string): Pillar | null {
  return byName.get(headerKey(heading)) ?? null;
}

/** A record with every pillar, each set to `value`. */
export function pillarRecord<T>(value: T): Record<PillarCode, T> {
  return Object.fromEntries(pillars.map((p) => [p.code, value])) as Record<PillarCode, T>;
}
