// Unit tests for lib/maturity-selection.ts: which framework, period and footprint a page shows.
import { describe, expect, it } from "vitest";
import { defaultPeriod, firstParam, pickByCode } from "@/lib/maturity-selection";

const footprints = [
  { id: "f1", code: "BUCKS" },
  { id: "f2", code: "OXON" },
  { id: "f3", code: "BERKSW" },
];

describe("pickByCode", () => {
  it("finds the item with the code, returning the same object", () => {
    expect(pickByCode(footprints, "OXON")).toBe(footprints[1]);
    expect(pickByCode(footprints, "BERKSW")).toBe(footprints[2]);
  });

  it.each([undefined, "", "oxon", "OXON ", "f2", "NOPE"])("returns undefined for %j", (code) => {
    expect(pickByCode(footprints, code)).toBeUndefined();
  });

  it("returns undefined from an empty list", () => {
    expect(pickByCode([], "OXON")).toBeUndefined();
  });

  it("returns the first of duplicate codes", () => {
    const items = [
      { id: "a", code: "X" },
      { id: "b", code: "X" },
    ];
    expect(pickByCode(items, "X")!.id).toBe("a");
  });
});

describe("defaultPeriod", () => {
  it("is the first period anyone has reported in", () => {
    const periods = [
      { id: "p3", code: "2018", reportedCount: 0 },
      { id: "p2", code: "2017", reportedCount: 2 },
      { id: "p1", code: "2016", reportedCount: 6 },
    ];
    expect(defaultPeriod(periods)).toBe(periods[1]);
  });

  it("is the first period when it has reports", () => {
    const periods = [
      { id: "p2", code: "2017", reportedCount: 1 },
      { id: "p1", code: "2016", reportedCount: 6 },
    ];
    expect(defaultPeriod(periods)).toBe(periods[0]);
  });

  it("is the first period when nobody has reported in any", () => {
    const periods = [
      { id: "p2", code: "2017", reportedCount: 0 },
      { id: "p1", code: "2016", reportedCount: 0 },
    ];
    expect(defaultPeriod(periods)).toBe(periods[0]);
  });

  it("is undefined for no periods", () => {
    expect(defaultPeriod([])).toBeUndefined();
  });
});

describe("firstParam", () => {
  it.each([
    [undefined, undefined],
    ["OXON", "OXON"],
    ["", ""],
    [["OXON", "BUCKS"], "OXON"],
    [["BUCKS"], "BUCKS"],
    [[], undefined],
  ] as const)("firstParam(%j) = %j", (value, expected) => {
    expect(firstParam(value as string | string[] | undefined)).toBe(expected);
  });
});
