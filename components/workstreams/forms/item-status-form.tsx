"use client";

import { useActionState } from "react";
import { updateItemAction } from "@/app/workstreams/actions";
import { describedBy, FieldError, FormFeedback, groupClass } from "@/components/forms/form-feedback";
import type { ActionState } from "@/lib/auth/action";
import { itemStatuses, itemStatusLabels, type ItemStatus } from "@/lib/workstream";

interface Props {
  item: { id: string; text: string; status: ItemStatus; note: string; version: number };
  label: string;
}

/** The status and note of one objective or requirement. */
export function ItemStatusForm({ item, label }: Props) {
  const [state, action, pending] = useActionState<ActionState, FormData>(updateItemAction, null);
  const typed = state && !state.ok ? state.values : undefined;
  const id = (field: string) => `item-${item.id}-${field}`;
  return (
    <form action={action} noValidate key={state ? JSON.stringify(state) : "initial"} className="app-inline-form">
      <FormFeedback state={state} fieldIds={{ status: id("status"), note: id("note") }} />
      <input type="hidden" name="itemId" value={item.id} />
      <input type="hidden" name="version" value={item.version} />
      <div className={groupClass(state, "status")}>
        <label className="nhsuk-label" htmlFor={id("status")}>
          Status<span className="nhsuk-u-visually-hidden"> of {label}</span>
        </label>
        <FieldError state={state} field="status" inputId={id("status")} />
        <select className="nhsuk-select" id={id("status")} name="status" defaultValue={typed?.status ?? item.status} aria-describedby={describedBy(state, "status", id("status"))}>
          {itemStatuses.map((s) => (
            <option key={s} value={s}>
              {itemStatusLabels[s]}
            </option>
          ))}
        </select>
      </div>
      <div className={groupClass(state, "note")}>
        <label className="nhsuk-label" htmlFor={id("note")}>
          Note<span className="nhsuk-u-visually-hidden"> on {label}</span>
        </label>
        <FieldError state={state} field="note" inputId={id("note")} />
        <input className="nhsuk-input" id={id("note")} name="note" defaultValue={typed?.note ?? item.note} aria-describedby={describedBy(state, "note", id("note"))} />
      </div>
      <button className="nhsuk-button nhsuk-button--secondary nhsuk-button--small" type="submit" disabled={pending}>
        Save<span className="nhsuk-u-visually-hidden"> {label}</span>
      </button>
    </form>
  );
}
