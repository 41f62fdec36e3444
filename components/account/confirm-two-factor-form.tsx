"use client";

import { useActionState } from "react";
import { confirmTwoFactorAction, type RecoveryCodesState } from "@/app/account/security/actions";
import { describedBy, FieldError, FormFeedback, groupClass } from "@/components/forms/form-feedback";
import { RecoveryCodes } from "./recovery-codes";

/** The first code from the app turns two-factor on; the recovery codes are then shown once. */
export function ConfirmTwoFactorForm() {
  const [state, formAction, pending] = useActionState<RecoveryCodesState, FormData>(confirmTwoFactorAction, null);
  if (state?.ok && "recoveryCodes" in state) {
    return (
      <>
        <FormFeedback state={state} />
        <RecoveryCodes codes={state.recoveryCodes} />
      </>
    );
  }
  return (
    <form action={formAction} noValidate>
      <FormFeedback state={state} />
      <div className={groupClass(state, "code")}>
        <label className="nhsuk-label" htmlFor="code">
          Code from your authenticator app
        </label>
        <div className="nhsuk-hint" id="code-hint">
          The 6 digits the app shows for Digital Roadmap now.
        </div>
        <FieldError state={state} field="code" />
        <input
          className="nhsuk-input nhsuk-input--width-10"
          id="code"
          name="code"
          inputMode="numeric"
          autoComplete="one-time-code"
          spellCheck={false}
          aria-describedby={["code-hint", describedBy(state, "code")].filter(Boolean).join(" ")}
        />
      </div>
      <button className="nhsuk-button" type="submit" disabled={pending}>
        Turn on two-factor authentication
      </button>
    </form>
  );
}
