"use client";

import { useActionState, useEffect, useRef, useState } from "react";
import { signInWithPassword, type SignInState } from "@/app/login/actions";

const labels = { email: "Email address", password: "Password", code: "Security code" } as const;

export function LoginForm({ callbackUrl }: { callbackUrl: string }) {
  const [state, formAction, pending] = useActionState<SignInState, FormData>(signInWithPassword, null);
  // Kept here, not only in the inputs: an account with two-factor sends its password again
  // with the code (see SignInState), and React clears a form after each submission.
  const [email, setEmail] = useState("");
  const [password, setPassword] = useState("");
  const codeStep = Boolean(state?.codeStep);
  const codeInput = useRef<HTMLInputElement>(null);
  useEffect(() => {
    if (codeStep) codeInput.current?.focus();
  }, [codeStep, state]);
  const error = state?.error ? { field: state.field, message: state.error } : null;
  const fields = codeStep ? (["code"] as const) : (["email", "password"] as const);
  return (
    <form action={formAction} noValidate>
      <input type="hidden" name="callbackUrl" value={callbackUrl} />
      {error && (
        <div className="nhsuk-error-summary" aria-labelledby="login-error-title" role="alert" tabIndex={-1}>
          <h2 className="nhsuk-error-summary__title" id="login-error-title">
            You could not be signed in
          </h2>
          <div className="nhsuk-error-summary__body">
            <ul className="nhsuk-list nhsuk-error-summary__list">
              <li>
                <a href={`#${error.field}`}>{error.message}</a>
              </li>
            </ul>
          </div>
        </div>
      )}
      {codeStep && (
        <>
          <input type="hidden" name="codeStep" value="1" />
          <input type="hidden" name="email" value={email} />
          <input type="hidden" name="password" value={password} />
          <p>Your account uses two-factor authentication. Open your authenticator app and enter the code it shows for Digital Roadmap, or one of your recovery codes.</p>
        </>
      )}
      {fields.map((field) => {
        const fieldError = error?.field === field ? error.message : null;
        return (
          <div className={`nhsuk-form-group${fieldError ? " nhsuk-form-group--error" : ""}`} key={field}>
            <label className="nhsuk-label" htmlFor={field}>
              {labels[field]}
            </label>
            {fieldError && (
              <span className="nhsuk-error-message" id={`${field}-error`}>
                <span className="nhsuk-u-visually-hidden">Error:</span> {fieldError}
              </span>
            )}
            <input
              ref={field === "code" ? codeInput : undefined}
              className={`nhsuk-input${fieldError ? " nhsuk-input--error" : ""}${field === "code" ? " nhsuk-input--width-10" : ""}`}
              id={field}
              name={field}
              type={field === "code" ? "text" : field}
              inputMode={field === "code" ? "numeric" : undefined}
              autoComplete={field === "email" ? "username" : field === "password" ? "current-password" : "one-time-code"}
              spellCheck={false}
              value={field === "email" ? email : field === "password" ? password : undefined}
              onChange={field === "email" ? (e) => setEmail(e.target.value) : field === "password" ? (e) => setPassword(e.target.value) : undefined}
              aria-describedby={fieldError ? `${field}-error` : undefined}
            />
          </div>
        );
      })}
      <button className="nhsuk-button" type="submit" disabled={pending}>
        {codeStep ? "Continue" : "Sign in"}
      </button>
      {codeStep && (
        <p>
          <a href={`/login?callbackUrl=${encodeURIComponent(callbackUrl)}`}>Sign in as someone else</a>
        </p>
      )}
    </form>
  );
}
