"use client";

import { useActionState } from "react";
import { saveProjectAction } from "@/app/portfolio/actions";
import { describedBy, FieldError, FormFeedback, groupClass } from "@/components/forms/form-feedback";
import type { ProjectDetail, ProjectFormOptions } from "@/db/queries/portfolio";
import type { ActionState } from "@/lib/auth/action";
import { formatFinancialYear } from "@/lib/financial-year";
import { capabilityRoleLabels, capabilityRoles, projectStatuses, projectStatusLabels, stpDigitalPriorities } from "@/lib/portfolio";
import { ragLabels, ragRatings } from "@/lib/rag";

interface Props {
  options: ProjectFormOptions;
  project?: ProjectDetail;
  /** For a new project: the user's own organisations, ticked as owners to start with. */
  defaultOwnerIds?: string[];
}

/** Add or change a project: every field with its own message, nothing saved unless all of it is. */
export function ProjectForm({ options, project, defaultOwnerIds = [] }: Props) {
  const [state, action, pending] = useActionState<ActionState, FormData>(saveProjectAction, null);
  const failed = state && !state.ok ? state : null;
  const value = (field: string, fallback: string) => failed?.values?.[field] ?? fallback;
  const ticked = (field: string, fallback: string[]) => new Set(failed ? (failed.lists?.[field] ?? []) : fallback);
  // Organisations invited to co-own it stay ticked: untick one to withdraw its invitation.
  const owners = ticked("ownerIds", project ? [...project.owners, ...project.invitations.map((i) => ({ id: i.organisationId }))].map((o) => o.id) : defaultOwnerIds);
  const invitedIds = new Set(project?.invitations.map((i) => i.organisationId) ?? []);
  // An owner from outside the listed system (older data) stays listed, so that saving does not drop it.
  const ownerChoices = [...options.organisations, ...(project?.owners ?? []).filter((o) => !options.organisations.some((c) => c.id === o.id))];
  const places = ticked("footprintIds", project?.footprints.map((f) => f.id) ?? []);
  const roleOf = (uc: number) => project?.capabilities.find((c) => c.uc === uc)?.role ?? "";
  const text = (field: string, label: string, fallback: string, hint?: string, width = "") => (
    <div className={groupClass(state, field)}>
      <label className="nhsuk-label" htmlFor={field}>
        {label}
      </label>
      {hint && (
        <div className="nhsuk-hint" id={`${field}-hint`}>
          {hint}
        </div>
      )}
      <FieldError state={state} field={field} />
      <input
        className={`nhsuk-input ${width}`}
        id={field}
        name={field}
        defaultValue={value(field, fallback)}
        aria-describedby={[hint ? `${field}-hint` : "", describedBy(state, field) ?? ""].filter(Boolean).join(" ") || undefined}
      />
    </div>
  );
  const select = (field: string, label: string, fallback: string, choices: { value: string; label: string }[]) => (
    <div className={groupClass(state, field)}>
      <label className="nhsuk-label" htmlFor={field}>
        {label}
      </label>
      <FieldError state={state} field={field} />
      <select className="nhsuk-select" id={field} name={field} defaultValue={value(field, fallback)} aria-describedby={describedBy(state, field)}>
        {choices.map((c) => (
          <option key={c.value} value={c.value}>
            {c.label}
          </option>
        ))}
      </select>
    </div>
  );
  const checkboxes = (field: string, legend: string, choices: { id: string; name: string }[], checked: Set<string>, hint?: string, note?: (id: string) => string | undefined) => (
    <div className={groupClass(state, field)}>
      <fieldset className="nhsuk-fieldset" aria-describedby={describedBy(state, field)}>
        <legend className="nhsuk-fieldset__legend nhsuk-fieldset__legend--s">{legend}</legend>
        {hint && <div className="nhsuk-hint">{hint}</div>}
        <FieldError state={state} field={field} />
        <div className="nhsuk-checkboxes app-fieldset-grid" id={field}>
          {choices.map((c) => (
            <div className="nhsuk-checkboxes__item" key={c.id}>
              <input className="nhsuk-checkboxes__input" id={`${field}-${c.id}`} name={field} type="checkbox" value={c.id} defaultChecked={checked.has(c.id)} />
              <label className="nhsuk-label nhsuk-checkboxes__label" htmlFor={`${field}-${c.id}`}>
                {c.name}
                {note?.(c.id)}
              </label>
            </div>
          ))}
        </div>
      </fieldset>
    </div>
  );

  return (
    <form action={action} noValidate key={state ? JSON.stringify(state) : "initial"} data-testid="project-form">
      <FormFeedback state={state} fieldIds={Object.fromEntries(options.capabilities.map((uc) => [`capabilities.${uc.number}`, `uc.${uc.number}`]))} />
      {project && <input type="hidden" name="projectId" value={project.id} />}
      {project && <input type="hidden" name="version" value={project.version} />}
      {text("title", "Title", project?.title ?? "")}
      <div className={groupClass(state, "description")}>
        <label className="nhsuk-label" htmlFor="description">
          Description
        </label>
        <FieldError state={state} field="description" />
        <textarea className="nhsuk-textarea" id="description" name="description" rows={3} defaultValue={value("description", project?.description ?? "")} aria-describedby={describedBy(state, "description")} />
      </div>
      {checkboxes(
        "ownerIds",
        "Owner organisations",
        ownerChoices,
        owners,
        "Your own organisations join or leave at once. Another organisation is invited: it becomes an owner when one of its CIOs accepts. You can remove only your own organisations.",
        (id) => (invitedIds.has(id) ? " (invited: awaiting its answer)" : undefined),
      )}
      {checkboxes("footprintIds", "Footprints (besides those its owners serve)", options.footprints, places)}
      {select("domainId", "Maturity domain it raises", project?.domainId ?? "", [
        { value: "", label: "Choose a domain" },
        ...options.domains.map((d) => ({ value: d.id, label: `${d.name} (${d.frameworkName})` })),
      ])}
      {select("stpPriority", "STP digital priority it serves", project?.stpPriority ?? "", [{ value: "", label: "Choose a priority" }, ...stpDigitalPriorities.map((p) => ({ value: p, label: p }))])}
      {select("programmeId", "Programme", project?.programmeId ?? "", [{ value: "", label: "None" }, ...options.programmes.map((p) => ({ value: p.id, label: p.name }))])}
      <div className="app-inline-form">
        {text("fromYear", "First financial year", project ? formatFinancialYear(project.fromYear) : "", "Like 2017/18", "nhsuk-input--width-5")}
        {text("toYear", "Last financial year", project ? formatFinancialYear(project.toYear) : "", "Like 2018/19", "nhsuk-input--width-5")}
      </div>
      <div className="app-inline-form">
        {text("startOn", "Start date (optional)", project?.startOn ?? "", "Like 2017-04-01", "nhsuk-input--width-10")}
        {text("endOn", "End date (optional)", project?.endOn ?? "", "Like 2019-03-31", "nhsuk-input--width-10")}
      </div>
      {select("status", "Status", project?.status ?? "planned", projectStatuses.map((s) => ({ value: s, label: projectStatusLabels[s] })))}
      <div className="app-inline-form">
        {select("rag", "RAG", project?.rag ?? "", [{ value: "", label: "Not rated" }, ...ragRatings.map((r) => ({ value: r, label: ragLabels[r] }))])}
        {text("ragReason", "Reason for the RAG (needed for red or amber)", project?.ragReason ?? "")}
      </div>
      <fieldset className="nhsuk-fieldset">
        <legend className="nhsuk-fieldset__legend nhsuk-fieldset__legend--s">Universal capabilities it enables or supports</legend>
        <div className="app-fieldset-grid">
          {options.capabilities.map((uc) => {
            const field = `uc.${uc.number}`;
            const errorKey = `capabilities.${uc.number}`;
            return (
              <div className={groupClass(state, errorKey)} key={uc.id}>
                <label className="nhsuk-label" htmlFor={field}>
                  UC {uc.number}: {uc.title}
                </label>
                <FieldError state={state} field={errorKey} inputId={field} />
                <select className="nhsuk-select" id={field} name={field} defaultValue={value(field, roleOf(uc.number))} aria-describedby={describedBy(state, errorKey, field)}>
                  <option value="">Neither</option>
                  {capabilityRoles.map((r) => (
                    <option key={r} value={r}>
                      {capabilityRoleLabels[r]} ({r})
                    </option>
                  ))}
                </select>
              </div>
            );
          })}
        </div>
      </fieldset>
      <button className="nhsuk-button" type="submit" disabled={pending}>
        {project ? "Save changes" : "Add project"}
      </button>
    </form>
  );
}
