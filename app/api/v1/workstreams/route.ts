import { listWorkstreamOverview } from "@/db/queries/workstreams";
import { londonDate } from "@/lib/as-at";
import { pageOf } from "@/lib/api/endpoint";
import { listWorkstreamsEndpoint } from "@/lib/api/endpoints/workstreams";
import { route } from "@/lib/api/handle";
import { conditionState, workstreamRag, workstreamStatusLabels } from "@/lib/workstream";

export const dynamic = "force-dynamic";

// Phase, status, lead, next review and RAG as the workstreams page shows them, judged today in England.
export const GET = route(listWorkstreamsEndpoint, async ({ query }) => {
  const today = londonDate();
  const rows = (await listWorkstreamOverview()).map((w) => ({ ...w, rating: workstreamRag(w, today) }));
  const shown = rows.filter((w) => (!query.status || w.status === query.status) && (!query.rag || w.rating.rag === query.rag));
  const page = pageOf(shown, query);
  return {
    total: page.total,
    items: page.items.map((w) => ({
      id: w.id,
      code: w.code,
      name: w.name,
      phase: w.phase,
      phaseName: w.phaseName,
      phaseCount: w.phases.length,
      status: w.status,
      statusLabel: workstreamStatusLabels[w.status],
      lead: w.leadName,
      nextReviewOn: w.nextReviewOn,
      rag: w.rating.rag,
      ragReason: w.rating.reason,
      openConditions: w.openConditions.length,
      overdueConditions: w.openConditions.filter((c) => conditionState(c, today) === "overdue").length,
      deliverablesOutstanding: w.deliverablesOutstanding,
    })),
  };
});
