import { describe, expect, it } from "vitest";
import { groupBy } from "@/lib/group-by";

describe("groupBy", () => {
  it("groups by key in one pass, each group in the items' order, optionally mapping each item", () => {
    const items = [
      { k: "a", n: 1 },
      { k: "b", n: 2 },
      { k: "a", n: 3 },
    ];
    expect([...groupBy(items, (i) => i.k)]).toEqual([
      ["a", [items[0], items[2]]],
      ["b", [items[1]]],
    ]);
    expect(groupBy(items, (i) => i.k, (i) => i.n).get("a")).toEqual([1, 3]);
    expect(groupBy([], (i: { k: string }) => i.k).size).toBe(0);
  });
});
