import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { addDays, formatShortDate } from "@/lib/dates";

describe("formatShortDate", () => {
  it("writes a date as people in England read it, short", () => {
    expect(formatShortDate("2027-01-31")).toBe("31 Jan 2027");
    expect(formatShortDate("2016-02-29")).toBe("29 Feb 2016");
  });

  it("agrees with toLocaleDateString, which it replaces, on any day (one shared formatter)", () => {
    fc.assert(
      fc.property(fc.integer({ min: -20_000, max: 40_000 }), (days) => {
        const iso = addDays("1970-01-01", days);
        expect(formatShortDate(iso)).toBe(new Date(`${iso}T00:00:00Z`).toLocaleDateString("en-GB", { day: "numeric", month: "short", year: "numeric", timeZone: "UTC" }));
      }),
    );
  });

  it("leaves what is not a date as it is", () => {
    expect(formatShortDate("not a date")).toBe("not a date");
  });
});
