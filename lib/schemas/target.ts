import { z } from "zod";
import { parseFinancialYear } from "../financial-year";
import { scoreMessage, type Scale } from "../scale";

const targetScore = z
  .string({ error: "Enter the target score" })
  .trim()
  .min(1, { error: "Enter the target score", abort: true })
  .regex(/^\d+(\.\d+)?%?$/, { error: "The target must be a number, like 75 or 3.5" })
  // On the framework's scale: targetInputSchemaOn below, and setTarget again.
  .transform((v) => Number(v.replace("%", "")));

export const targetInputSchema = z.object({
  scope: z.enum(["system", "footprint", "organisation"], { error: "Choose whose target this is" }),
  scopeId: z.uuid({ error: "Choose whose target this is" }),
  frameworkId: z.uuid({ error: "Choose a framework" }),
  domainId: z.uuid({ error: "Choose a domain" }),
  financialYear: z
    .string({ error: "Enter the financial year, like 2017/18" })
    .transform((text, ctx) => {
      const year = parseFinancialYear(text);
      if (year == null) {
        ctx.addIssue({ code: "custom", message: `Enter the financial year like 2017/18 (“${text.trim()}” is not one)` });
        return z.NEVER;
      }
      return year;
    }),
  score: targetScore,
  // The version the user saw; absent when adding a new target.
  version: z.preprocess((v) => (v === "" || v == null ? undefined : v), z.coerce.number().int().positive().optional()),
});
export type TargetInput = z.infer<typeof targetInputSchema>;

/** The same, with the score checked against the framework's scale, so that a form shows every error at once. */
export function targetInputSchemaOn(scale: Scale | null) {
  if (!scale) return targetInputSchema;
  return targetInputSchema.extend({
    score: targetScore.superRefine((score, ctx) => {
      const message = scoreMessage("The target", score, scale);
      if (message) ctx.addIssue({ code: "custom", message });
    }),
  });
}
