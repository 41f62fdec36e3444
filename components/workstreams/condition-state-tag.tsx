import { conditionStateLabels, type ConditionState } from "@/lib/workstream";

const colours: Record<ConditionState, string> = { overdue: "nhsuk-tag--red", due_soon: "nhsuk-tag--yellow", open: "nhsuk-tag--blue", closed: "nhsuk-tag--grey" };

/** A review condition's state in words, with its colour. */
export function ConditionStateTag({ state }: { state: ConditionState }) {
  return <strong className={`nhsuk-tag ${colours[state]} app-tag-small`}>{conditionStateLabels[state]}</strong>;
}
