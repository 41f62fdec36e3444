import type { BoardView } from "@/db/queries/views/board-view";
import { londonDate } from "@/lib/as-at";
import { conditionState, conditionStateLabels, decisionLabels, deliverableStatusLabels } from "@/lib/workstream";
import { date, number, text, type Table } from "../table";


export const boardSections = {
  pending: "Awaiting decision",
  planned: "Review planned",
  condition: "Open condition",
  decision: "Decision",
} as const;

type Pending = BoardView["agenda"]["pending"][number];
type Decided = BoardView["agenda"]["recent"][number];

/** A deliverable as the page lists it: "Name: ready", "Name: not required (why). Note. Evidence: link". */
function deliverable(d: Pending["deliverables"][number]): string {
  const why = d.status === "not_required" && d.reason ? ` (${d.reason})` : "";
  return `${d.name}: ${deliverableStatusLabels[d.status].toLowerCase()}${why}${d.note ? `. ${d.note}` : ""}${d.evidenceUrl ? `. Evidence: ${d.evidenceUrl}` : ""}`;
}

/** A decision's condition as the review record words it. */
function conditionOfDecision(c: Decided["conditions"][number], today: string): string {
  const state = conditionState(c, today);
  const outcome =
    state === "closed"
      ? `closed${c.closedAt ? ` on ${londonDate(c.closedAt)}` : ""}${c.closedBy ? ` by ${c.closedBy}` : ""}: “${c.closureNote ?? ""}”`
      : state === "overdue"
        ? "overdue"
        : "open";
  return `${c.description} (${c.owner}, due ${c.dueOn}): ${outcome}`;
}

/**
 * The board view in one table, a row per item and a Section column saying which part of
 * the page it is from: reviews awaiting a decision, reviews planned, open conditions
 * (soonest due first) and the decisions since the chosen date (latest meeting first).
 */
export function boardViewTable({ title, view }: { title: string; view: Pick<BoardView, "agenda" | "conditions" | "today"> }): Table {
  const { agenda, conditions, today } = view;
  return {
    title,
    columns: [
      text("section", "Section"),
      text("workstream", "Workstream"),
      number("phase", "Phase"),
      text("phaseName", "Phase name"),
      text("review", "Review"),
      number("attempt", "Attempt"),
      date("requestedOn", "Requested on"),
      text("requestedBy", "Requested by"),
      number("ready", "Deliverables ready"),
      number("notRequired", "Deliverables not required"),
      text("deliverables", "Deliverables"),
      text("lead", "Lead"),
      date("plannedFor", "Review planned for"),
      text("condition", "Condition"),
      text("conditionOwner", "Condition owner"),
      date("conditionSetOn", "Condition set on"),
      date("dueOn", "Due"),
      text("conditionState", "Condition state"),
      date("heldOn", "Board meeting"),
      text("decision", "Decision"),
      text("reasons", "Reasons"),
      text("members", "Members present (recommendation)"),
      text("recordedBy", "Recorded by"),
      text("conditionsSet", "Conditions set"),
    ],
    rows: [
      ...agenda.pending.map((r) => ({
        section: boardSections.pending,
        workstream: r.workstreamName,
        phase: r.phase,
        phaseName: r.phaseName,
        review: r.reviewName,
        attempt: r.attempt,
        requestedOn: londonDate(r.requestedAt),
        requestedBy: r.requestedBy,
        ready: r.ready,
        notRequired: r.notRequired,
        deliverables: r.deliverables.map(deliverable).join("; ") || null,
      })),
      ...agenda.planned.map((p) => ({ section: boardSections.planned, workstream: p.name, phase: p.phase, lead: p.leadName ?? "No lead named", plannedFor: p.nextReviewOn })),
      ...conditions.map((c) => ({
        section: boardSections.condition,
        workstream: c.workstreamName,
        phase: c.phase,
        condition: c.description,
        conditionOwner: c.owner,
        conditionSetOn: c.setOn,
        dueOn: c.dueOn,
        conditionState: conditionStateLabels[c.state],
      })),
      ...agenda.recent.map((r) => ({
        section: boardSections.decision,
        workstream: r.workstreamName,
        phase: r.phase,
        phaseName: r.phaseName,
        review: r.reviewName,
        attempt: r.attempt,
        requestedOn: londonDate(r.requestedAt),
        requestedBy: r.requestedBy,
        heldOn: r.heldOn,
        decision: r.decision ? decisionLabels[r.decision] : null,
        reasons: r.reasons,
        members: r.attendees.map((a) => `${a.name}: ${decisionLabels[a.recommendation].toLowerCase()}`).join("; ") || null,
        recordedBy: r.decidedBy,
        conditionsSet: r.conditions.map((c) => conditionOfDecision(c, today)).join("; ") || null,
      })),
    ],
  };
}
