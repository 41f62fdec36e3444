"use client";

import { useActionState } from "react";
import { changePasswordAction } from "@/app/account/actions";
import { describedBy, FieldError, FormFeedback, groupClass } from "./form-feedback";
import { NewPasswordFields } from "./new-password-fields";
import type { ActionState } from "@/lib/auth/action";

/** Change one's own password: the current one, then the new one twice. */
export function ChangePasswordForm() {
  const [state, formAction, pending] = useActionState<ActionState, FormData>(changePasswordAction, null);
  return (
    <form action={formAction} noValidate key={state ? JSON.stringify(state) : "initial"} data-testid="change-password-form">
      <FormFeedback state={state} />
      <div className={groupClass(state, "currentPassword")}>
        <label className="nhsuk-label" htmlFor="currentPassword">
          Current password
        </label>
        <FieldError state={state} field="currentPassword" />
        <input className="nhsuk-input nhsuk-input--width-20" id="currentPassword" name="currentPassword" type="password" autoComplete="current-password" aria-describedby={describedBy(state, "currentPassword")} />
      </div>
      <NewPasswordFields state={state} />
      <button className="nhsuk-button" type="submit" disabled={pending}>
        Change password
      </button>
    </form>
  );
}
