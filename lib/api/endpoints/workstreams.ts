import { z } from "zod";
import { ragRatings } from "@/lib/rag";
import { decisions } from "@/lib/tollgate";
import { workstreamStatuses } from "@/lib/workstream";
import { booleanParam } from "../filters";
import { idSchema, isoDate, isoDateTime, listEndpoint } from "../endpoint";

export const workstreamSchema = z.object({
  id: idSchema,
  code: z.string(),
  name: z.string(),
  phase: z.int(),
  phaseName: z.string(),
  phaseCount: z.int(),
  status: z.enum(workstreamStatuses),
  statusLabel: z.string(),
  lead: z.string().nullable().describe("The lead's name; null when no lead is named."),
  nextReviewOn: isoDate.nullable(),
  rag: z.enum(ragRatings).nullable().describe("null once closed."),
  ragReason: z.string(),
  openConditions: z.int(),
  overdueConditions: z.int(),
  deliverablesOutstanding: z.int().describe("Deliverables of the current phase not started or in progress."),
});

export const listWorkstreamsEndpoint = listEndpoint({
  path: "/workstreams",
  operationId: "listWorkstreams",
  tag: "Workstreams",
  summary: "Workstreams with their phase, status, lead, next review and RAG",
  description: "The RAG rating and its reason follow the workstreams page's rule, judged today (in England).",
  query: {
    status: z.enum(workstreamStatuses).optional(),
    rag: z.enum(ragRatings).optional(),
  },
  item: workstreamSchema,
});

export const conditionStates = ["closed", "overdue", "due_soon", "open"] as const;

export const reviewSchema = z.object({
  id: idSchema,
  workstreamId: idSchema,
  workstreamCode: z.string(),
  workstreamName: z.string(),
  phase: z.int(),
  phaseName: z.string(),
  reviewName: z.string().describe("Tollgate Review, or Closure Review for the last phase."),
  attempt: z.int().describe("1 for a phase's first review, 2 after a rework, …"),
  requestedAt: isoDateTime,
  requestedBy: z.string().nullable(),
  heldOn: isoDate.nullable().describe("The date of the board meeting that decided it."),
  decision: z.enum(decisions).nullable().describe("null while awaiting a decision."),
  reasons: z.string().nullable(),
  decidedAt: isoDateTime.nullable(),
  decidedBy: z.string().nullable(),
  attendees: z.array(z.object({ name: z.string(), recommendation: z.enum(decisions) })),
  conditions: z.array(
    z.object({
      id: idSchema,
      description: z.string(),
      owner: z.string(),
      dueOn: isoDate,
      state: z.enum(conditionStates).describe("Judged today: due_soon within 14 days."),
      closedAt: isoDateTime.nullable(),
      closedBy: z.string().nullable(),
      closureNote: z.string().nullable(),
    }),
  ),
});

export const listReviewsEndpoint = listEndpoint({
  path: "/reviews",
  operationId: "listReviews",
  tag: "Workstreams",
  summary: "Tollgate reviews with their decisions, dates and conditions",
  description: "Every tollgate review, latest request first: who asked, who was present and what each recommended, the decision and its reasons, and the conditions set.",
  query: {
    workstream: z.string().optional().describe("Workstream code (RECORDS) or id."),
    decidedSince: z.iso.date({ error: "decidedSince must be a date written YYYY-MM-DD, like 2026-08-01" }).optional().describe("Only reviews decided at a meeting held on or after this date (YYYY-MM-DD)."),
    pending: z.enum(booleanParam).optional().describe("true: only reviews awaiting a decision; false: only decided ones."),
  },
  item: reviewSchema,
});
