import { listWorkstreamNames } from "@/db/queries/api-workstreams";
import { listTollgateReviews } from "@/db/queries/workstreams";
import { londonDate } from "@/lib/as-at";
import { pageOf } from "@/lib/api/endpoint";
import { listReviewsEndpoint } from "@/lib/api/endpoints/workstreams";
import { resolveFilter } from "@/lib/api/filters";
import { route } from "@/lib/api/handle";
import { conditionState } from "@/lib/workstream";

export const dynamic = "force-dynamic";

export const GET = route(listReviewsEndpoint, async ({ query }) => {
  const workstreams = await listWorkstreamNames();
  const workstream = resolveFilter(workstreams, query.workstream, { param: "workstream", what: "workstream", codeOf: (w) => w.code });
  const reviews = await listTollgateReviews({ workstreamId: workstream?.id });
  const today = londonDate();
  const codeOf = new Map(workstreams.map((w) => [w.id, w.code]));
  // "Decided since" counts from the meeting that decided, as the board view does.
  const shown = reviews.filter(
    (r) =>
      (query.pending === undefined || (query.pending === "true") === (r.decision == null)) &&
      (!query.decidedSince || (r.decision != null && r.heldOn != null && r.heldOn >= query.decidedSince)),
  );
  const page = pageOf(shown, query);
  return {
    total: page.total,
    items: page.items.map((r) => ({
      id: r.id,
      workstreamId: r.workstreamId,
      workstreamCode: codeOf.get(r.workstreamId) ?? "",
      workstreamName: r.workstreamName,
      phase: r.phase,
      phaseName: r.phaseName,
      reviewName: r.reviewName,
      attempt: r.attempt,
      requestedAt: r.requestedAt.toISOString(),
      requestedBy: r.requestedBy,
      heldOn: r.heldOn,
      decision: r.decision,
      reasons: r.reasons,
      decidedAt: r.decidedAt?.toISOString() ?? null,
      decidedBy: r.decidedBy,
      attendees: r.attendees.map((a) => ({ name: a.name, recommendation: a.recommendation })),
      conditions: r.conditions.map((c) => ({
        id: c.id,
        description: c.description,
        owner: c.owner,
        dueOn: c.dueOn,
        state: conditionState(c, today),
        closedAt: c.closedAt?.toISOString() ?? null,
        closedBy: c.closedBy,
        closureNote: c.closureNote,
      })),
    })),
  };
});
