import { z } from "zod";
import { isIsoDate } from "../dates";
import { decisions, deliverableStatuses } from "../tollgate";
import { itemStatuses } from "../workstream";

const version = z.coerce.number({ error: "Reload the page and try again" }).int().positive();
const optionalText = (max: number, what: string) =>
  z.preprocess((v) => (v == null ? "" : v), z.string().trim().max(max, { error: `Keep the ${what} under ${max} characters` }));

/** A real calendar date written YYYY-MM-DD (what a date input sends). */
export const isoDate = (message: string) =>
  z
    .string({ error: message })
    .trim()
    .refine(isIsoDate, { error: message });

export const itemUpdateSchema = z.object({
  itemId: z.uuid({ error: "That objective or requirement was not found" }),
  status: z.enum(itemStatuses, { error: "Choose a status" }),
  note: optionalText(2000, "note"),
  version,
});
export type ItemUpdateInput = z.infer<typeof itemUpdateSchema>;

const evidenceUrl = z.preprocess(
  (v) => (typeof v === "string" ? v.trim() : v ?? ""),
  z.union([
    z.literal("").transform(() => null),
    z
      .url({ protocol: /^https?$/, error: "Enter the evidence link as a full web address starting https://" })
      .max(2000, { error: "Keep the evidence link under 2000 characters" }),
  ]),
);

export const deliverableUpdateSchema = z
  .object({
    deliverableId: z.uuid({ error: "That deliverable was not found" }),
    status: z.enum(deliverableStatuses, { error: "Choose a status" }),
    reason: optionalText(2000, "reason"),
    note: optionalText(2000, "note"),
    evidenceUrl,
    version,
  })
  .refine((v) => v.status !== "not_required" || v.reason !== "", {
    error: "Say why this deliverable is not required",
    path: ["reason"],
  });
export type DeliverableUpdateInput = z.infer<typeof deliverableUpdateSchema>;

export const reviewDateSchema = z.object({
  workstreamId: z.uuid({ error: "That workstream was not found" }),
  nextReviewOn: z.preprocess((v) => (v == null || (typeof v === "string" && v.trim() === "") ? null : v), isoDate("Enter the review date as a real date, like 2027-01-31").nullable()),
  version,
});
export type ReviewDateInput = z.infer<typeof reviewDateSchema>;

export const requestReviewSchema = z.object({
  workstreamId: z.uuid({ error: "That workstream was not found" }),
  version,
});
export type RequestReviewInput = z.infer<typeof requestReviewSchema>;

const conditionRow = z.object({
  description: optionalText(1000, "condition"),
  owner: optionalText(200, "owner's name"),
  dueOn: optionalText(10, "date"),
});

/** Condition rows as the form sends them: blank rows are ignored, half-filled ones refused. */
const conditions = z
  .array(conditionRow)
  .superRefine((rows, ctx) => {
    rows.forEach((row, i) => {
      if (!row.description && !row.owner && !row.dueOn) return;
      if (!row.description) ctx.addIssue({ code: "custom", path: [i, "description"], message: "Describe the condition" });
      if (!row.owner) ctx.addIssue({ code: "custom", path: [i, "owner"], message: "Name who owns the condition" });
      if (!isoDate("x").safeParse(row.dueOn).success) {
        ctx.addIssue({ code: "custom", path: [i, "dueOn"], message: "Enter the date the condition is due, like 2027-03-31" });
      }
    });
  })
  .transform((rows) => rows.filter((r) => r.description || r.owner || r.dueOn));

export const decisionSchema = z
  .object({
    reviewId: z.uuid({ error: "That review was not found" }),
    heldOn: isoDate("Enter the date of the board meeting, like 2027-01-31"),
    // A member ticked twice is one member present.
    attendees: z
      .array(z.uuid({ error: "Tick board members from the list" }))
      .min(1, { error: "Tick the board members present" })
      .transform((ids) => [...new Set(ids)]),
    recommendations: z.record(z.string(), z.string()),
    decision: z.enum(decisions, { error: "Choose the board's decision" }),
    reasons: z
      .string({ error: "Give the reasons for the decision" })
      .trim()
      .min(1, { error: "Give the reasons for the decision" })
      .max(4000, { error: "Keep the reasons under 4000 characters" }),
    conditions,
  })
  .superRefine((v, ctx) => {
    const isDecision = (value: string | undefined) => (decisions as readonly string[]).includes(value ?? "");
    for (const id of v.attendees) {
      if (!isDecision(v.recommendations[id])) {
        ctx.addIssue({ code: "custom", path: ["recommendation", id], message: "Choose this member's recommendation" });
      }
    }
    // A recommendation chosen for a member not ticked as present would be lost: say so.
    for (const [id, value] of Object.entries(v.recommendations)) {
      if (isDecision(value) && !v.attendees.includes(id)) {
        ctx.addIssue({ code: "custom", path: ["recommendation", id], message: "Tick this member as present, or clear their recommendation" });
      }
    }
    v.conditions.forEach((c, i) => {
      // Only complete rows: a half-filled one already has its own messages.
      const complete = c.description && c.owner && isoDate("x").safeParse(c.dueOn).success;
      if (complete && c.dueOn < v.heldOn) {
        ctx.addIssue({ code: "custom", path: ["conditions", i, "dueOn"], message: "A condition cannot fall due before the meeting that set it" });
      }
    });
    if (v.decision === "proceed_with_conditions" && v.conditions.length === 0) {
      ctx.addIssue({ code: "custom", path: ["conditions", 0, "description"], message: "Add at least one condition, with an owner and a due date" });
    }
    if (v.decision !== "proceed_with_conditions" && v.conditions.length > 0) {
      ctx.addIssue({ code: "custom", path: ["decision"], message: "Only a decision to proceed with conditions carries conditions: choose it or clear the conditions" });
    }
  })
  .transform((v) => ({
    reviewId: v.reviewId,
    heldOn: v.heldOn,
    decision: v.decision,
    reasons: v.reasons,
    attendees: v.attendees.map((userId) => ({ userId, recommendation: v.recommendations[userId] as (typeof decisions)[number] })),
    conditions: v.conditions,
  }));
export type DecisionInput = z.infer<typeof decisionSchema>;

/**
 * The decision form's flat fields (attendees ticked, recommendation.<userId>,
 * conditions.<n>.<field>) as the object decisionSchema reads.
 */
export function decisionFormToInput(form: Record<string, unknown>): Record<string, unknown> {
  const attendees = form.attendees == null ? [] : Array.isArray(form.attendees) ? form.attendees : [form.attendees];
  const recommendations: Record<string, unknown> = {};
  const rows: Record<string, unknown>[] = [];
  for (const [key, value] of Object.entries(form)) {
    const rec = /^recommendation\.(.+)$/.exec(key);
    if (rec) recommendations[rec[1]!] = value;
    const cond = /^conditions\.(\d{1,2})\.(description|owner|dueOn)$/.exec(key);
    if (cond) (rows[Number(cond[1])] ??= {})[cond[2]!] = value;
  }
  return { ...form, attendees, recommendations, conditions: Array.from(rows, (r) => r ?? {}) };
}

export const closeConditionSchema = z.object({
  conditionId: z.uuid({ error: "That condition was not found" }),
  closureNote: z
    .string({ error: "Say how the condition was met" })
    .trim()
    .min(1, { error: "Say how the condition was met" })
    .max(2000, { error: "Keep the note under 2000 characters" }),
});
export type CloseConditionInput = z.infer<typeof closeConditionSchema>;

export const leadSchema = z.object({
  workstreamId: z.uuid({ error: "That workstream was not found" }),
  leadUserId: z.preprocess((v) => (v === "" || v == null ? null : v), z.uuid({ error: "Choose a CCIO from the list" }).nullable()),
  version,
});
export type LeadInput = z.infer<typeof leadSchema>;
