"use client";

import { useActionState } from "react";
import { addBenefitAction, addMilestoneAction, markMilestoneDoneAction } from "@/app/portfolio/actions";
import { describedBy, FieldError, FormFeedback, groupClass } from "@/components/forms/form-feedback";
import type { ActionState } from "@/lib/auth/action";

// The small forms beside a project's milestones and expected benefits.

export function AddMilestoneForm({ projectId }: { projectId: string }) {
  const [state, action, pending] = useActionState<ActionState, FormData>(addMilestoneAction, null);
  const typed = state && !state.ok ? state.values : undefined;
  return (
    <form action={action} noValidate key={state ? JSON.stringify(state) : "initial"} className="app-inline-form" data-testid="milestone-form">
      <FormFeedback state={state} fieldIds={{ title: "milestone-title", dueOn: "milestone-dueOn" }} />
      <input type="hidden" name="projectId" value={projectId} />
      <div className={groupClass(state, "title")}>
        <label className="nhsuk-label" htmlFor="milestone-title">
          Milestone
        </label>
        <FieldError state={state} field="title" inputId="milestone-title" />
        <input className="nhsuk-input" id="milestone-title" name="title" defaultValue={typed?.title ?? ""} aria-describedby={describedBy(state, "title", "milestone-title")} />
      </div>
      <div className={groupClass(state, "dueOn")}>
        <label className="nhsuk-label" htmlFor="milestone-dueOn">
          Due
        </label>
        <FieldError state={state} field="dueOn" inputId="milestone-dueOn" />
        <input className="nhsuk-input nhsuk-input--width-10" id="milestone-dueOn" name="dueOn" type="date" defaultValue={typed?.dueOn ?? ""} aria-describedby={describedBy(state, "dueOn", "milestone-dueOn")} />
      </div>
      <button className="nhsuk-button nhsuk-button--secondary nhsuk-button--small" type="submit" disabled={pending}>
        Add milestone
      </button>
    </form>
  );
}

export function MilestoneDoneForm({ milestoneId, title, today }: { milestoneId: string; title: string; today: string }) {
  const [state, action, pending] = useActionState<ActionState, FormData>(markMilestoneDoneAction, null);
  const id = `milestone-${milestoneId}-doneOn`;
  return (
    <form action={action} noValidate key={state ? JSON.stringify(state) : "initial"} className="app-inline-form">
      <FormFeedback state={state} fieldIds={{ doneOn: id }} />
      <input type="hidden" name="milestoneId" value={milestoneId} />
      <div className={groupClass(state, "doneOn")}>
        <label className="nhsuk-label" htmlFor={id}>
          Met on<span className="nhsuk-u-visually-hidden"> ({title})</span>
        </label>
        <FieldError state={state} field="doneOn" inputId={id} />
        <input className="nhsuk-input nhsuk-input--width-10" id={id} name="doneOn" type="date" defaultValue={today} aria-describedby={describedBy(state, "doneOn", id)} />
      </div>
      <button className="nhsuk-button nhsuk-button--secondary nhsuk-button--small" type="submit" disabled={pending}>
        Mark met<span className="nhsuk-u-visually-hidden"> ({title})</span>
      </button>
    </form>
  );
}

export function AddBenefitForm({ projectId, categories }: { projectId: string; categories: { id: string; name: string }[] }) {
  const [state, action, pending] = useActionState<ActionState, FormData>(addBenefitAction, null);
  const typed = state && !state.ok ? state.values : undefined;
  return (
    <form action={action} noValidate key={state ? JSON.stringify(state) : "initial"} className="app-inline-form" data-testid="benefit-form">
      <FormFeedback state={state} fieldIds={{ categoryId: "benefit-categoryId", description: "benefit-description" }} />
      <input type="hidden" name="projectId" value={projectId} />
      <div className={groupClass(state, "categoryId")}>
        <label className="nhsuk-label" htmlFor="benefit-categoryId">
          Kind of benefit
        </label>
        <FieldError state={state} field="categoryId" inputId="benefit-categoryId" />
        <select className="nhsuk-select" id="benefit-categoryId" name="categoryId" defaultValue={typed?.categoryId ?? ""} aria-describedby={describedBy(state, "categoryId", "benefit-categoryId")}>
          <option value="">Choose</option>
          {categories.map((c) => (
            <option key={c.id} value={c.id}>
              {c.name}
            </option>
          ))}
        </select>
      </div>
      <div className={groupClass(state, "description")}>
        <label className="nhsuk-label" htmlFor="benefit-description">
          Expected benefit
        </label>
        <FieldError state={state} field="description" inputId="benefit-description" />
        <input className="nhsuk-input" id="benefit-description" name="description" defaultValue={typed?.description ?? ""} aria-describedby={describedBy(state, "description", "benefit-description")} />
      </div>
      <button className="nhsuk-button nhsuk-button--secondary nhsuk-button--small" type="submit" disabled={pending}>
        Add benefit
      </button>
    </form>
  );
}
