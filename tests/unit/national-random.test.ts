import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { clampScore, createRandom } from "@/lib/national/random";

describe("the seeded random stream", () => {
  it("gives the same sequence for the same seed and another for another seed", () => {
    const draw = (seed: number) => {
      const r = createRandom(seed);
      return Array.from({ length: 20 }, () => r.next());
    };
    expect(draw(7)).toEqual(draw(7));
    expect(draw(7)).not.toEqual(draw(8));
  });

  it("keeps int within its bounds, both reached", () => {
    fc.assert(
      fc.property(fc.nat(), fc.integer({ min: -50, max: 50 }), fc.integer({ min: 0, max: 5 }), (seed, min, width) => {
        const r = createRandom(seed);
        const seen = new Set<number>();
        for (let i = 0; i < 400; i++) {
          const v = r.int(min, min + width);
          expect(Number.isInteger(v)).toBe(true);
          expect(v).toBeGreaterThanOrEqual(min);
          expect(v).toBeLessThanOrEqual(min + width);
          seen.add(v);
        }
        expect(seen.size).toBe(width + 1);
      }),
      { numRuns: 50 },
    );
  });

  it("samples distinct items in the list's order, never more than there are", () => {
    fc.assert(
      fc.property(fc.nat(), fc.uniqueArray(fc.integer(), { maxLength: 20 }), fc.nat({ max: 25 }), (seed, items, n) => {
        const sample = createRandom(seed).sample(items, n);
        expect(sample.length).toBe(Math.min(n, items.length));
        expect(new Set(sample).size).toBe(sample.length);
        const positions = sample.map((x) => items.indexOf(x));
        expect(positions).toEqual([...positions].sort((a, b) => a - b));
      }),
    );
  });

  it("makes version 4 UUIDs, repeatable from the seed", () => {
    const a = createRandom(3);
    const ids = Array.from({ length: 1000 }, () => a.uuid());
    for (const id of ids) expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(new Set(ids).size).toBe(ids.length);
    expect(createRandom(3).uuid()).toBe(ids[0]);
  });

  it("forks independent streams: drawing from one does not shift another", () => {
    const parent = createRandom(5);
    const a = parent.fork("a");
    const b = parent.fork("b");
    const bAlone = createRandom(5).fork("b").next();
    a.next();
    a.next();
    expect(b.next()).toBe(bAlone);
    expect(createRandom(5).fork("a").next()).not.toBe(bAlone);
  });

  it("clamps scores to whole numbers from 0 to 100", () => {
    expect([clampScore(-3), clampScore(42.6), clampScore(140)]).toEqual([0, 43, 100]);
  });
});
