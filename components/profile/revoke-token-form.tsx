"use client";

import { useActionState } from "react";
import { revokeApiTokenAction } from "@/app/profile/actions";
import { FormFeedback } from "@/components/forms/form-feedback";
import type { ActionState } from "@/lib/auth/action";

/**
 * Revokes one token. It stays mounted once the token is revoked (the row remains, marked
 * Revoked), so that its confirmation is still there to be read.
 */
export function RevokeTokenForm({ tokenId, tokenName, active }: { tokenId: string; tokenName: string; active: boolean }) {
  const [state, formAction, pending] = useActionState<ActionState, FormData>(revokeApiTokenAction, null);
  return (
    <form action={formAction}>
      <FormFeedback state={state} />
      <input type="hidden" name="tokenId" value={tokenId} />
      {active && (
        <button className="nhsuk-button nhsuk-button--secondary nhsuk-button--small nhsuk-u-margin-bottom-0" type="submit" disabled={pending}>
          Revoke<span className="nhsuk-u-visually-hidden"> the token “{tokenName}”</span>
        </button>
      )}
    </form>
  );
}
