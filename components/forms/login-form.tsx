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
                <a href="#email">{state.error}</a>
              </li>
            </ul>
          </div>
        </div>
      )}
      <div className={`nhsuk-form-group${state?.error ? " nhsuk-form-group--error" : ""}`}>
        <label className="nhsuk-label" htmlFor="email">
          Email address
        </label>
        <input className="nhsuk-input" id="email" name="email" type="email" autoComplete="username" spellCheck={false} defaultValue={state?.email ?? ""} />
      </div>
      <div className="nhsuk-form-group">
        <label className="nhsuk-label" htmlFor="password">
          Password
        </label>
        <input className="nhsuk-input" id="password" name="password" type="password" autoComplete="current-password" />
      </div>
      <button className="nhsuk-button" type="submit" disabled={pending}>
        Sign in
      </button>
    </form>
  );
}
