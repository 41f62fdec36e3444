import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { pageWindow } from "@/lib/api/page-window";

describe("paging over groups of known size", () => {
  it("takes the rows a page holds from the groups that hold them", () => {
    expect(pageWindow([3, 0, 4, 2], { offset: 2, limit: 4 })).toEqual({
      slices: [
        { index: 0, skip: 2, take: 1 },
        { index: 2, skip: 0, take: 3 },
      ],
      total: 9,
    });
    expect(pageWindow([3, 4], { offset: 10, limit: 5 })).toEqual({ slices: [], total: 7 });
  });

  it("gives exactly the page that slicing all the rows would give", () => {
    fc.assert(
      fc.property(fc.array(fc.nat({ max: 6 }), { maxLength: 12 }), fc.nat({ max: 40 }), fc.integer({ min: 1, max: 15 }), (sizes, offset, limit) => {
        const rows = sizes.flatMap((n, g) => Array.from({ length: n }, (_, i) => `${g}.${i}`));
        const { slices, total } = pageWindow(sizes, { offset, limit });
        const built = slices.flatMap((s) => Array.from({ length: sizes[s.index]! }, (_, i) => `${s.index}.${i}`).slice(s.skip, s.skip + s.take));
        expect(built).toEqual(rows.slice(offset, offset + limit));
        expect(total).toBe(rows.length);
      }),
    );
  });
});
