import "server-only";
import { and, asc, desc, eq, getTableColumns, gte, inArray, isNotNull, isNull, ne, sql, type SQL } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import { getDb } from "../client";
import {
  deliverables,
  footprints,
  lifecyclePhases,
  lifecycles,
  phaseOutputs,
  reviewAttendees,
  reviewConditions,
  stpGoals,
  tollgateReviews,
  users,
  workstreamFootprints,
  workstreamGoals,
  workstreamItems,
  workstreams,
} from "../schema";
import type { Decision } from "@/lib/tollgate";

const lead = alias(users, "lead");

const ofSystem = (systemId: string | undefined) => (systemId ? eq(workstreams.systemId, systemId) : undefined);

/** Every workstream (or one system's) with what the overview needs, in a fixed number of queries. */
export async function listWorkstreamOverview({ systemId }: { systemId?: string } = {}) {
  const db = await getDb();
  const [rows, phases, outstanding, open, decided] = await Promise.all([
    db
      .select({
        id: workstreams.id,
        code: workstreams.code,
        name: workstreams.name,
        lifecycleId: workstreams.lifecycleId,
        phase: workstreams.phase,
        status: workstreams.status,
        nextReviewOn: workstreams.nextReviewOn,
        leadName: lead.name,
      })
      .from(workstreams)
      .leftJoin(lead, eq(lead.id, workstreams.leadUserId))
      .where(ofSystem(systemId))
      .orderBy(asc(workstreams.position), asc(workstreams.name)),
    db
      .select({ lifecycleId: lifecyclePhases.lifecycleId, number: lifecyclePhases.number, name: lifecyclePhases.name, goal: lifecyclePhases.goal })
      .from(lifecyclePhases)
      .orderBy(asc(lifecyclePhases.number)),
    db
      .select({ workstreamId: deliverables.workstreamId, n: sql<number>`count(*)::int` })
      .from(deliverables)
      .innerJoin(workstreams, and(eq(workstreams.id, deliverables.workstreamId), eq(workstreams.phase, deliverables.phase)))
      .where(and(inArray(deliverables.status, ["not_started", "in_progress"]), ofSystem(systemId)))
      .groupBy(deliverables.workstreamId),
    // A stopped workstream's conditions lapse with it: they are nobody's to meet.
    db
      .select(getTableColumns(reviewConditions))
      .from(reviewConditions)
      .innerJoin(workstreams, eq(workstreams.id, reviewConditions.workstreamId))
      .where(and(isNull(reviewConditions.closedAt), ne(workstreams.status, "stopped"), ofSystem(systemId)))
      .orderBy(asc(reviewConditions.dueOn)),
    db
      .selectDistinctOn([tollgateReviews.workstreamId], { workstreamId: tollgateReviews.workstreamId, phase: tollgateReviews.phase, decision: tollgateReviews.decision })
      .from(tollgateReviews)
      .innerJoin(workstreams, eq(workstreams.id, tollgateReviews.workstreamId))
      .where(and(isNotNull(tollgateReviews.decision), ofSystem(systemId)))
      .orderBy(tollgateReviews.workstreamId, desc(tollgateReviews.decidedAt)),
  ]);
  return rows.map((w) => {
    const lifecycle = phases.filter((p) => p.lifecycleId === w.lifecycleId);
    const last = decided.find((d) => d.workstreamId === w.id);
    return {
      ...w,
      phases: lifecycle,
      phaseName: lifecycle.find((p) => p.number === w.phase)?.name ?? `Phase ${w.phase}`,
      deliverablesOutstanding: outstanding.find((o) => o.workstreamId === w.id)?.n ?? 0,
      openConditions: open.filter((c) => c.workstreamId === w.id),
      lastDecisionThisPhase: last && last.phase === w.phase ? (last.decision as Decision) : null,
    };
  });
}
export type WorkstreamOverviewRow = Awaited<ReturnType<typeof listWorkstreamOverview>>[number];

const decider = alias(users, "decider");
const requester = alias(users, "requester");
const closer = alias(users, "closer");

/** Reviews with who asked, who decided, who was present and the conditions set. */
async function reviewsWithDetail(where: SQL | undefined, order: "requested" | "requested-desc" | "held-desc" = "requested-desc") {
  const db = await getDb();
  const reviews = await db
    .select({
      id: tollgateReviews.id,
      workstreamId: tollgateReviews.workstreamId,
      workstreamName: workstreams.name,
      lifecycleId: workstreams.lifecycleId,
      phase: tollgateReviews.phase,
      requestedAt: tollgateReviews.requestedAt,
      requestedBy: requester.name,
      heldOn: tollgateReviews.heldOn,
      decision: tollgateReviews.decision,
      reasons: tollgateReviews.reasons,
      decidedAt: tollgateReviews.decidedAt,
      decidedBy: decider.name,
      // 1 for a phase's first review, 2 after a rework, …
      attempt: sql<number>`(select count(*)::int from ${tollgateReviews} r2 where r2.workstream_id = ${tollgateReviews.workstreamId} and r2.phase = ${tollgateReviews.phase} and r2.requested_at <= ${tollgateReviews.requestedAt})`,
    })
    .from(tollgateReviews)
    .innerJoin(workstreams, eq(workstreams.id, tollgateReviews.workstreamId))
    .leftJoin(requester, eq(requester.id, tollgateReviews.requestedById))
    .leftJoin(decider, eq(decider.id, tollgateReviews.decidedById))
    .where(where)
    .orderBy(
      ...(order === "requested"
        ? [asc(tollgateReviews.requestedAt)]
        : order === "held-desc"
          ? [desc(tollgateReviews.heldOn), desc(tollgateReviews.decidedAt)]
          : [desc(tollgateReviews.requestedAt)]),
    );
  const ids = reviews.map((r) => r.id);
  if (ids.length === 0) return [];
  const [attendees, conditions, phases] = await Promise.all([
    db
      .select({ reviewId: reviewAttendees.reviewId, userId: users.id, name: users.name, recommendation: reviewAttendees.recommendation })
      .from(reviewAttendees)
      .innerJoin(users, eq(users.id, reviewAttendees.userId))
      .where(inArray(reviewAttendees.reviewId, ids))
      .orderBy(asc(users.name)),
    db
      .select({ ...getTableColumns(reviewConditions), closedBy: closer.name })
      .from(reviewConditions)
      .leftJoin(closer, eq(closer.id, reviewConditions.closedById))
      .where(inArray(reviewConditions.reviewId, ids))
      .orderBy(asc(reviewConditions.position)),
    db.select({ lifecycleId: lifecyclePhases.lifecycleId, number: lifecyclePhases.number, name: lifecyclePhases.name, reviewName: lifecyclePhases.reviewName }).from(lifecyclePhases),
  ]);
  return reviews.map((r) => {
    const phase = phases.find((p) => p.lifecycleId === r.lifecycleId && p.number === r.phase);
    return {
      ...r,
      phaseName: phase?.name ?? `Phase ${r.phase}`,
      reviewName: phase?.reviewName ?? "Tollgate Review",
      attendees: attendees.filter((a) => a.reviewId === r.id),
      conditions: conditions.filter((c) => c.reviewId === r.id),
    };
  });
}
export type ReviewDetail = Awaited<ReturnType<typeof reviewsWithDetail>>[number];

/** Every tollgate review, latest request first, optionally of one workstream (the API lists them). */
export async function listTollgateReviews({ workstreamId }: { workstreamId?: string } = {}) {
  return reviewsWithDetail(workstreamId ? eq(tollgateReviews.workstreamId, workstreamId) : undefined);
}

/** One workstream with everything its page shows; null if there is none with that id. */
export async function getWorkstreamById({ workstreamId: id }: { workstreamId: string }) {
  const db = await getDb();
  const [row] = await db
    .select({ workstream: workstreams, leadName: lead.name, lifecycleName: lifecycles.name })
    .from(workstreams)
    .innerJoin(lifecycles, eq(lifecycles.id, workstreams.lifecycleId))
    .leftJoin(lead, eq(lead.id, workstreams.leadUserId))
    .where(eq(workstreams.id, id));
  if (!row) return null;
  const ws = row.workstream;
  const [phases, outputs, places, items, current, reviews, goals, openConditions] = await Promise.all([
    db.select().from(lifecyclePhases).where(eq(lifecyclePhases.lifecycleId, ws.lifecycleId)).orderBy(asc(lifecyclePhases.number)),
    db
      .select({ phaseNumber: lifecyclePhases.number, name: phaseOutputs.name })
      .from(phaseOutputs)
      .innerJoin(lifecyclePhases, eq(lifecyclePhases.id, phaseOutputs.phaseId))
      .where(eq(lifecyclePhases.lifecycleId, ws.lifecycleId))
      .orderBy(asc(lifecyclePhases.number), asc(phaseOutputs.position)),
    db
      .select({ id: footprints.id, code: footprints.code, name: footprints.name })
      .from(workstreamFootprints)
      .innerJoin(footprints, eq(footprints.id, workstreamFootprints.footprintId))
      .where(eq(workstreamFootprints.workstreamId, id))
      .orderBy(asc(footprints.name)),
    db.select().from(workstreamItems).where(eq(workstreamItems.workstreamId, id)).orderBy(asc(workstreamItems.kind), asc(workstreamItems.position)),
    db
      .select()
      .from(deliverables)
      .where(and(eq(deliverables.workstreamId, id), eq(deliverables.phase, ws.phase)))
      .orderBy(asc(deliverables.position)),
    reviewsWithDetail(eq(tollgateReviews.workstreamId, id)),
    db
      .select({ code: stpGoals.code, name: stpGoals.name, examples: workstreamGoals.examples })
      .from(workstreamGoals)
      .innerJoin(stpGoals, eq(stpGoals.id, workstreamGoals.goalId))
      .where(eq(workstreamGoals.workstreamId, id))
      .orderBy(asc(stpGoals.position)),
    db.select().from(reviewConditions).where(and(eq(reviewConditions.workstreamId, id), isNull(reviewConditions.closedAt))),
  ]);
  const lastDecided = reviews.find((r) => r.decision != null);
  return {
    ...ws,
    leadName: row.leadName,
    lifecycleName: row.lifecycleName,
    phases: phases.map((p) => ({ ...p, outputs: outputs.filter((o) => o.phaseNumber === p.number).map((o) => o.name) })),
    footprints: places,
    objectives: items.filter((i) => i.kind === "objective"),
    requirements: items.filter((i) => i.kind === "requirement"),
    deliverables: current,
    reviews,
    pendingReview: reviews.find((r) => r.decision == null) ?? null,
    goals,
    openConditions,
    lastDecisionThisPhase: lastDecided && lastDecided.phase === ws.phase ? lastDecided.decision : null,
  };
}
export type WorkstreamDetail = NonNullable<Awaited<ReturnType<typeof getWorkstreamById>>>;

/** What the programme board needs on the table: reviews awaiting a decision, open conditions, recent decisions. */
export async function getBoardAgenda({ decidedSince, systemId }: { decidedSince: string; systemId?: string }) {
  const db = await getDb();
  const [pending, conditions, recent, onTheTable, planned] = await Promise.all([
    reviewsWithDetail(and(isNull(tollgateReviews.decision), ofSystem(systemId)), "requested"),
    db
      .select({ condition: reviewConditions, workstreamName: workstreams.name, phase: tollgateReviews.phase, heldOn: tollgateReviews.heldOn })
      .from(reviewConditions)
      .innerJoin(workstreams, eq(workstreams.id, reviewConditions.workstreamId))
      .innerJoin(tollgateReviews, eq(tollgateReviews.id, reviewConditions.reviewId))
      .where(and(isNull(reviewConditions.closedAt), ne(workstreams.status, "stopped"), ofSystem(systemId)))
      .orderBy(asc(reviewConditions.dueOn), asc(workstreams.name)),
    reviewsWithDetail(and(isNotNull(tollgateReviews.decision), gte(tollgateReviews.heldOn, decidedSince), ofSystem(systemId)), "held-desc"),
    // The deliverables the board decides on: those of every phase awaiting its review.
    db
      .select(getTableColumns(deliverables))
      .from(deliverables)
      .innerJoin(workstreams, and(eq(workstreams.id, deliverables.workstreamId), eq(workstreams.phase, deliverables.phase)))
      .where(and(eq(workstreams.status, "review_requested"), ofSystem(systemId)))
      .orderBy(asc(deliverables.position)),
    // Reviews coming up: active workstreams with a planned date, soonest first.
    db
      .select({ id: workstreams.id, name: workstreams.name, phase: workstreams.phase, nextReviewOn: workstreams.nextReviewOn, leadName: lead.name })
      .from(workstreams)
      .leftJoin(lead, eq(lead.id, workstreams.leadUserId))
      .where(and(eq(workstreams.status, "active"), isNotNull(workstreams.nextReviewOn), ofSystem(systemId)))
      .orderBy(asc(workstreams.nextReviewOn), asc(workstreams.name)),
  ]);
  return {
    pending: pending.map((r) => {
      const items = onTheTable.filter((d) => d.workstreamId === r.workstreamId);
      return {
        ...r,
        deliverables: items,
        ready: items.filter((d) => d.status === "ready").length,
        notRequired: items.filter((d) => d.status === "not_required").length,
      };
    }),
    planned: planned.map((p) => ({ ...p, nextReviewOn: p.nextReviewOn! })),
    conditions: conditions.map((c) => ({ ...c.condition, workstreamName: c.workstreamName, phase: c.phase, setOn: c.heldOn })),
    recent,
  };
}

/** The workstream × STP goal matrix with the roadmap's examples (of one system, if given). */
export async function getAlignmentMatrix({ systemId }: { systemId?: string } = {}) {
  const db = await getDb();
  const [goals, streams, cells] = await Promise.all([
    db
      .select()
      .from(stpGoals)
      .where(systemId ? eq(stpGoals.systemId, systemId) : undefined)
      .orderBy(asc(stpGoals.position)),
    db.select({ id: workstreams.id, code: workstreams.code, name: workstreams.name }).from(workstreams).where(ofSystem(systemId)).orderBy(asc(workstreams.position), asc(workstreams.name)),
    db
      .select(getTableColumns(workstreamGoals))
      .from(workstreamGoals)
      .innerJoin(workstreams, eq(workstreams.id, workstreamGoals.workstreamId))
      .where(ofSystem(systemId)),
  ]);
  return { goals, workstreams: streams, cells };
}

/** Active board members: who can be recorded as present at a review. */
export async function listBoardMembers() {
  const db = await getDb();
  return db
    .select({ id: users.id, name: users.name })
    .from(users)
    .where(and(eq(users.role, "board"), isNull(users.disabledAt)))
    .orderBy(asc(users.name));
}

/** Active CCIOs: who can lead a workstream. */
export async function listCcios() {
  const db = await getDb();
  return db
    .select({ id: users.id, name: users.name })
    .from(users)
    .where(and(eq(users.role, "ccio"), isNull(users.disabledAt)))
    .orderBy(asc(users.name));
}
