import { z } from "zod";
import type { FieldErrors } from "../errors";

export const SCORE_FIELD_PREFIX = "score:";

/** One domain score, 0–100, from a form field (a string) or JSON (a number). */
export function scoreSchema(domainName: string) {
  return z
    .union([z.string(), z.number()], { error: `Enter a score for ${domainName}` })
    .transform((v) => (typeof v === "string" ? v.trim().replace(/%$/, "").trim() : v))
    .pipe(
      z
        .union([z.literal("").transform(() => undefined), z.string(), z.number()])
        .refine((v) => v !== undefined, { error: `Enter a score for ${domainName}` })
        .refine((v) => v === undefined || typeof v === "number" || /^-?\d+(\.\d+)?$/.test(v), {
          error: `Score for ${domainName} must be a number, like 65`,
        })
        .transform((v) => Number(v))
        .pipe(
          z
            .number()
            .int({ error: `Score for ${domainName} must be a whole number` })
            .min(0, { error: `Score for ${domainName} must be between 0 and 100` })
            .max(100, { error: `Score for ${domainName} must be between 0 and 100` }),
        ),
    );
}

export const assessmentFormSchema = z.object({
  assessmentId: z.uuid({ error: "The form did not say which assessment to save. Reload the page and try again." }),
  version: z.coerce.number({ error: "The form is out of date. Reload the page and try again." }).int().positive(),
  intent: z.enum(["save", "submit"], { error: "Choose Save draft or Save and submit." }),
});

export interface DomainRef {
  id: string;
  code: string;
  name: string;
}

export type ParsedScores =
  | { ok: true; scores: Record<string, number> }
  | { ok: false; fieldErrors: FieldErrors; unknownDomains: string[] };

/**
 * Checks a full set of scores for a framework: every domain scored 0–100, and nothing
 * that is not a domain of it. Keys may be domain ids or codes; errors are keyed by id.
 */
export function parseScores(raw: Readonly<Record<string, unknown>>, domains: readonly DomainRef[]): ParsedScores {
  const byKey = new Map<string, DomainRef>();
  for (const d of domains) {
    byKey.set(d.id, d);
    byKey.set(d.code, d);
  }
  const unknownDomains = Object.keys(raw).filter((k) => !byKey.has(k));
  const fieldErrors: FieldErrors = {};
  const scores: Record<string, number> = {};
  for (const domain of domains) {
    const value = raw[domain.id] ?? raw[domain.code];
    const result = scoreSchema(domain.name).safeParse(value);
    if (result.success) scores[domain.id] = result.data;
    else fieldErrors[domain.id] = result.error.issues[0]!.message;
  }
  if (unknownDomains.length > 0 || Object.keys(fieldErrors).length > 0) {
    return { ok: false, fieldErrors, unknownDomains };
  }
  return { ok: true, scores };
}

/** The score fields of a submitted form, keyed by what follows the prefix. */
export function scoreFieldsFromForm(formData: FormData): Record<string, FormDataEntryValue> {
  const out: Record<string, FormDataEntryValue> = {};
  for (const [key, value] of formData.entries()) {
    if (key.startsWith(SCORE_FIELD_PREFIX)) out[key.slice(SCORE_FIELD_PREFIX.length)] = value;
  }
  return out;
}
