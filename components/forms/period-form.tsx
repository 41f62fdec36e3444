"use client";

import { useActionState } from "react";
import { createPeriodAction } from "@/app/admin/actions";
import { describedBy, FieldError, FormFeedback, groupClass } from "./form-feedback";
import type { ActionState } from "@/lib/auth/action";

export function PeriodForm({ frameworks }: { frameworks: { id: string; label: string }[] }) {
  const [state, formAction, pending] = useActionState<ActionState, FormData>(createPeriodAction, null);
  const typed = state && !state.ok ? state.values : undefined;
  return (
    <form action={formAction} noValidate key={state ? JSON.stringify(state) : "initial"}>
      <FormFeedback state={state} />
      <div className={groupClass(state, "frameworkId")}>
        <label className="nhsuk-label" htmlFor="frameworkId">
          Framework
        </label>
        <FieldError state={state} field="frameworkId" />
        <select className="nhsuk-select" id="frameworkId" aria-describedby={describedBy(state, "frameworkId")} name="frameworkId" defaultValue={typed?.frameworkId}>
          {frameworks.map((f) => (
            <option key={f.id} value={f.id}>
              {f.label}
            </option>
          ))}
        </select>
      </div>
      <div className={groupClass(state, "name")}>
        <label className="nhsuk-label" htmlFor="name">
          Name
        </label>
        <FieldError state={state} field="name" />
        <input className="nhsuk-input" id="name" aria-describedby={describedBy(state, "name")} name="name" defaultValue={typed?.name ?? ""} />
      </div>
      <div className={groupClass(state, "code")}>
        <label className="nhsuk-label" htmlFor="code">
          Code (used in links and imports)
        </label>
        <FieldError state={state} field="code" />
        <input className="nhsuk-input nhsuk-input--width-20" id="code" aria-describedby={describedBy(state, "code")} name="code" spellCheck={false} defaultValue={typed?.code ?? ""} />
      </div>
      <div className={groupClass(state, "assessedOn")}>
        <label className="nhsuk-label" htmlFor="assessedOn">
          Date the scores describe (YYYY-MM-DD)
        </label>
        <FieldError state={state} field="assessedOn" />
        <input className="nhsuk-input nhsuk-input--width-10" id="assessedOn" aria-describedby={describedBy(state, "assessedOn")} name="assessedOn" defaultValue={typed?.assessedOn ?? ""} />
      </div>
      <button className="nhsuk-button" type="submit" disabled={pending}>
        Open period
      </button>
    </form>
  );
}
