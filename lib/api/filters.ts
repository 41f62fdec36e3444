import { badRequest } from "@/lib/errors";
import { isUuid } from "@/lib/ids";

interface FilterOptions<T> {
  /** The query parameter, for the error. */
  param: string;
  /** What it names, for the error: "footprint". */
  what: string;
  codeOf: (item: T) => string | null;
}

/**
 * The records a filter names, by id or by code (a footprint's BUCKS, a trust's ODS code
 * RTH, a period's 2016-BASELINE; codes in any case): undefined when the filter is not
 * given, and a 400 when it names nothing, so that a misspelt filter never looks like an
 * empty result. Several records when a code repeats (period codes do, across frameworks).
 */
export function resolveFilterAll<T extends { id: string }>(items: readonly T[], value: string | undefined, { param, what, codeOf }: FilterOptions<T>): T[] | undefined {
  if (value === undefined) return undefined;
  const wanted = value.trim().toLowerCase();
  const found = items.filter((item) => (isUuid(wanted) && item.id.toLowerCase() === wanted) || codeOf(item)?.toLowerCase() === wanted);
  if (found.length === 0) throw badRequest(`No ${what} has the code or id “${value}”.`, { [param]: `No ${what} has the code or id “${value}”` });
  return found;
}

/** The one record a filter names (the first, should a code repeat); see resolveFilterAll. */
export function resolveFilter<T extends { id: string }>(items: readonly T[], value: string | undefined, options: FilterOptions<T>): T | undefined {
  return resolveFilterAll(items, value, options)?.[0];
}

/** "true" or "false" in a query string. */
export const booleanParam = ["true", "false"] as const;
