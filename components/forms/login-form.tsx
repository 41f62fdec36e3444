"use client";

import { useActionState } from "react";
import { signInWithPassword, type SignInState } from "@/app/login/actions";

export function LoginForm({ callbackUrl }: { callbackUrl: string }) {
  const [state, formAction, pending] = useActionState<SignInState, FormData>(signInWithPassword, null);
  return (
    <form action={formAction} noValidate>
      <input type="hidden" name="callbackUrl" value={callbackUrl} />
      {state?.error && (
        <div className="nhsuk-error-summary" aria-labelledby="login-error-title" role="alert" tabIndex={-1}>
          <h2 className="nhsuk-error-summary__title" id="login-error-title">
            You could not be signed in
          </h2>
          <div className="nhsuk-error-summary__body">
            <ul className="nhsuk-list nhsuk-error-summary__list">
              <li>
                <a href={`#${state.field}`}>{state.error}</a>
              </li>
            </ul>
          </div>
        </div>
      )}
      {(["email", "password"] as const).map((field) => {
        const error = state?.field === field ? state.error : null;
        return (
          <div className={`nhsuk-form-group${error ? " nhsuk-form-group--error" : ""}`} key={field}>
            <label className="nhsuk-label" htmlFor={field}>
              {field === "email" ? "Email address" : "Password"}
            </label>
            {error && (
              <span className="nhsuk-error-message" id={`${field}-error`}>
                <span className="nhsuk-u-visually-hidden">Error:</span> {error}
              </span>
            )}
            <input
              className={`nhsuk-input${error ? " nhsuk-input--error" : ""}`}
              id={field}
              name={field}
              type={field}
              autoComplete={field === "email" ? "username" : "current-password"}
              spellCheck={false}
              defaultValue={field === "email" ? (state?.email ?? "") : undefined}
              aria-describedby={error ? `${field}-error` : undefined}
            />
          </div>
        );
      })}
      <button className="nhsuk-button" type="submit" disabled={pending}>
        Sign in
      </button>
    </form>
  );
}
