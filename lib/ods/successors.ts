import type { OdsReference } from "./read-files";

// In April 2026 42 ICBs became 36. The lists do not say which became which, but a trust's
// ICB in the two trust lists does: an ICB that is gone became the one most of its trusts
// moved to. An ICB still there has no successor.

/** The ICB of each 2024 ICB's trusts in 2026: the one most of them moved to. */
export function successorsOf(ref: Pick<OdsReference, "trusts2025" | "trusts2026" | "icbs2024" | "icbs2026">): Map<string, string> {
  const after = new Map(ref.trusts2026.map((t) => [t.odsCode, t.icbCode]));
  const votes = new Map<string, Map<string, number>>();
  for (const t of ref.trusts2025) {
    const next = after.get(t.odsCode);
    if (!t.icbCode || !next) continue;
    const tally = votes.get(t.icbCode) ?? new Map<string, number>();
    tally.set(next, (tally.get(next) ?? 0) + 1);
    votes.set(t.icbCode, tally);
  }
  const current = new Set(ref.icbs2026.map((i) => i.code));
  const out = new Map<string, string>();
  for (const icb of ref.icbs2024) {
    if (current.has(icb.code)) continue;
    const tally = [...(votes.get(icb.code) ?? new Map<string, number>()).entries()].sort((a, b) => b[1] - a[1]);
    if (tally[0]) out.set(icb.code, tally[0][0]);
  }
  return out;
}

