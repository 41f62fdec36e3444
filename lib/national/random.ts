// A seeded pseudo-random source for the synthetic national data set: the same seed gives
// the same data set on any machine (Math.random cannot be seeded). mulberry32: 32 bits of
// state, fast, and good enough for test data (not for anything secret).

export interface Random {
  /** A float in [0, 1). */
  next(): number;
  /** An integer in [min, max], both included. */
  int(min: number, max: number): number;
  /** True with probability p. */
  chance(p: number): boolean;
  pick<T>(items: readonly T[]): T;
  /** n distinct items (all of them when n ≥ the list's length), in the list's order. */
  sample<T>(items: readonly T[], n: number): T[];
  /** A version 4 UUID made from the stream, so generated rows have repeatable ids. */
  uuid(): string;
  /** An independent stream for one part of the data set, so that parts do not shift each other. */
  fork(label: string): Random;
}

export function createRandom(seed: number): Random {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (min: number, max: number) => min + Math.floor(next() * (max - min + 1));
  return {
    next,
    int,
    chance: (p) => next() < p,
    pick: (items) => {
      if (items.length === 0) throw new Error("pick from an empty list");
      return items[int(0, items.length - 1)]!;
    },
    sample(items, n) {
      const chosen = new Set<number>();
      const want = Math.min(n, items.length);
      while (chosen.size < want) chosen.add(int(0, items.length - 1));
      return [...chosen].sort((a, b) => a - b).map((i) => items[i]!);
    },
    uuid() {
      const hex = Array.from({ length: 16 }, () => int(0, 255));
      hex[6] = (hex[6]! & 0x0f) | 0x40;
      hex[8] = (hex[8]! & 0x3f) | 0x80;
      const h = hex.map((b) => b.toString(16).padStart(2, "0")).join("");
      return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
    },
    fork(label) {
      let h = state ^ 0x811c9dc5;
      for (const c of label) h = Math.imul(h ^ c.charCodeAt(0), 0x01000193);
      return createRandom(h >>> 0);
    },
  };
}

/** A score kept within 0–100. */
export function clampScore(value: number): number {
  return Math.max(0, Math.min(100, Math.round(value)));
}
