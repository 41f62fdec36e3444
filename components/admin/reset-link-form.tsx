"use client";

import { useActionState, useEffect, useRef } from "react";
import { createPasswordResetLinkAction, type ResetLinkState } from "@/app/admin/actions";
import { FormFeedback } from "@/components/forms/form-feedback";

const expiry = new Intl.DateTimeFormat("en-GB", { dateStyle: "long", timeStyle: "short", timeZone: "Europe/London" });

/** "Create a reset link": the link is shown once, here, for the administrator to pass on. */
export function ResetLinkForm({ userId, name }: { userId: string; name: string }) {
  const [state, formAction, pending] = useActionState<ResetLinkState, FormData>(createPasswordResetLinkAction, null);
  const link = state && state.ok && "link" in state ? state.link : null;
  return (
    <>
      {link && <ResetLinkPanel link={link} name={name} />}
      <form action={formAction}>
        {!link && <FormFeedback state={state} />}
        <input type="hidden" name="userId" value={userId} />
        <button className="nhsuk-button nhsuk-button--secondary" type="submit" disabled={pending}>
          Create a reset link
        </button>
      </form>
    </>
  );
}

function ResetLinkPanel({ link, name }: { link: { path: string; expiresAt: string }; name: string }) {
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  const url = new URL(link.path, window.location.href).toString();
  return (
    <div className="nhsuk-card nhsuk-card--feature" data-testid="reset-link">
      <div className="nhsuk-card__content nhsuk-card__content--feature">
        <h3 className="nhsuk-card__heading nhsuk-card__heading--feature nhsuk-heading-m" ref={heading} tabIndex={-1}>
          Send this link to {name} now
        </h3>
        <p>
          It works once, until {expiry.format(new Date(link.expiresAt))}, and is shown only this time: the app keeps a fingerprint of it, not the link. Send it to the
          person&apos;s own NHSmail address, never to a shared mailbox or chat. Setting a password with it signs them out everywhere.
        </p>
        <div className="nhsuk-form-group">
          <label className="nhsuk-label" htmlFor="reset-link-url">
            Reset link
          </label>
          <input className="nhsuk-input" id="reset-link-url" readOnly value={url} spellCheck={false} autoComplete="off" onFocus={(e) => e.currentTarget.select()} />
        </div>
      </div>
    </div>
  );
}
