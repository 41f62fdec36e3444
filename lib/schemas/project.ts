import { z } from "zod";
import { parseFinancialYear } from "../financial-year";
import { capabilityRoles, projectStatuses, ragRatings, stpDigitalPriorities } from "../portfolio";
import { isoDate } from "./workstream";

const anUuid = z.uuid();
// One message on the field itself (the form shows errors by field name, not "ownerIds.2").
const list = (message: string) =>
  z.preprocess(
    (v) => (v == null || v === "" ? [] : Array.isArray(v) ? v : [v]),
    z
      .array(z.unknown())
      .refine((ids) => ids.every((id) => anUuid.safeParse(id).success), { error: message, abort: true })
      .pipe(z.array(z.uuid())),
  );

const optionalDate = (message: string) => z.preprocess((v) => (typeof v === "string" && v.trim() === "" ? null : v ?? null), isoDate(message).nullable());

const financialYear = (what: string) =>
  z.string({ error: `Enter the ${what} financial year, like 2017/18` }).transform((text, ctx) => {
    if (text.trim() === "") {
      ctx.addIssue({ code: "custom", message: `Enter the ${what} financial year, like 2017/18` });
      return z.NEVER;
    }
    const year = parseFinancialYear(text);
    if (year == null) {
      ctx.addIssue({ code: "custom", message: `Enter the ${what} financial year like 2017/18 (“${text.trim()}” is not one)` });
      return z.NEVER;
    }
    return year;
  });

/**
 * A project as the form sends it. Capabilities come as `uc.<n>` = "" | "E" | "S" for each
 * universal capability; owners and footprints as repeated fields.
 */
export const projectInputSchema = z
  .object({
    projectId: z.preprocess((v) => (v === "" ? undefined : v), z.uuid().optional()),
    version: z.preprocess((v) => (v === "" || v == null ? undefined : v), z.coerce.number().int().positive().optional()),
    title: z.string({ error: "Enter the project's title" }).trim().min(1, { error: "Enter the project's title" }).max(200, { error: "Keep the title under 200 characters" }),
    description: z.preprocess((v) => v ?? "", z.string().trim().max(4000, { error: "Keep the description under 4000 characters" })),
    domainId: z.uuid({ error: "Choose the maturity domain the project raises" }),
    stpPriority: z.enum(stpDigitalPriorities, { error: "Choose the STP digital priority the project serves" }),
    programmeId: z.preprocess((v) => (v === "" ? null : v ?? null), z.uuid({ error: "Choose a programme from the list" }).nullable()),
    ownerIds: list("Choose owners from the list").pipe(z.array(z.uuid()).min(1, { error: "Choose at least one owner organisation" })),
    footprintIds: list("Choose footprints from the list"),
    fromYear: financialYear("first"),
    toYear: financialYear("last"),
    startOn: optionalDate("Enter the start date as a real date, like 2017-04-01"),
    endOn: optionalDate("Enter the end date as a real date, like 2019-03-31"),
    status: z.enum(projectStatuses, { error: "Choose the project's status" }),
    rag: z.preprocess((v) => (v === "" ? null : v ?? null), z.enum(ragRatings, { error: "Choose red, amber or green" }).nullable()),
    ragReason: z.preprocess((v) => v ?? "", z.string().trim().max(2000, { error: "Keep the reason under 2000 characters" })),
    capabilities: z.record(z.string(), z.enum(["", ...capabilityRoles], { error: "Choose enables, supports or neither" })),
  })
  .superRefine((v, ctx) => {
    if (v.toYear < v.fromYear) ctx.addIssue({ code: "custom", path: ["toYear"], message: "The last financial year cannot be before the first" });
    if (v.startOn && v.endOn && v.endOn < v.startOn) ctx.addIssue({ code: "custom", path: ["endOn"], message: "The end date cannot be before the start date" });
    if ((v.rag === "red" || v.rag === "amber") && v.ragReason === "") {
      ctx.addIssue({ code: "custom", path: ["ragReason"], message: `Say why the project is ${v.rag}` });
    }
    for (const key of Object.keys(v.capabilities)) {
      const n = Number(key);
      // Only "1".."10": "05" or "5.0" would be a second entry for UC 5 (and a database error).
      if (!Number.isInteger(n) || String(n) !== key || n < 1 || n > 10) ctx.addIssue({ code: "custom", path: ["capabilities", key], message: "There are ten universal capabilities, 1 to 10" });
    }
  })
  .transform((v) => ({
    ...v,
    ownerIds: [...new Set(v.ownerIds)],
    footprintIds: [...new Set(v.footprintIds)],
    ragReason: v.rag === null || v.rag === "green" ? (v.ragReason || null) : v.ragReason,
    capabilities: Object.entries(v.capabilities)
      .filter((e): e is [string, "E" | "S"] => e[1] !== "")
      .map(([uc, role]) => ({ uc: Number(uc), role }))
      .sort((a, b) => a.uc - b.uc),
  }));
export type ProjectInput = z.infer<typeof projectInputSchema>;

/** The project form's flat fields (uc.<n>) as the object projectInputSchema reads. */
export function projectFormToInput(form: Record<string, unknown>): Record<string, unknown> {
  const capabilities: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(form)) {
    const m = /^uc\.(\d{1,2})$/.exec(key);
    if (m) capabilities[m[1]!] = value;
  }
  return { ...form, capabilities };
}

export const milestoneInputSchema = z.object({
  projectId: z.uuid({ error: "That project was not found" }),
  title: z.string({ error: "Name the milestone" }).trim().min(1, { error: "Name the milestone" }).max(300, { error: "Keep the milestone under 300 characters" }),
  dueOn: isoDate("Enter the date the milestone is due, like 2027-03-31"),
});
export type MilestoneInput = z.infer<typeof milestoneInputSchema>;

export const milestoneDoneSchema = z.object({
  milestoneId: z.uuid({ error: "That milestone was not found" }),
  doneOn: isoDate("Enter the date it was met, like 2027-03-31"),
});
export type MilestoneDoneInput = z.infer<typeof milestoneDoneSchema>;

export const benefitInputSchema = z.object({
  projectId: z.uuid({ error: "That project was not found" }),
  categoryId: z.uuid({ error: "Choose the kind of benefit" }),
  description: z.string({ error: "Describe the benefit" }).trim().min(1, { error: "Describe the benefit" }).max(2000, { error: "Keep the benefit under 2000 characters" }),
});
export type BenefitInput = z.infer<typeof benefitInputSchema>;

export const invitationDecisionSchema = z.object({
  invitationId: z.uuid({ error: "That invitation was not found" }),
  decision: z.enum(["accept", "decline"], { error: "Choose accept or decline" }),
});
export type InvitationDecisionInput = z.infer<typeof invitationDecisionSchema>;
