import { z } from "zod";
import type { FieldErrors } from "../errors";
import { scoreMessage, type Scale } from "../scale";

/** A typical score on the scale, for messages: 65 on 0–100, 2.5 on 1–5. */
const example = (scale: Scale) => Number((scale.min + (scale.max - scale.min) * 0.65).toFixed(scale.decimals));

export const SCORE_FIELD_PREFIX = "score:";

/** One domain score on the framework's scale, from a form field (a string) or JSON (a number). */
export function scoreSchema(domainName: string, scale: Scale) {
  return z
    .union([z.string(), z.number()], { error: `Enter a score for ${domainName}` })
    .transform((v) => (typeof v === "string" ? v.trim().replace(/%$/, "").trim() : v))
    .pipe(
      z
        .union([z.literal("").transform(() => undefined), z.string(), z.number()])
        .refine((v) => v !== undefined, { error: `Enter a score for ${domainName}` })
        .refine((v) => v === undefined || typeof v === "number" || /^-?\d+(\.\d+)?$/.test(v), {
          error: `Score for ${domainName} must be a number, like ${example(scale)}`,
        })
        .transform((v) => Number(v))
        .superRefine((v, ctx) => {
          const message = scoreMessage(`Score for ${domainName}`, v, scale);
          if (message) ctx.addIssue({ code: "custom", message });
        }),
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
 * Checks a full set of scores for a framework: every domain scored on its scale, and
 * nothing that is not a domain of it. Keys may be domain ids or codes; errors are keyed by id.
 */
export function parseScores(raw: Readonly<Record<string, unknown>>, domains: readonly DomainRef[], scale: Scale): ParsedScores {
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
    const result = scoreSchema(domain.name, scale).safeParse(value);
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
