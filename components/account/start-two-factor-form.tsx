"use client";

import { useActionState } from "react";
import { startTwoFactorAction } from "@/app/account/security/actions";
import { FormFeedback } from "@/components/forms/form-feedback";
import type { ActionState } from "@/lib/auth/action";

export function StartTwoFactorForm({ again = false }: { again?: boolean }) {
  const [state, formAction, pending] = useActionState<ActionState, FormData>(startTwoFactorAction, null);
  return (
    <form action={formAction}>
      {state && !state.ok && <FormFeedback state={state} />}
      <button className={`nhsuk-button${again ? " nhsuk-button--secondary" : ""}`} type="submit" disabled={pending}>
        {again ? "Start again with a new key" : "Set up an authenticator app"}
      </button>
    </form>
  );
}
