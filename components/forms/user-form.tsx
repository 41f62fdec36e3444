"use client";

import { useActionState } from "react";
import { createUserAction, updateUserAccessAction } from "@/app/admin/actions";
import { describedBy, FieldError, FormFeedback, groupClass } from "./form-feedback";
import type { ActionState } from "@/lib/auth/action";
import { roleLabels, roles, type Role } from "@/lib/roles";

interface Props {
  organisations: { id: string; name: string }[];
  user?: { id: string; role: Role; organisationIds: string[] };
}

/** New user (with email, name, password) or, given a user, their role and organisations. */
export function UserForm({ organisations, user }: Props) {
  const [state, formAction, pending] = useActionState<ActionState, FormData>(user ? updateUserAccessAction : createUserAction, null);
  const typed = state && !state.ok ? state.values : undefined;
  return (
    <form action={formAction} noValidate key={state ? JSON.stringify(state) : "initial"}>
      <FormFeedback state={state} />
      {user ? (
        <input type="hidden" name="userId" value={user.id} />
      ) : (
        <>
          <div className={groupClass(state, "name")}>
            <label className="nhsuk-label" htmlFor="name">
              Full name
            </label>
            <FieldError state={state} field="name" />
            <input className="nhsuk-input" id="name" aria-describedby={describedBy(state, "name")} name="name" defaultValue={typed?.name ?? ""} />
          </div>
          <div className={groupClass(state, "email")}>
            <label className="nhsuk-label" htmlFor="email">
              Email address
            </label>
            <FieldError state={state} field="email" />
            <input className="nhsuk-input" id="email" aria-describedby={describedBy(state, "email")} name="email" type="email" spellCheck={false} defaultValue={typed?.email ?? ""} />
          </div>
          <div className={groupClass(state, "password")}>
            <label className="nhsuk-label" htmlFor="password">
              Password (at least 12 characters and not a common one; leave blank for NHSmail-only sign-in)
            </label>
            <FieldError state={state} field="password" />
            <input className="nhsuk-input" id="password" aria-describedby={describedBy(state, "password")} name="password" type="password" autoComplete="new-password" />
          </div>
        </>
      )}
      <div className={groupClass(state, "role")}>
        <label className="nhsuk-label" htmlFor="role">
          Role
        </label>
        <FieldError state={state} field="role" />
        <select className="nhsuk-select" id="role" aria-describedby={describedBy(state, "role")} name="role" defaultValue={typed?.role ?? user?.role ?? "viewer"}>
          {roles.map((r) => (
            <option key={r} value={r}>
              {roleLabels[r]}
            </option>
          ))}
        </select>
      </div>
      <div className={groupClass(state, "organisationIds")}>
        <fieldset className="nhsuk-fieldset" aria-describedby="organisations-hint">
          <legend className="nhsuk-fieldset__legend nhsuk-fieldset__legend--s">Organisations (for a CIO: whose scores they may change)</legend>
          <div className="nhsuk-hint" id="organisations-hint">
            Choose every organisation this person is CIO for.
          </div>
          <FieldError state={state} field="organisationIds" />
          <div className="nhsuk-checkboxes nhsuk-checkboxes--small" id="organisationIds">
            {organisations.map((o) => (
              <div className="nhsuk-checkboxes__item" key={o.id}>
                <input
                  className="nhsuk-checkboxes__input"
                  id={`org-${o.id}`}
                  name="organisationIds"
                  type="checkbox"
                  value={o.id}
                  defaultChecked={(state && !state.ok ? (state.lists?.organisationIds ?? []) : (user?.organisationIds ?? [])).includes(o.id)}
                />
                <label className="nhsuk-label nhsuk-checkboxes__label" htmlFor={`org-${o.id}`}>
                  {o.name}
                </label>
              </div>
            ))}
          </div>
        </fieldset>
      </div>
      <button className="nhsuk-button" type="submit" disabled={pending}>
        {user ? "Save role and organisations" : "Add user"}
      </button>
    </form>
  );
}
