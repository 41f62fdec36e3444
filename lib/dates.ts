// Dates as people in England read them.

const longDate = new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "long", year: "numeric", timeZone: "UTC" });

/** "2027-01-31" → "31 January 2027". */
export function formatDate(isoDate: string): string {
  const at = new Date(`${isoDate}T00:00:00Z`);
  return Number.isNaN(at.getTime()) ? isoDate : longDate.format(at);
}

const shortDate = new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "short", year: "numeric", timeZone: "UTC" });

/**
 * "2027-01-31" → "31 Jan 2027". One formatter for every call: toLocaleDateString builds a
 * new one each time, which cost the trajectories page 50 ms for its few hundred dates.
 */
export function formatShortDate(isoDate: string): string {
  const at = new Date(`${isoDate}T00:00:00Z`);
  return Number.isNaN(at.getTime()) ? isoDate : shortDate.format(at);
}

/** A real calendar date written YYYY-MM-DD (not 2026-02-30, not 2026-13-01). */
export function isIsoDate(value: string): boolean {
  const at = Date.parse(`${value}T00:00:00Z`);
  return /^\d{4}-\d{2}-\d{2}$/.test(value) && !Number.isNaN(at) && new Date(at).toISOString().startsWith(value);
}

/** The ISO date a number of days after (or, negative, before) another. */
export function addDays(isoDate: string, days: number): string {
  return new Date(Date.parse(`${isoDate}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}
