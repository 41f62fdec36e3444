import "server-only";
import { and, asc, eq, sql } from "drizzle-orm";
import { getDb, type Transaction as Tx } from "../client";
import { deliverables, lifecyclePhases, phaseOutputs, users, workstreamItems, workstreams, type Workstream } from "../schema";
import { recordAudit, recordDenied } from "./audit";
import { conflict, forbidden, invalid, notFound } from "@/lib/errors";
import { can, type Action, type Actor } from "@/lib/permissions";
import type { DeliverableUpdateInput, ItemUpdateInput, LeadInput, ReviewDateInput } from "@/lib/schemas/workstream";
import { applyStep } from "@/lib/tollgate";
import { machineState } from "./workstream-state";

/** Refuses, and records the refusal, unless the actor may do this to the workstream. */
export async function authoriseWorkstream(actor: Actor, action: Action, workstream: Pick<Workstream, "id" | "leadUserId">, message: string) {
  if (can(actor, action, { leadUserId: workstream.leadUserId })) return;
  await recordDenied(await getDb(), actor, { action, entityType: "workstream", entityId: workstream.id });
  throw forbidden(message);
}

export async function findWorkstream({ workstreamId: id }: { workstreamId: string }): Promise<Workstream> {
  const db = await getDb();
  const [row] = await db.select().from(workstreams).where(eq(workstreams.id, id));
  if (!row) throw notFound("That workstream");
  return row;
}

/**
 * Locks the workstream row for the rest of the transaction: its steps happen one at a time.
 * The permission checked before the transaction is checked again on the locked row, so a
 * lead changed in between cannot let a step through.
 */
export async function lockWorkstream(tx: Tx, id: string, still: { actor: Actor; action: Action; message: string }): Promise<Workstream> {
  const [row] = await tx.select().from(workstreams).where(eq(workstreams.id, id)).for("update");
  if (!row) throw notFound("That workstream");
  if (!can(still.actor, still.action, { leadUserId: row.leadUserId })) throw forbidden(still.message);
  return row;
}

export function refuseIfFinished(ws: Workstream) {
  if (ws.status === "stopped") throw invalid("The board stopped this workstream: nothing more can change.");
  if (ws.status === "closed") throw invalid("This workstream has passed its closure review: nothing more can change.");
}

const LEAD_REFUSED = "Only administrators can change a workstream's lead.";
const EDIT_REFUSED = "Only the workstream's lead and administrators can change its objectives, requirements, deliverables and review date.";

export async function updateWorkstreamItem({ actor, input }: { actor: Actor; input: ItemUpdateInput }) {
  const db = await getDb();
  const [item] = await db.select().from(workstreamItems).where(eq(workstreamItems.id, input.itemId));
  if (!item) throw notFound("That objective or requirement");
  await authoriseWorkstream(actor, "workstream.edit", await findWorkstream({ workstreamId: item.workstreamId }), EDIT_REFUSED);
  return db.transaction(async (tx) => {
    const ws = await lockWorkstream(tx, item.workstreamId, { actor, action: "workstream.edit", message: EDIT_REFUSED });
    refuseIfFinished(ws);
    const [current] = await tx.select().from(workstreamItems).where(eq(workstreamItems.id, item.id)).for("update");
    if (!current || current.version !== input.version) {
      throw conflict("This item was changed by someone else after you opened the page. Reload to see the change, then try again.");
    }
    if (current.status === input.status && current.note === input.note) return current;
    const [updated] = await tx
      .update(workstreamItems)
      .set({ status: input.status, note: input.note, version: sql`${workstreamItems.version} + 1`, updatedById: actor.id, updatedAt: new Date() })
      .where(eq(workstreamItems.id, item.id))
      .returning();
    const what = { itemId: item.id, kind: item.kind, text: item.text };
    await recordAudit(tx, {
      actorId: actor.id,
      action: "workstream.item.updated",
      entityType: "workstream",
      entityId: ws.id,
      before: { ...what, status: current.status, note: current.note },
      after: { ...what, status: input.status, note: input.note },
    });
    return updated!;
  });
}

export async function updateDeliverable({ actor, input }: { actor: Actor; input: DeliverableUpdateInput }) {
  const db = await getDb();
  const [deliverable] = await db.select().from(deliverables).where(eq(deliverables.id, input.deliverableId));
  if (!deliverable) throw notFound("That deliverable");
  await authoriseWorkstream(actor, "workstream.edit", await findWorkstream({ workstreamId: deliverable.workstreamId }), EDIT_REFUSED);
  return db.transaction(async (tx) => {
    const ws = await lockWorkstream(tx, deliverable.workstreamId, { actor, action: "workstream.edit", message: EDIT_REFUSED });
    const state = await machineState(tx, ws);
    const step = applyStep(state, { type: "set_deliverable", deliverableId: deliverable.id, status: input.status, reason: input.reason });
    if (!step.ok) throw invalid(step.reason);
    const [current] = await tx.select().from(deliverables).where(eq(deliverables.id, deliverable.id));
    if (!current || current.version !== input.version) {
      throw conflict(`“${deliverable.name}” was changed by someone else after you opened the page. Reload to see the change, then try again.`);
    }
    const next = {
      status: input.status,
      reason: input.status === "not_required" ? input.reason : null,
      note: input.note,
      evidenceUrl: input.evidenceUrl,
    };
    const before = { status: current.status, reason: current.reason, note: current.note, evidenceUrl: current.evidenceUrl };
    if (JSON.stringify(before) === JSON.stringify(next)) return current;
    const [updated] = await tx
      .update(deliverables)
      .set({ ...next, version: sql`${deliverables.version} + 1`, updatedById: actor.id, updatedAt: new Date() })
      .where(eq(deliverables.id, deliverable.id))
      .returning();
    const what = { deliverableId: deliverable.id, deliverable: deliverable.name, phase: deliverable.phase };
    await recordAudit(tx, {
      actorId: actor.id,
      action: "deliverable.updated",
      entityType: "workstream",
      entityId: ws.id,
      before: { ...what, ...before },
      after: { ...what, ...next },
    });
    return updated!;
  });
}

export async function setNextReviewDate({ actor, input }: { actor: Actor; input: ReviewDateInput }) {
  await authoriseWorkstream(actor, "workstream.edit", await findWorkstream({ workstreamId: input.workstreamId }), EDIT_REFUSED);
  const db = await getDb();
  return db.transaction(async (tx) => {
    const ws = await lockWorkstream(tx, input.workstreamId, { actor, action: "workstream.edit", message: EDIT_REFUSED });
    refuseIfFinished(ws);
    if (ws.version !== input.version) throw conflict("This workstream was changed by someone else after you opened the page. Reload and try again.");
    if (ws.nextReviewOn === input.nextReviewOn) return ws;
    const [updated] = await tx
      .update(workstreams)
      .set({ nextReviewOn: input.nextReviewOn, version: sql`${workstreams.version} + 1`, updatedAt: new Date() })
      .where(eq(workstreams.id, ws.id))
      .returning();
    await recordAudit(tx, {
      actorId: actor.id,
      action: "workstream.review-date.set",
      entityType: "workstream",
      entityId: ws.id,
      before: { nextReviewOn: ws.nextReviewOn, phase: ws.phase },
      after: { nextReviewOn: input.nextReviewOn, phase: ws.phase },
    });
    return updated!;
  });
}

/** An administrator names the CCIO who leads a workstream (or leaves it without one). */
export async function assignLead({ actor, input }: { actor: Actor; input: LeadInput }) {
  await authoriseWorkstream(actor, "workstream.assign-lead", await findWorkstream({ workstreamId: input.workstreamId }), LEAD_REFUSED);
  const db = await getDb();
  return db.transaction(async (tx) => {
    let leadName: string | null = null;
    if (input.leadUserId) {
      // Under a share lock: the new lead cannot be disabled or given another role meanwhile.
      const [lead] = await tx.select().from(users).where(eq(users.id, input.leadUserId)).for("share");
      if (!lead || lead.role !== "ccio" || lead.disabledAt) {
        throw invalid("Nothing was saved: the lead must be an active CCIO.", { leadUserId: "Choose an active CCIO from the list" });
      }
      leadName = lead.name;
    }
    const ws = await lockWorkstream(tx, input.workstreamId, { actor, action: "workstream.assign-lead", message: LEAD_REFUSED });
    refuseIfFinished(ws);
    if (ws.version !== input.version) throw conflict("This workstream was changed by someone else after you opened the page. Reload and try again.");
    if (ws.leadUserId === input.leadUserId) return ws;
    const [previous] = ws.leadUserId ? await tx.select({ name: users.name }).from(users).where(eq(users.id, ws.leadUserId)) : [];
    const [updated] = await tx
      .update(workstreams)
      .set({ leadUserId: input.leadUserId, version: sql`${workstreams.version} + 1`, updatedAt: new Date() })
      .where(eq(workstreams.id, ws.id))
      .returning();
    await recordAudit(tx, {
      actorId: actor.id,
      action: "workstream.lead.set",
      entityType: "workstream",
      entityId: ws.id,
      before: { leadUserId: ws.leadUserId, lead: previous?.name ?? null },
      after: { leadUserId: input.leadUserId, lead: leadName },
    });
    return updated!;
  });
}

/** Opens a phase: its outputs become the workstream's deliverables, not started. */
export async function openPhaseDeliverables(tx: Tx, ws: Pick<Workstream, "id" | "lifecycleId">, phase: number) {
  const outputs = await tx
    .select({ position: phaseOutputs.position, name: phaseOutputs.name })
    .from(phaseOutputs)
    .innerJoin(lifecyclePhases, eq(lifecyclePhases.id, phaseOutputs.phaseId))
    .where(and(eq(lifecyclePhases.lifecycleId, ws.lifecycleId), eq(lifecyclePhases.number, phase)))
    .orderBy(asc(phaseOutputs.position));
  if (outputs.length === 0) return [];
  return tx
    .insert(deliverables)
    .values(outputs.map((o) => ({ workstreamId: ws.id, phase, position: o.position, name: o.name })))
    .returning();
}
