"use client";

import { useActionState } from "react";
import { assignLeadAction } from "@/app/workstreams/actions";
import { describedBy, FieldError, FormFeedback, groupClass } from "@/components/forms/form-feedback";
import type { ActionState } from "@/lib/auth/action";

/** An administrator names the CCIO who leads the workstream. */
export function LeadForm({ workstreamId, version, leadUserId, ccios }: { workstreamId: string; version: number; leadUserId: string | null; ccios: { id: string; name: string }[] }) {
  const [state, action, pending] = useActionState<ActionState, FormData>(assignLeadAction, null);
  const typed = state && !state.ok ? state.values : undefined;
  return (
    <form action={action} noValidate key={state ? JSON.stringify(state) : "initial"} className="app-inline-form">
      <FormFeedback state={state} />
      <input type="hidden" name="workstreamId" value={workstreamId} />
      <input type="hidden" name="version" value={version} />
      <div className={groupClass(state, "leadUserId")}>
        <label className="nhsuk-label" htmlFor="leadUserId">
          Lead
        </label>
        <FieldError state={state} field="leadUserId" />
        <select className="nhsuk-select" id="leadUserId" name="leadUserId" defaultValue={typed?.leadUserId ?? leadUserId ?? ""} aria-describedby={describedBy(state, "leadUserId")}>
          <option value="">No lead</option>
          {ccios.map((c) => (
            <option key={c.id} value={c.id}>
              {c.name}
            </option>
          ))}
        </select>
      </div>
      <button className="nhsuk-button nhsuk-button--secondary nhsuk-button--small" type="submit" disabled={pending}>
        Save lead
      </button>
    </form>
  );
}
