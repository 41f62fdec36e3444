"use client";

import { useEffect, useRef, useState } from "react";
import type { CreatedApiToken } from "@/app/profile/actions";

const expiry = new Intl.DateTimeFormat("en-GB", { dateStyle: "long", timeStyle: "short", timeZone: "Europe/London" });

/** The new token's secret, this once, with how to keep it safe and how to use it. */
export function NewTokenPanel({ token }: { token: CreatedApiToken }) {
  const heading = useRef<HTMLHeadingElement>(null);
  const [copied, setCopied] = useState<"yes" | "no" | null>(null);
  useEffect(() => heading.current?.focus(), []);
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(token.secret);
      setCopied("yes");
    } catch {
      setCopied("no");
    }
  };
  return (
    <div className="nhsuk-card nhsuk-card--feature" data-testid="new-token">
      <div className="nhsuk-card__content nhsuk-card__content--feature">
        <h3 className="nhsuk-card__heading nhsuk-card__heading--feature nhsuk-heading-m" ref={heading} tabIndex={-1}>
          Copy your new token now
        </h3>
        <p>
          “{token.name}”: {token.scopeLabel.toLowerCase()}, until {expiry.format(new Date(token.expiresAt))}. This is the only time it is shown: the app keeps a
          fingerprint of it, not the token itself. If you lose it, revoke it and create another.
        </p>
        <div className="nhsuk-form-group">
          <label className="nhsuk-label" htmlFor="new-token-secret">
            Your new API token
          </label>
          <input className="nhsuk-input" id="new-token-secret" readOnly value={token.secret} spellCheck={false} autoComplete="off" onFocus={(e) => e.currentTarget.select()} />
        </div>
        <button className="nhsuk-button nhsuk-button--secondary" type="button" onClick={copy}>
          Copy the token
        </button>
        <p role="status">{copied === "yes" ? "Copied to the clipboard." : copied === "no" ? "Could not copy: select the token and copy it yourself." : ""}</p>
        <p>
          Keep it as you would a password: in your BI tool&apos;s credential store or a password manager, never in a shared file, email or chat. Anyone holding it
          can act as you through the API. Send it with every request as the header <code>Authorization: Bearer {token.prefix}…</code>.
        </p>
      </div>
    </div>
  );
}
