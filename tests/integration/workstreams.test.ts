import { and, asc, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import type { z } from "zod";
import { closeCondition, decideReview, requestReview } from "@/db/commands/tollgate-reviews";
import { assignLead, setNextReviewDate, updateDeliverable, updateWorkstreamItem } from "@/db/commands/workstreams";
import { getBoardAgenda, getWorkstreamById, listWorkstreamOverview } from "@/db/queries/workstreams";
import { auditLog, deliverables, reviewAttendees, reviewConditions, tollgateReviews, workstreamItems, workstreams } from "@/db/schema";
import { bobLifecycle } from "@/db/seed/bob-workstreams";
import { londonDate } from "@/lib/as-at";
import { AppError, type ErrorCode } from "@/lib/errors";
import type { Actor } from "@/lib/permissions";
import {
  closeConditionSchema,
  decisionFormToInput,
  decisionSchema,
  deliverableUpdateSchema,
  itemUpdateSchema,
  leadSchema,
  requestReviewSchema,
  reviewDateSchema,
  type DecisionInput,
} from "@/lib/schemas/workstream";
import type { Decision, DeliverableStatus } from "@/lib/tollgate";
import { actor, demo } from "../support/fixtures";
import { testDb } from "../support/test-database";

// The whole tollgate cycle through the commands, as the forms drive it: inputs go through
// the same zod schemas, refusals are AppErrors, and every change leaves one audit row on
// the workstream. Each workstream of the seed is used by one part of the story:
// RECORDS the full phase-1 cycle, CITIZEN rework and stop, INTELLIGENCE all eight phases,
// INFRASTRUCTURE the refusals, IG (no lead; the administrator acts) concurrency and leads.

const today = londonDate();
const addDays = (iso: string, days: number) => new Date(Date.parse(`${iso}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

function parse<S extends z.ZodType>(schema: S, raw: unknown): z.output<S> {
  const parsed = schema.safeParse(raw);
  if (!parsed.success) throw new Error(`test input refused by its schema: ${parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ")}`);
  return parsed.data;
}

let admin: Actor, board: Actor, chair: Actor, ccio: Actor, ccioBw: Actor, viewer: Actor;
beforeAll(async () => {
  [admin, board, chair, ccio, ccioBw, viewer] = await Promise.all([
    actor(demo.admin),
    actor(demo.board),
    actor("board.chair@demo.nhs.uk"),
    actor(demo.ccio),
    actor("ccio.bw@demo.nhs.uk"),
    actor(demo.viewer),
  ]);
});

async function workstream(code: string) {
  const db = await testDb();
  const [row] = await db.select().from(workstreams).where(eq(workstreams.code, code));
  if (!row) throw new Error(`no workstream ${code}`);
  return row;
}
async function fresh(id: string) {
  const db = await testDb();
  const [row] = await db.select().from(workstreams).where(eq(workstreams.id, id));
  return row!;
}
async function deliverablesOf(workstreamId: string, phase?: number) {
  const db = await testDb();
  const p = phase ?? (await fresh(workstreamId)).phase;
  return db
    .select()
    .from(deliverables)
    .where(and(eq(deliverables.workstreamId, workstreamId), eq(deliverables.phase, p)))
    .orderBy(asc(deliverables.position));
}
async function auditOf(workstreamId: string) {
  const db = await testDb();
  return db
    .select()
    .from(auditLog)
    .where(and(eq(auditLog.entityType, "workstream"), eq(auditLog.entityId, workstreamId)))
    .orderBy(asc(auditLog.id));
}
async function reviewRows(reviewId: string) {
  const db = await testDb();
  const [[review], attendees, conditions] = await Promise.all([
    db.select().from(tollgateReviews).where(eq(tollgateReviews.id, reviewId)),
    db.select().from(reviewAttendees).where(eq(reviewAttendees.reviewId, reviewId)),
    db.select().from(reviewConditions).where(eq(reviewConditions.reviewId, reviewId)).orderBy(asc(reviewConditions.position)),
  ]);
  return { review: review!, attendees, conditions };
}

type AuditRow = Awaited<ReturnType<typeof auditOf>>[number];
type Json = Record<string, unknown>;

/** Runs a command that must succeed and write exactly one audit row, with before and after, on the workstream. */
async function audited<T>(workstreamId: string, action: string, by: Actor, run: () => Promise<T>): Promise<{ result: T; before: Json; after: Json }> {
  const already = (await auditOf(workstreamId)).length;
  const result = await run();
  const rows: AuditRow[] = (await auditOf(workstreamId)).slice(already);
  expect(rows.map((r) => r.action)).toEqual([action]);
  expect(rows[0]!.actorId).toBe(by.id);
  expect(rows[0]!.before).toBeTruthy();
  expect(rows[0]!.after).toBeTruthy();
  return { result, before: rows[0]!.before as Json, after: rows[0]!.after as Json };
}

/** Runs a command that must be refused with `code`, leaving the workstream and its audit trail as they were. */
async function refused(workstreamId: string, code: ErrorCode, run: () => Promise<unknown>, message?: RegExp): Promise<AppError> {
  const [auditBefore, wsBefore] = await Promise.all([auditOf(workstreamId), fresh(workstreamId)]);
  const error = await run().then(
    () => null,
    (e: unknown) => e,
  );
  expect(error instanceof AppError ? error.code : `not refused: ${String(error)}`).toBe(code);
  if (message) expect((error as AppError).message).toMatch(message);
  expect((await auditOf(workstreamId)).length).toBe(auditBefore.length);
  expect(await fresh(workstreamId)).toEqual(wsBefore);
  return error as AppError;
}

// ---- the commands, with inputs built as the forms build them ----------------------------

async function setDeliverable(by: Actor, id: string, status: DeliverableStatus, extra: { reason?: string; note?: string; evidenceUrl?: string; version?: number } = {}) {
  const db = await testDb();
  const [row] = await db.select().from(deliverables).where(eq(deliverables.id, id));
  const input = parse(deliverableUpdateSchema, {
    deliverableId: id,
    status,
    reason: extra.reason ?? "",
    note: extra.note ?? "",
    evidenceUrl: extra.evidenceUrl ?? "",
    version: String(extra.version ?? row!.version),
  });
  return updateDeliverable({ actor: by, input });
}

/** Marks every outstanding deliverable of the current phase ready (the first not required, if asked), each with its audit row. */
async function readyAll(by: Actor, workstreamId: string, { firstNotRequired = false, leave = 0 } = {}) {
  const current = await deliverablesOf(workstreamId);
  for (const [i, d] of current.slice(0, current.length - leave).entries()) {
    if (d.status === "ready" || d.status === "not_required") continue;
    const notRequired = firstNotRequired && i === 0;
    const { before, after } = await audited(workstreamId, "deliverable.updated", by, () =>
      setDeliverable(by, d.id, notRequired ? "not_required" : "ready", notRequired ? { reason: "Covered by the STP's own case" } : { evidenceUrl: "https://example.nhs.uk/evidence" }),
    );
    expect([before.status, after.status, after.deliverable]).toEqual([d.status, notRequired ? "not_required" : "ready", d.name]);
  }
  return current;
}

async function setDate(by: Actor, workstreamId: string, nextReviewOn: string | null, version?: number) {
  const input = parse(reviewDateSchema, { workstreamId, nextReviewOn: nextReviewOn ?? "", version: String(version ?? (await fresh(workstreamId)).version) });
  return setNextReviewDate({ actor: by, input });
}

async function request(by: Actor, workstreamId: string, version?: number) {
  const input = parse(requestReviewSchema, { workstreamId, version: String(version ?? (await fresh(workstreamId)).version) });
  return requestReview({ actor: by, input });
}

interface DecideOptions {
  attendees?: { who: Actor; recommends: Decision }[];
  conditions?: { description: string; owner: string; dueOn: string }[];
  heldOn?: string;
  reasons?: string;
  today?: string;
}
function decisionInput(reviewId: string, decision: Decision, o: DecideOptions = {}): DecisionInput {
  const attendees = o.attendees ?? [{ who: chair, recommends: decision }];
  return parse(decisionSchema, {
    reviewId,
    heldOn: o.heldOn ?? today,
    attendees: attendees.map((a) => a.who.id),
    recommendations: Object.fromEntries(attendees.map((a) => [a.who.id, a.recommends])),
    decision,
    reasons: o.reasons ?? `The board decided: ${decision}.`,
    conditions: o.conditions ?? [],
  });
}
function decide(by: Actor, reviewId: string, decision: Decision, o: DecideOptions = {}) {
  return decideReview({ actor: by, input: decisionInput(reviewId, decision, o), today: o.today ?? today });
}

async function close(by: Actor, conditionId: string, closureNote: string) {
  return closeCondition({ actor: by, input: parse(closeConditionSchema, { conditionId, closureNote }) });
}

async function setItem(by: Actor, itemId: string, status: string, note: string, version?: number) {
  const db = await testDb();
  const [row] = await db.select().from(workstreamItems).where(eq(workstreamItems.id, itemId));
  return updateWorkstreamItem({ actor: by, input: parse(itemUpdateSchema, { itemId, status, note, version: String(version ?? row!.version) }) });
}

async function firstItem(workstreamId: string) {
  const db = await testDb();
  const [item] = await db.select().from(workstreamItems).where(eq(workstreamItems.workstreamId, workstreamId)).orderBy(asc(workstreamItems.kind), asc(workstreamItems.position));
  return item!;
}

// ---------------------------------------------------------------------------------------

describe("a phase's tollgate cycle, start to finish (RECORDS, led by the demo CCIO)", () => {
  let wsId: string;
  let reviewId: string;
  let conditionId: string;
  let phase1: Awaited<ReturnType<typeof deliverablesOf>>;
  beforeAll(async () => {
    wsId = (await workstream("RECORDS")).id;
  });

  it("lets the lead track an objective, ready every phase-1 deliverable (one not required, with its reason) and set the review date", async () => {
    const item = await firstItem(wsId);
    const { result, before, after } = await audited(wsId, "workstream.item.updated", ccio, () => setItem(ccio, item.id, "in_progress", "Scoping with the trusts"));
    expect([result.status, result.note, result.version]).toEqual(["in_progress", "Scoping with the trusts", 2]);
    expect([before.status, after.status, after.text]).toEqual(["not_started", "in_progress", item.text]);

    phase1 = await readyAll(ccio, wsId, { firstNotRequired: true });
    expect(phase1.map((d) => d.name)).toEqual(bobLifecycle.phases[0]!.outputs);
    const now = await deliverablesOf(wsId);
    expect(now.map((d) => d.status)).toEqual(["not_required", "ready", "ready", "ready", "ready"]);
    expect(now[0]!.reason).toBe("Covered by the STP's own case");
    expect(now.every((d) => d.updatedById === ccio.id && d.version === 2)).toBe(true);

    const reviewOn = addDays(today, 7);
    const date = await audited(wsId, "workstream.review-date.set", ccio, () => setDate(ccio, wsId, reviewOn));
    expect(date.result.nextReviewOn).toBe(reviewOn);
    expect([date.before.nextReviewOn, date.after.nextReviewOn]).toEqual([null, reviewOn]);
  });

  it("lets the lead request the review, which then waits on the board's agenda", async () => {
    const { result, before, after } = await audited(wsId, "tollgate.requested", ccio, () => request(ccio, wsId));
    reviewId = result.id;
    expect([result.phase, result.requestedById, result.decision]).toEqual([1, ccio.id, null]);
    expect([before.status, after.status, after.phaseName, after.reviewId]).toEqual(["active", "review_requested", "Phase 1 Initiation", reviewId]);
    expect((await fresh(wsId)).status).toBe("review_requested");

    const agenda = await getBoardAgenda({ decidedSince: addDays(today, -1) });
    const pending = agenda.pending.find((r) => r.id === reviewId)!;
    expect(pending).toMatchObject({ workstreamName: (await fresh(wsId)).name, phase: 1, phaseName: "Initiation", requestedBy: "Dr Chris Clarke", ready: 4, notRequired: 1 });
    expect((await getWorkstreamById({ workstreamId: wsId }))!.pendingReview?.id).toBe(reviewId);
  });

  it("records a board decision to proceed with conditions, with who was there and what each recommended, and opens phase 2", async () => {
    // The decision form's flat fields, through decisionFormToInput as the page does it; the blank condition row is ignored.
    const dueOn = addDays(today, 10);
    const form = decisionFormToInput({
      reviewId,
      heldOn: today,
      attendees: [board.id, chair.id],
      [`recommendation.${board.id}`]: "proceed",
      [`recommendation.${chair.id}`]: "proceed_with_conditions",
      decision: "proceed_with_conditions",
      reasons: "Strong case; the benefits need an owner.",
      "conditions.0.description": "Name a benefits owner in each trust",
      "conditions.0.owner": "Dr Chris Clarke",
      "conditions.0.dueOn": dueOn,
      "conditions.1.description": "",
      "conditions.1.owner": "",
      "conditions.1.dueOn": "",
    });
    const input = parse(decisionSchema, form);
    const { result, before, after } = await audited(wsId, "tollgate.decided", board, () => decideReview({ actor: board, input, today }));
    expect(result.state).toMatchObject({ phase: 2, status: "active" });
    expect(before).toEqual({ phase: 1, status: "review_requested" });
    expect(after).toMatchObject({
      reviewId,
      phase: 2,
      status: "active",
      reviewedPhase: 1,
      phaseName: "Phase 1 Initiation",
      decision: "proceed_with_conditions",
      heldOn: today,
      attendees: [
        { name: "Priya Shah", recommendation: "proceed" },
        { name: "Jon Ellis", recommendation: "proceed_with_conditions" },
      ],
    });
    expect((after.conditions as Json[]).map((c) => [c.description, c.owner, c.dueOn])).toEqual([["Name a benefits owner in each trust", "Dr Chris Clarke", dueOn]]);

    const rows = await reviewRows(reviewId);
    expect(rows.review).toMatchObject({ decision: "proceed_with_conditions", heldOn: today, decidedById: board.id, reasons: "Strong case; the benefits need an owner." });
    expect(rows.attendees.map((a) => [a.userId, a.recommendation]).sort()).toEqual(
      [
        [board.id, "proceed"],
        [chair.id, "proceed_with_conditions"],
      ].sort(),
    );
    expect(rows.conditions).toHaveLength(1);
    expect(rows.conditions[0]).toMatchObject({ workstreamId: wsId, position: 1, closedAt: null });
    conditionId = rows.conditions[0]!.id;
  });

  it("leaves the workstream in phase 2, active, with phase 2's outputs as fresh deliverables and no review date", async () => {
    const ws = await fresh(wsId);
    expect([ws.phase, ws.status, ws.nextReviewOn]).toEqual([2, "active", null]);
    const phase2 = await deliverablesOf(wsId, 2);
    expect(phase2.map((d) => d.name)).toEqual(bobLifecycle.phases[1]!.outputs);
    expect(phase2.map((d) => [d.status, d.version, d.reason, d.updatedById])).toEqual(phase2.map(() => ["not_started", 1, null, null]));
    // Phase 1's record stays as it was at the tollgate.
    expect((await deliverablesOf(wsId, 1)).map((d) => d.status)).toEqual(["not_required", "ready", "ready", "ready", "ready"]);

    const detail = (await getWorkstreamById({ workstreamId: wsId }))!;
    expect(detail.deliverables.map((d) => d.name)).toEqual(bobLifecycle.phases[1]!.outputs);
    expect(detail.pendingReview).toBeNull();
    expect(detail.reviews[0]!.attendees.map((a) => [a.name, a.recommendation])).toEqual([
      ["Jon Ellis", "proceed_with_conditions"],
      ["Priya Shah", "proceed"],
    ]);
    expect(detail.reviews[0]!.decidedBy).toBe("Priya Shah");
  });

  it("shows the open condition in the overview and on the board's agenda, with the decision among the recent ones", async () => {
    const row = (await listWorkstreamOverview()).find((w) => w.id === wsId)!;
    expect(row).toMatchObject({ phase: 2, phaseName: "Visioning", status: "active", deliverablesOutstanding: 3, lastDecisionThisPhase: null });
    expect(row.openConditions.map((c) => c.id)).toEqual([conditionId]);

    const agenda = await getBoardAgenda({ decidedSince: addDays(today, -1) });
    expect(agenda.pending.some((r) => r.id === reviewId)).toBe(false);
    expect(agenda.conditions.find((c) => c.id === conditionId)).toMatchObject({ description: "Name a benefits owner in each trust", phase: 1, setOn: today });
    const recent = agenda.recent.find((r) => r.id === reviewId)!;
    expect([recent.decision, recent.conditions.length, recent.attendees.length]).toEqual(["proceed_with_conditions", 1, 2]);
  });

  it("lets the lead close the condition once, saying how it was met; a second close is a conflict", async () => {
    const { result, before, after } = await audited(wsId, "condition.closed", ccio, () => close(ccio, conditionId, "Owners named at the January board"));
    expect([result.closedById, result.closureNote]).toEqual([ccio.id, "Owners named at the January board"]);
    expect(result.closedAt).toBeInstanceOf(Date);
    expect([before.closed, after.closed, after.closureNote]).toEqual([false, true, "Owners named at the January board"]);

    const again = await refused(wsId, "conflict", () => close(board, conditionId, "Closing again"), /already closed/);
    expect(again.message).toContain("Owners named at the January board");
    const [row] = await (await testDb()).select().from(reviewConditions).where(eq(reviewConditions.id, conditionId));
    expect([row!.closedById, row!.closureNote]).toEqual([ccio.id, "Owners named at the January board"]);

    expect((await getBoardAgenda({ decidedSince: today })).conditions.some((c) => c.id === conditionId)).toBe(false);
    expect((await listWorkstreamOverview()).find((w) => w.id === wsId)!.openConditions).toEqual([]);
  });

  it("refuses to change a deliverable of a past phase", async () => {
    const past = phase1[1]!;
    await refused(wsId, "invalid", () => setDeliverable(ccio, past.id, "in_progress"), /current phase/);
    await refused(wsId, "invalid", () => setDeliverable(admin, past.id, "in_progress"), /current phase/);
    expect((await deliverablesOf(wsId, 1))[1]!.status).toBe("ready");
  });
});

describe("rework and stop (CITIZEN, led by the demo CCIO)", () => {
  let wsId: string;
  let phase1ConditionId: string;
  let stopReviewId: string;
  beforeAll(async () => {
    wsId = (await workstream("CITIZEN")).id;
    // Into phase 2 with a condition left open.
    await readyAll(ccio, wsId);
    const review = await request(ccio, wsId);
    await decide(board, review.id, "proceed_with_conditions", {
      attendees: [{ who: board, recommends: "proceed_with_conditions" }],
      conditions: [{ description: "Publish the citizen portal's privacy notice", owner: "IG lead", dueOn: addDays(today, 30) }],
    });
    phase1ConditionId = (await reviewRows(review.id)).conditions[0]!.id;
  });

  it("keeps the phase after rework, and lets deliverables change again before the next request", async () => {
    await setDate(ccio, wsId, addDays(today, 20));
    await readyAll(ccio, wsId);
    const review = await request(ccio, wsId);
    const { result } = await audited(wsId, "tollgate.decided", chair, () => decide(chair, review.id, "rework", { attendees: [{ who: chair, recommends: "rework" }] }));
    expect(result.state).toMatchObject({ phase: 2, status: "active" });

    const ws = await fresh(wsId);
    expect([ws.phase, ws.status, ws.nextReviewOn]).toEqual([2, "active", addDays(today, 20)]);
    expect(await deliverablesOf(wsId, 3)).toEqual([]);
    expect((await listWorkstreamOverview()).find((w) => w.id === wsId)!.lastDecisionThisPhase).toBe("rework");

    const current = await deliverablesOf(wsId);
    expect(current.map((d) => d.status)).toEqual(current.map(() => "ready"));
    const { result: reopened } = await audited(wsId, "deliverable.updated", ccio, () => setDeliverable(ccio, current[0]!.id, "in_progress", { note: "Reworking the vision" }));
    expect([reopened.status, reopened.note]).toEqual(["in_progress", "Reworking the vision"]);
    await refused(wsId, "invalid", () => request(ccio, wsId), /^1 deliverable\(s\) are not yet ready/);
  });

  it("freezes everything once the board stops the workstream", async () => {
    await readyAll(ccio, wsId);
    const review = await request(ccio, wsId);
    stopReviewId = review.id;
    const { result, after } = await audited(wsId, "tollgate.decided", board, () =>
      decide(board, review.id, "stop", { attendees: [{ who: board, recommends: "stop" }, { who: chair, recommends: "rework" }] }),
    );
    expect(result.state.status).toBe("stopped");
    expect(after).toMatchObject({ decision: "stop", status: "stopped", phase: 2 });
    const ws = await fresh(wsId);
    expect([ws.phase, ws.status]).toEqual([2, "stopped"]);
    expect(await deliverablesOf(wsId, 3)).toEqual([]);

    const stopped = /stopped this workstream/;
    const item = await firstItem(wsId);
    const current = await deliverablesOf(wsId);
    await refused(wsId, "invalid", () => setItem(ccio, item.id, "achieved", ""), stopped);
    await refused(wsId, "invalid", () => setItem(admin, item.id, "achieved", ""), stopped);
    await refused(wsId, "invalid", () => setDeliverable(ccio, current[0]!.id, "in_progress"), stopped);
    await refused(wsId, "invalid", () => setDate(ccio, wsId, addDays(today, 60)), stopped);
    await refused(wsId, "invalid", () => request(ccio, wsId), stopped);
    await refused(wsId, "invalid", () => request(admin, wsId), stopped);
    await refused(wsId, "invalid", () => assignLead({ actor: admin, input: parse(leadSchema, { workstreamId: wsId, leadUserId: ccioBw.id, version: String(ws.version) }) }), stopped);
    await refused(wsId, "invalid", () => close(ccio, phase1ConditionId, "Done anyway"), stopped);
    await refused(wsId, "invalid", () => close(board, phase1ConditionId, "Done anyway"), stopped);
    // Its open conditions lapse: they leave the overview and the board's agenda.
    expect((await listWorkstreamOverview()).find((w) => w.id === wsId)!.openConditions).toEqual([]);
    expect((await getBoardAgenda({ decidedSince: today })).conditions.some((c) => c.id === phase1ConditionId)).toBe(false);
    // The stopping decision itself cannot be taken again.
    await refused(wsId, "conflict", () => decide(chair, stopReviewId, "proceed"), /already decided/);
    expect((await fresh(wsId)).leadUserId).toBe(ccio.id);
  });
});

describe("all eight phases (INTELLIGENCE, led by the Berkshire West CCIO)", () => {
  it("proceeds phase by phase, each opening its own outputs, and closes after the Closure Review", async () => {
    const wsId = (await workstream("INTELLIGENCE")).id;
    for (const phase of bobLifecycle.phases) {
      const ws = await fresh(wsId);
      expect([ws.phase, ws.status]).toEqual([phase.number, "active"]);
      const opened = await readyAll(ccioBw, wsId, { firstNotRequired: phase.number % 2 === 0 });
      expect(opened.map((d) => d.name)).toEqual(phase.outputs);
      await audited(wsId, "workstream.review-date.set", ccioBw, () => setDate(ccioBw, wsId, addDays(today, phase.number)));
      const { after: requested } = await audited(wsId, "tollgate.requested", ccioBw, () => request(ccioBw, wsId));
      expect(requested.phaseName).toBe(`Phase ${phase.number} ${phase.name}`);
      const last = phase.number === bobLifecycle.phases.length;
      // The closure review closes the workstream with a follow-up condition.
      const decision: Decision = last ? "proceed_with_conditions" : "proceed";
      const { result, after } = await audited(wsId, "tollgate.decided", board, () =>
        decide(board, requested.reviewId as string, decision, {
          attendees: [{ who: board, recommends: decision }, { who: chair, recommends: "proceed" }],
          conditions: last ? [{ description: "Report benefits realised at twelve months", owner: "Dr Fatima Rahman", dueOn: addDays(today, 365) }] : [],
        }),
      );
      expect(result.state).toMatchObject(last ? { phase: 8, status: "closed" } : { phase: phase.number + 1, status: "active" });
      expect(after).toMatchObject({ reviewedPhase: phase.number, status: last ? "closed" : "active" });
      expect((await fresh(wsId)).nextReviewOn).toBe(last ? addDays(today, 8) : null);
    }

    const ws = await fresh(wsId);
    expect([ws.phase, ws.status]).toEqual([8, "closed"]);
    const detail = (await getWorkstreamById({ workstreamId: wsId }))!;
    expect(detail.reviews.map((r) => [r.phase, r.decision]).sort(([a], [b]) => Number(a) - Number(b))).toEqual(
      bobLifecycle.phases.map((p) => [p.number, p.number === 8 ? "proceed_with_conditions" : "proceed"]),
    );
    expect(detail.reviews.find((r) => r.phase === 8)!.reviewName).toBe("Closure Review");
    expect(await deliverablesOf(wsId, 9)).toEqual([]);

    const closed = /closure review/;
    await refused(wsId, "invalid", () => setItem(ccioBw, detail.objectives[0]!.id, "achieved", ""), closed);
    await refused(wsId, "invalid", () => setDeliverable(ccioBw, detail.deliverables[0]!.id, "in_progress"), closed);
    await refused(wsId, "invalid", () => setDate(ccioBw, wsId, addDays(today, 90)), closed);
    await refused(wsId, "invalid", () => request(ccioBw, wsId), closed);
    await refused(wsId, "invalid", () => assignLead({ actor: admin, input: parse(leadSchema, { workstreamId: wsId, leadUserId: ccio.id, version: String(ws.version) }) }), closed);

    // Unlike a stopped workstream's, the closure review's conditions can still be met and closed.
    expect(detail.openConditions).toHaveLength(1);
    await audited(wsId, "condition.closed", ccioBw, () => close(ccioBw, detail.openConditions[0]!.id, "Twelve-month benefits report accepted"));
    expect((await fresh(wsId)).status).toBe("closed");
  });
});

describe("refusals, each with a clear message and nothing written (INFRASTRUCTURE, led by the Berkshire West CCIO)", () => {
  let wsId: string;
  let reviewId: string;
  beforeAll(async () => {
    wsId = (await workstream("INFRASTRUCTURE")).id;
  });

  it("refuses a review request while deliverables are outstanding, saying how many", async () => {
    await refused(wsId, "invalid", () => request(ccioBw, wsId), /^5 deliverable\(s\) are not yet ready or marked not required/);
  });

  it("refuses 'not required' without a reason, in the form and in the command", async () => {
    const [first] = await deliverablesOf(wsId);
    const form = deliverableUpdateSchema.safeParse({ deliverableId: first!.id, status: "not_required", reason: "  ", note: "", evidenceUrl: "", version: "1" });
    expect(form.success).toBe(false);
    expect(form.error!.issues.map((i) => [i.path.join("."), i.message])).toEqual([["reason", "Say why this deliverable is not required"]]);
    // Straight to the command, bypassing the form: the state machine refuses too.
    const input = { deliverableId: first!.id, status: "not_required" as const, reason: "", note: "", evidenceUrl: null, version: 1 };
    await refused(wsId, "invalid", () => updateDeliverable({ actor: ccioBw, input }), /Say why/);
    expect((await deliverablesOf(wsId))[0]!.status).toBe("not_started");
  });

  it("refuses changes made from an out-of-date page", async () => {
    const [first] = await deliverablesOf(wsId);
    await setDeliverable(ccioBw, first!.id, "in_progress", { version: 1 });
    const stale = await refused(wsId, "conflict", () => setDeliverable(ccioBw, first!.id, "ready", { version: 1 }), /changed by someone else/);
    expect(stale.message).toContain(first!.name);
    expect((await deliverablesOf(wsId))[0]!).toMatchObject({ status: "in_progress", version: 2 });

    const item = await firstItem(wsId);
    await setItem(ccioBw, item.id, "in_progress", "", 1);
    await refused(wsId, "conflict", () => setItem(ccioBw, item.id, "at_risk", "late", 1), /changed by someone else/);

    const v = (await fresh(wsId)).version;
    await setDate(ccioBw, wsId, addDays(today, 30), v);
    await refused(wsId, "conflict", () => setDate(ccioBw, wsId, addDays(today, 31), v), /changed by someone else/);
    expect((await fresh(wsId)).nextReviewOn).toBe(addDays(today, 30));
  });

  it("counts what is still outstanding, refuses a stale request, and refuses a second request", async () => {
    await readyAll(ccioBw, wsId, { leave: 1 });
    await refused(wsId, "invalid", () => request(ccioBw, wsId), /^1 deliverable\(s\) are not yet ready/);
    const last = (await deliverablesOf(wsId)).at(-1)!;
    await setDeliverable(ccioBw, last.id, "ready");

    const staleVersion = (await fresh(wsId)).version - 1;
    await refused(wsId, "conflict", () => request(ccioBw, wsId, staleVersion), /changed by someone else/);
    reviewId = (await request(ccioBw, wsId)).id;
    await refused(wsId, "invalid", () => request(ccioBw, wsId), /already been requested/);
    await refused(wsId, "invalid", () => request(admin, wsId), /already been requested/);
    await refused(wsId, "invalid", () => setDeliverable(ccioBw, last.id, "in_progress"), /frozen/);
  });

  async function refusedDecision(run: () => Promise<unknown>, message: RegExp, field?: string) {
    const error = await refused(wsId, "invalid", run, message);
    if (field) expect(Object.keys(error.fieldErrors)).toEqual([field]);
    // Nothing half-written: the review is still undecided with no attendees or conditions.
    const rows = await reviewRows(reviewId);
    expect([rows.review.decision, rows.review.heldOn, rows.review.decidedById, rows.attendees, rows.conditions]).toEqual([null, null, null, [], []]);
    expect((await fresh(wsId)).status).toBe("review_requested");
    return error;
  }

  it("refuses a decision with attendees who are not board members", async () => {
    const condition = { description: "A condition", owner: "Someone", dueOn: addDays(today, 30) };
    for (const stranger of [admin, viewer, ccioBw]) {
      await refusedDecision(
        () => decide(board, reviewId, "proceed_with_conditions", { attendees: [{ who: board, recommends: "proceed" }, { who: stranger, recommends: "proceed" }], conditions: [condition] }),
        /only active programme board members/,
        "attendees",
      );
    }
  });

  it("refuses a meeting date in the future or before the review was requested", async () => {
    const future = await refusedDecision(() => decide(board, reviewId, "proceed", { heldOn: addDays(today, 1) }), /in the future/, "heldOn");
    expect(future.fieldErrors.heldOn).toMatch(/cannot be in the future/);

    const requestedOn = londonDate((await reviewRows(reviewId)).review.requestedAt);
    const early = await refusedDecision(() => decide(board, reviewId, "proceed", { heldOn: addDays(requestedOn, -1) }), /before the review was requested/, "heldOn");
    expect(early.fieldErrors.heldOn).toContain(requestedOn);
  });

  it("refuses, inside the transaction, what the form would have caught, and writes nothing", async () => {
    // Past the form (as a hand-made request would be): conditions on a plain proceed, and blank reasons.
    const base = decisionInput(reviewId, "proceed");
    await refusedDecision(
      () => decideReview({ actor: board, input: { ...base, conditions: [{ description: "x", owner: "y", dueOn: addDays(today, 5) }] }, today }),
      /Only a decision to proceed with conditions carries conditions/,
    );
    await refusedDecision(() => decideReview({ actor: board, input: { ...base, reasons: "  " }, today }), /Give the reasons/);
  });

  it("refuses a decision on a review that does not exist", async () => {
    const error = await refused(wsId, "not_found", () => decide(board, "00000000-0000-4000-8000-000000000000", "proceed"));
    expect(error.message).toBe("That tollgate review was not found.");
  });

  it("refuses a second decision on a decided review, naming who decided it", async () => {
    // A member ticked twice is recorded once.
    const input = decisionInput(reviewId, "rework", { attendees: [{ who: board, recommends: "rework" }] });
    const { result } = await audited(wsId, "tollgate.decided", board, () =>
      decideReview({ actor: board, input: { ...input, attendees: [...input.attendees, ...input.attendees] }, today }),
    );
    expect(result.state.status).toBe("active");
    expect((await reviewRows(reviewId)).attendees.map((a) => a.userId)).toEqual([board.id]);

    const again = await refused(wsId, "conflict", () => decide(chair, reviewId, "proceed"), /already decided/);
    expect(again.message).toContain("Priya Shah");
    expect(again.message).toContain("rework");
    const rows = await reviewRows(reviewId);
    expect([rows.review.decision, rows.review.decidedById, rows.attendees.length]).toEqual(["rework", board.id, 1]);
    // No review awaits a decision now; the workstream is back in its phase.
    expect((await getWorkstreamById({ workstreamId: wsId }))!.pendingReview).toBeNull();
  });
});

describe("concurrency and leads (IG, no lead: the administrator acts)", () => {
  let wsId: string;
  beforeAll(async () => {
    wsId = (await workstream("IG")).id;
  });

  it("lets exactly one of two board members deciding at once record the decision", async () => {
    await readyAll(admin, wsId);
    const review = await request(admin, wsId);
    const outcomes = await Promise.allSettled([
      decide(board, review.id, "proceed", { attendees: [{ who: board, recommends: "proceed" }, { who: chair, recommends: "proceed" }] }),
      decide(chair, review.id, "rework", { attendees: [{ who: chair, recommends: "rework" }] }),
    ]);
    const won = outcomes.flatMap((o, i) => (o.status === "fulfilled" ? [i] : []));
    expect(won).toHaveLength(1);
    const lost = outcomes.find((o) => o.status === "rejected")!.reason as unknown;
    expect(lost).toBeInstanceOf(AppError);
    expect(["conflict", "invalid"]).toContain((lost as AppError).code);

    const rows = await reviewRows(review.id);
    const winner = won[0] === 0 ? { by: board, decision: "proceed", present: [board.id, chair.id] } : { by: chair, decision: "rework", present: [chair.id] };
    expect([rows.review.decision, rows.review.decidedById]).toEqual([winner.decision, winner.by.id]);
    expect(rows.attendees.map((a) => a.userId).sort()).toEqual([...winner.present].sort());
    expect((await auditOf(wsId)).filter((a) => a.action === "tollgate.decided")).toHaveLength(1);
    expect((await fresh(wsId)).phase).toBe(winner.decision === "proceed" ? 2 : 1);
  });

  it("lets the administrator name a lead, recorded with names before and after", async () => {
    const ws = await fresh(wsId);
    const input = parse(leadSchema, { workstreamId: wsId, leadUserId: ccioBw.id, version: String(ws.version) });
    const { result, before, after } = await audited(wsId, "workstream.lead.set", admin, () => assignLead({ actor: admin, input }));
    expect([result.leadUserId, result.version]).toEqual([ccioBw.id, ws.version + 1]);
    expect(before).toEqual({ leadUserId: null, lead: null });
    expect(after).toEqual({ leadUserId: ccioBw.id, lead: "Dr Fatima Rahman" });
    expect((await listWorkstreamOverview()).find((w) => w.id === wsId)!.leadName).toBe("Dr Fatima Rahman");
  });
});
