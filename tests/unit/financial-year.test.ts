import { describe, expect, it } from "vitest";
import { dayNumber, financialYearEnd, financialYearOf, formatFinancialYear, parseFinancialYear } from "@/lib/financial-year";

describe("financial years", () => {
  it.each([
    ["2017/18", 2017],
    ["2017-18", 2017],
    [" 2018/19 ", 2018],
    ["2017/2018", 2017],
    ["2099/00", 2099],
  ])("parses %s as starting in %i", (text, year) => {
    expect(parseFinancialYear(text)).toBe(year);
  });

  it.each(["2017/19", "2017", "17/18", "2017/17", "abcd/ef", "", "1999/00", "2017/2019"])("refuses %s", (text) => {
    expect(parseFinancialYear(text)).toBeNull();
  });

  it("formats, ends on 31 March, and places dates in their year", () => {
    expect(formatFinancialYear(2016)).toBe("2016/17");
    expect(formatFinancialYear(2099)).toBe("2099/00");
    expect(financialYearEnd(2018)).toBe("2019-03-31");
    expect(financialYearOf("2016-02-29")).toBe(2015);
    expect(financialYearOf("2016-03-31")).toBe(2015);
    expect(financialYearOf("2016-04-01")).toBe(2016);
    expect(parseFinancialYear(formatFinancialYear(2023))).toBe(2023);
  });

  it("counts days between dates, across leap years", () => {
    expect(dayNumber("2016-03-01") - dayNumber("2016-02-28")).toBe(2);
    expect(dayNumber("2017-03-31") - dayNumber("2016-03-31")).toBe(365);
  });
});
