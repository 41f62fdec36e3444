import "server-only";
import { getBoardAgenda } from "../workstreams";
import { conditionState, parseDecidedSince } from "@/lib/workstream";

/**
 * The programme board's agenda for decisions since a date (three months back when it is
 * missing or wrong, with `sinceError` saying so), for the page and its downloads alike.
 */
export async function getBoardView({ since: asked, today }: { since?: string; today: string }) {
  const { since, error: sinceError } = parseDecidedSince(asked, today);
  const agenda = await getBoardAgenda({ decidedSince: since });
  const conditions = agenda.conditions.map((c) => ({ ...c, state: conditionState(c, today) }));
  return { today, since, sinceError, agenda, conditions };
}
export type BoardView = Awaited<ReturnType<typeof getBoardView>>;
