import "server-only";
import { getSystemScope } from "../system-scope";
import { getBoardAgenda } from "../workstreams";
import type { SystemRequest } from "@/lib/system-scope";
import { conditionState, parseDecidedSince } from "@/lib/workstream";

/**
 * One system's programme board agenda for decisions since a date (three months back when
 * it is missing or wrong, with `sinceError` saying so), for the page and its downloads alike.
 */
export async function getBoardView({ since: asked, today, ...request }: { since?: string; today: string } & SystemRequest) {
  const { since, error: sinceError } = parseDecidedSince(asked, today);
  const { systems, system } = await getSystemScope(request);
  const agenda = await getBoardAgenda({ decidedSince: since, systemId: system?.id });
  const conditions = agenda.conditions.map((c) => ({ ...c, state: conditionState(c, today) }));
  return { systems, system, today, since, sinceError, agenda, conditions };
}
export type BoardView = Awaited<ReturnType<typeof getBoardView>>;
