import "server-only";
import { and, eq, inArray, sql } from "drizzle-orm";
import { getDb, type Transaction as Tx } from "../client";
import { lifecyclePhases, reviewAttendees, reviewConditions, tollgateReviews, users, workstreams } from "../schema";
import { recordAudit } from "./audit";
import { authoriseWorkstream, findWorkstream, lockWorkstream, openPhaseDeliverables, refuseIfFinished } from "./workstreams";
import { machineState } from "./workstream-state";
import { londonDate } from "@/lib/as-at";
import { conflict, invalid, notFound } from "@/lib/errors";
import type { Actor } from "@/lib/permissions";
import type { CloseConditionInput, DecisionInput, RequestReviewInput } from "@/lib/schemas/workstream";
import { applyStep } from "@/lib/tollgate";

const REQUEST_REFUSED = "Only the workstream's lead and administrators can request its tollgate review.";
const DECIDE_REFUSED = "Only programme board members can record a tollgate decision.";
const CLOSE_REFUSED = "Only the workstream's lead, board members and administrators can close its review conditions.";

/** Read inside the caller's transaction: on PGlite a query outside it would wait for the transaction forever. */
async function phaseName(tx: Tx, lifecycleId: string, number: number): Promise<string> {
  const [phase] = await tx
    .select({ name: lifecyclePhases.name, reviewName: lifecyclePhases.reviewName })
    .from(lifecyclePhases)
    .where(and(eq(lifecyclePhases.lifecycleId, lifecycleId), eq(lifecyclePhases.number, number)));
  return phase ? `Phase ${number} ${phase.name}` : `Phase ${number}`;
}

/** The lead asks the board for the tollgate review that closes the current phase. */
export async function requestReview({ actor, input }: { actor: Actor; input: RequestReviewInput }) {
  const found = await findWorkstream({ workstreamId: input.workstreamId });
  await authoriseWorkstream(actor, "tollgate.request", found, REQUEST_REFUSED);
  const db = await getDb();
  return db.transaction(async (tx) => {
    const ws = await lockWorkstream(tx, input.workstreamId, { actor, action: "tollgate.request", message: REQUEST_REFUSED });
    const step = applyStep(await machineState(tx, ws), { type: "request_review" });
    if (!step.ok) throw invalid(step.reason);
    if (ws.version !== input.version) throw conflict("This workstream was changed by someone else after you opened the page. Reload and try again.");
    const [review] = await tx.insert(tollgateReviews).values({ workstreamId: ws.id, phase: ws.phase, requestedById: actor.id }).returning();
    await tx.update(workstreams).set({ status: "review_requested", version: sql`${workstreams.version} + 1`, updatedAt: new Date() }).where(eq(workstreams.id, ws.id));
    await recordAudit(tx, {
      actorId: actor.id,
      action: "tollgate.requested",
      entityType: "workstream",
      entityId: ws.id,
      before: { status: ws.status, phase: ws.phase },
      after: { status: "review_requested", phase: ws.phase, phaseName: await phaseName(tx, ws.lifecycleId, ws.phase), reviewId: review!.id },
    });
    return review!;
  });
}

/** A board member records the board's decision on a requested review. */
export async function decideReview({ actor, input, today = londonDate() }: { actor: Actor; input: DecisionInput; today?: string }) {
  const db = await getDb();
  const [review] = await db.select().from(tollgateReviews).where(eq(tollgateReviews.id, input.reviewId));
  if (!review) throw notFound("That tollgate review");
  await authoriseWorkstream(actor, "tollgate.decide", await findWorkstream({ workstreamId: review.workstreamId }), DECIDE_REFUSED);

  // A member ticked twice is one attendee (the primary key would otherwise fail the whole decision).
  const attendees = [...new Map(input.attendees.map((a) => [a.userId, a] as const)).values()];
  const attendeeIds = attendees.map((a) => a.userId);
  if (input.heldOn > today) throw invalid("Nothing was saved: the meeting date is in the future.", { heldOn: "Record the decision after the meeting: the date cannot be in the future" });
  if (input.heldOn < londonDate(review.requestedAt)) {
    throw invalid("Nothing was saved: the meeting date is before the review was requested.", {
      heldOn: `The review was requested on ${londonDate(review.requestedAt)}: the meeting cannot be before that`,
    });
  }

  return db.transaction(async (tx) => {
    const ws = await lockWorkstream(tx, review.workstreamId, { actor, action: "tollgate.decide", message: DECIDE_REFUSED });
    // Read under a share lock: no one present can be disabled or given another role meanwhile.
    const members = attendeeIds.length
      ? await tx
          .select({ id: users.id, name: users.name, role: users.role, disabledAt: users.disabledAt })
          .from(users)
          .where(inArray(users.id, attendeeIds))
          .for("share")
      : [];
    const memberById = new Map(members.map((m) => [m.id, m]));
    if (attendeeIds.some((id) => memberById.get(id)?.role !== "board" || memberById.get(id)?.disabledAt)) {
      throw invalid("Nothing was saved: only active programme board members can be recorded as present.", { attendees: "Tick board members from the list" });
    }
    const [current] = await tx.select().from(tollgateReviews).where(eq(tollgateReviews.id, review.id));
    if (current?.decision) {
      const [by] = current.decidedById ? await tx.select({ name: users.name }).from(users).where(eq(users.id, current.decidedById)) : [];
      throw conflict(`This review was already decided (${current.decision.replaceAll("_", " ")}) by ${by?.name ?? "another board member"} on ${current.heldOn}: a decided review cannot be reopened.`);
    }
    refuseIfFinished(ws);
    const nextPhase = ws.phase + 1;
    const step = applyStep(await machineState(tx, ws), {
      type: "decide",
      decision: input.decision,
      reasons: input.reasons,
      conditions: input.conditions,
    });
    if (!step.ok) throw invalid(step.reason);
    const next = step.state;

    await tx
      .update(tollgateReviews)
      .set({ heldOn: input.heldOn, decision: input.decision, reasons: input.reasons, decidedById: actor.id, decidedAt: new Date() })
      .where(eq(tollgateReviews.id, review.id));
    await tx.insert(reviewAttendees).values(attendees.map((a) => ({ reviewId: review.id, userId: a.userId, recommendation: a.recommendation })));
    const conditions = input.conditions.length
      ? await tx
          .insert(reviewConditions)
          .values(input.conditions.map((c, i) => ({ reviewId: review.id, workstreamId: ws.id, position: i + 1, description: c.description, owner: c.owner, dueOn: c.dueOn })))
          .returning()
      : [];
    const movedOn = next.phase !== ws.phase;
    await tx
      .update(workstreams)
      .set({
        phase: next.phase,
        status: next.status,
        // A new phase needs its own review date.
        ...(movedOn ? { nextReviewOn: null } : {}),
        version: sql`${workstreams.version} + 1`,
        updatedAt: new Date(),
      })
      .where(eq(workstreams.id, ws.id));
    if (movedOn) await openPhaseDeliverables(tx, ws, nextPhase);

    await recordAudit(tx, {
      actorId: actor.id,
      action: "tollgate.decided",
      entityType: "workstream",
      entityId: ws.id,
      before: { phase: ws.phase, status: ws.status },
      after: {
        reviewId: review.id,
        phase: next.phase,
        status: next.status,
        reviewedPhase: ws.phase,
        phaseName: await phaseName(tx, ws.lifecycleId, ws.phase),
        decision: input.decision,
        reasons: input.reasons,
        heldOn: input.heldOn,
        attendees: attendees.map((a) => ({ name: memberById.get(a.userId)?.name, recommendation: a.recommendation })),
        conditions: conditions.map((c) => ({ id: c.id, description: c.description, owner: c.owner, dueOn: c.dueOn })),
      },
    });
    return { review: { ...review, decision: input.decision }, state: next };
  });
}

/** The lead, an administrator or a board member closes a review condition, saying how it was met. */
export async function closeCondition({ actor, input }: { actor: Actor; input: CloseConditionInput }) {
  const db = await getDb();
  const [condition] = await db.select().from(reviewConditions).where(eq(reviewConditions.id, input.conditionId));
  if (!condition) throw notFound("That condition");
  await authoriseWorkstream(actor, "condition.close", await findWorkstream({ workstreamId: condition.workstreamId }), CLOSE_REFUSED);
  return db.transaction(async (tx) => {
    // A stopped workstream is frozen, its open conditions with it. Conditions set at the
    // closure review stay closable: they are the follow-up the board asked for.
    const ws = await lockWorkstream(tx, condition.workstreamId, { actor, action: "condition.close", message: CLOSE_REFUSED });
    if (ws.status === "stopped") refuseIfFinished(ws);
    const [current] = await tx.select().from(reviewConditions).where(eq(reviewConditions.id, condition.id)).for("update");
    if (!current || current.closedAt) {
      throw conflict(`This condition was already closed on ${current?.closedAt ? londonDate(current.closedAt) : "an earlier date"}: “${current?.closureNote ?? ""}”.`);
    }
    const [updated] = await tx
      .update(reviewConditions)
      .set({ closedAt: new Date(), closedById: actor.id, closureNote: input.closureNote })
      .where(eq(reviewConditions.id, condition.id))
      .returning();
    await recordAudit(tx, {
      actorId: actor.id,
      action: "condition.closed",
      entityType: "workstream",
      entityId: condition.workstreamId,
      before: { conditionId: condition.id, description: condition.description, owner: condition.owner, dueOn: condition.dueOn, closed: false },
      after: { conditionId: condition.id, description: condition.description, owner: condition.owner, dueOn: condition.dueOn, closed: true, closureNote: input.closureNote },
    });
    return updated!;
  });
}
