"use client";

import { useActionState } from "react";
import { resetPasswordAction } from "@/app/reset-password/[token]/actions";
import { FormFeedback } from "./form-feedback";
import { NewPasswordFields } from "./new-password-fields";
import type { ActionState } from "@/lib/auth/action";

/** A new password through a reset link (the link's secret goes back with the form). */
export function ResetPasswordForm({ token }: { token: string }) {
  const [state, formAction, pending] = useActionState<ActionState, FormData>(resetPasswordAction, null);
  return (
    <form action={formAction} noValidate key={state ? JSON.stringify(state) : "initial"} data-testid="reset-password-form">
      <FormFeedback state={state} />
      <input type="hidden" name="token" value={token} />
      <NewPasswordFields state={state} />
      <button className="nhsuk-button" type="submit" disabled={pending}>
        Set my new password
      </button>
    </form>
  );
}
