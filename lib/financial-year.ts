// NHS financial years run April to March and are written "2017/18". We store a year by
// the calendar year it starts in (2017 for 2017/18).

const pattern = /^(\d{4})\s*[/-]\s*(\d{2}|\d{4})$/;

export function formatFinancialYear(startYear: number): string {
  return `${startYear}/${String((startYear + 1) % 100).padStart(2, "0")}`;
}

/** "2017/18", "2017-18", "2017/2018" → 2017; anything else → null. */
export function parseFinancialYear(text: string): number | null {
  const match = pattern.exec(text.trim());
  if (!match) return null;
  const start = Number(match[1]);
  const end = Number(match[2]);
  const expectedEnd = match[2]!.length === 2 ? (start + 1) % 100 : start + 1;
  if (end !== expectedEnd || start < 2000 || start > 2100) return null;
  return start;
}

/** The last day of a financial year: 31 March of the following calendar year (ISO date). */
export function financialYearEnd(startYear: number): string {
  return `${startYear + 1}-03-31`;
}

/** The financial year a date falls in. */
export function financialYearOf(isoDate: string): number {
  const [year, month] = isoDate.split("-").map(Number) as [number, number];
  return month >= 4 ? year : year - 1;
}

const DAY = 24 * 60 * 60 * 1000;
/** Days since 1970-01-01 of an ISO date, for straight-line arithmetic between dates. */
export function dayNumber(isoDate: string): number {
  return Math.round(Date.parse(`${isoDate.slice(0, 10)}T00:00:00Z`) / DAY);
}
