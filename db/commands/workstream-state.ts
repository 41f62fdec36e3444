import "server-only";
import { and, asc, count, eq } from "drizzle-orm";
import type { Database, Transaction as Tx } from "../client";
import { deliverables, lifecyclePhases, tollgateReviews, type Workstream } from "../schema";
import type { WorkstreamState } from "@/lib/tollgate";

/** The workstream as the tollgate state machine sees it, read inside the caller's transaction. */
export async function machineState(tx: Tx | Database, ws: Workstream): Promise<WorkstreamState> {
  const [[phases], current, reviews] = await Promise.all([
    tx.select({ n: count() }).from(lifecyclePhases).where(eq(lifecyclePhases.lifecycleId, ws.lifecycleId)),
    tx
      .select()
      .from(deliverables)
      .where(and(eq(deliverables.workstreamId, ws.id), eq(deliverables.phase, ws.phase)))
      .orderBy(asc(deliverables.position)),
    tx.select().from(tollgateReviews).where(eq(tollgateReviews.workstreamId, ws.id)).orderBy(asc(tollgateReviews.requestedAt), asc(tollgateReviews.id)),
  ]);
  return {
    phase: ws.phase,
    phaseCount: phases?.n ?? 0,
    status: ws.status,
    deliverables: current.map((d) => ({ id: d.id, status: d.status, ...(d.reason ? { reason: d.reason } : {}) })),
    reviews: reviews.map((r) => ({ phase: r.phase, decision: r.decision, ...(r.reasons ? { reasons: r.reasons } : {}) })),
  };
}
