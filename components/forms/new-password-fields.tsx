import { describedBy, FieldError, groupClass } from "./form-feedback";
import type { ActionState } from "@/lib/auth/action";

/** The new password twice, with what the policy asks for (lib/auth/password-policy.ts). */
export function NewPasswordFields({ state }: { state: ActionState }) {
  return (
    <>
      <div className={groupClass(state, "newPassword")}>
        <label className="nhsuk-label" htmlFor="newPassword">
          New password
        </label>
        <div className="nhsuk-hint" id="newPassword-hint">
          At least 12 characters, and not one attackers try first or one built on your name or email. Three unrelated words work well.
        </div>
        <FieldError state={state} field="newPassword" />
        <input
          className="nhsuk-input nhsuk-input--width-20"
          id="newPassword"
          name="newPassword"
          type="password"
          autoComplete="new-password"
          aria-describedby={["newPassword-hint", describedBy(state, "newPassword")].filter(Boolean).join(" ")}
        />
      </div>
      <div className={groupClass(state, "confirmPassword")}>
        <label className="nhsuk-label" htmlFor="confirmPassword">
          New password again
        </label>
        <FieldError state={state} field="confirmPassword" />
        <input className="nhsuk-input nhsuk-input--width-20" id="confirmPassword" name="confirmPassword" type="password" autoComplete="new-password" aria-describedby={describedBy(state, "confirmPassword")} />
      </div>
    </>
  );
}
