import { z } from "zod";
import { isIsoDate } from "@/lib/dates";
import { badRequest, type FieldErrors } from "@/lib/errors";
import { exportFormats } from "./links";

// A download's filters come from its URL as the page's GET form sends them: the first value
// of each, a blank one meaning "not chosen".

export const exportFormat = z.enum(exportFormats, { error: "format must be csv or xlsx" }).default("csv");
export const code = (what: string) => z.string().max(100, `${what} is too long`);
export const isoDate = (what: string) => z.string().refine(isIsoDate, `${what} must be a date written YYYY-MM-DD`);

export function queryObject(params: URLSearchParams): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, value] of params) if (!(key in out) && value.trim() !== "") out[key] = value.trim();
  return out;
}

/** The filters, or a 400 naming each one that is wrong in itself. */
export function parseExportQuery<S extends z.ZodType>(schema: S, params: URLSearchParams): z.output<S> {
  const parsed = schema.safeParse(queryObject(params));
  if (parsed.success) return parsed.data;
  const fieldErrors: FieldErrors = {};
  for (const issue of parsed.error.issues) fieldErrors[issue.path.join(".") || "query"] ??= issue.message;
  throw badRequest(`The download's filters are not right: ${Object.values(fieldErrors).join("; ")}.`, fieldErrors);
}

/** A file name from its parts: letters, digits and hyphens only. */
export function fileName(parts: readonly (string | null | undefined)[], format: string): string {
  const stem = parts
    .filter((p): p is string => Boolean(p))
    .map((p) => p.replace(/[^A-Za-z0-9]+/g, "-").replace(/^-+|-+$/g, ""))
    .filter(Boolean)
    .join("-");
  return `${stem || "export"}.${format}`;
}
