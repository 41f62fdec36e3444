"use client";

import { useActionState } from "react";
import { disableTwoFactorAction, regenerateRecoveryCodesAction, type RecoveryCodesState } from "@/app/account/security/actions";
import { describedBy, FieldError, FormFeedback, groupClass } from "@/components/forms/form-feedback";
import { RecoveryCodes } from "./recovery-codes";

const actions = { disable: disableTwoFactorAction, regenerate: regenerateRecoveryCodesAction };
const buttons = { disable: "Turn off two-factor authentication", regenerate: "Make new recovery codes" };

/** Turning two-factor off, or replacing the recovery codes: proved with a current code or the password. */
export function TwoFactorProofForm({ kind }: { kind: keyof typeof actions }) {
  const [state, formAction, pending] = useActionState<RecoveryCodesState, FormData>(actions[kind], null);
  if (state?.ok && "recoveryCodes" in state) {
    return (
      <>
        <FormFeedback state={state} />
        <RecoveryCodes codes={state.recoveryCodes} />
      </>
    );
  }
  const ids = { code: `${kind}-code`, password: `${kind}-password` };
  return (
    <form action={formAction} noValidate data-testid={`${kind}-two-factor-form`}>
      <FormFeedback state={state} fieldIds={ids} />
      <div className={groupClass(state, "code")}>
        <label className="nhsuk-label" htmlFor={ids.code}>
          Code from your authenticator app, or a recovery code
        </label>
        <FieldError state={state} field="code" inputId={ids.code} />
        <input
          className="nhsuk-input nhsuk-input--width-10"
          id={ids.code}
          name="code"
          autoComplete="one-time-code"
          spellCheck={false}
          aria-describedby={describedBy(state, "code", ids.code)}
        />
      </div>
      <div className={groupClass(state, "password")}>
        <label className="nhsuk-label" htmlFor={ids.password}>
          Or your password
        </label>
        <FieldError state={state} field="password" inputId={ids.password} />
        <input
          className="nhsuk-input nhsuk-input--width-20"
          id={ids.password}
          name="password"
          type="password"
          autoComplete="current-password"
          aria-describedby={describedBy(state, "password", ids.password)}
        />
      </div>
      <button className={`nhsuk-button${kind === "disable" ? " nhsuk-button--warning" : " nhsuk-button--secondary"}`} type="submit" disabled={pending}>
        {buttons[kind]}
      </button>
    </form>
  );
}
