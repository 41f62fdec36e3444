"use client";

import Link from "next/link";
import { useActionState } from "react";
import { decideInvitationAction } from "@/app/portfolio/actions";
import { FormFeedback } from "@/components/forms/form-feedback";
import type { PendingInvitation } from "@/db/queries/portfolio";
import type { ActionState } from "@/lib/auth/action";

const dateOnly = new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeZone: "Europe/London" });

/** Accept or decline one invitation to co-own a project: the server checks who may; done, it leads to the project's page. */
function DecideInvitationForm({ invitation }: { invitation: PendingInvitation }) {
  const [state, action, pending] = useActionState<ActionState, FormData>(decideInvitationAction, null);
  const what = `${invitation.name} co-owning ${invitation.projectTitle}`;
  return (
    <form action={action} className="app-inline-form" data-testid="invitation-decision">
      <FormFeedback state={state} />
      <input type="hidden" name="invitationId" value={invitation.id} />
      <button className="nhsuk-button nhsuk-button--secondary nhsuk-button--small" type="submit" name="decision" value="accept" disabled={pending}>
        Accept<span className="nhsuk-u-visually-hidden"> {what}</span>
      </button>{" "}
      <button className="nhsuk-button nhsuk-button--warning nhsuk-button--small" type="submit" name="decision" value="decline" disabled={pending}>
        Decline<span className="nhsuk-u-visually-hidden"> {what}</span>
      </button>
    </form>
  );
}

/**
 * Invitations for the user's organisations to co-own projects. An invited organisation is
 * not an owner (nor in its capability matrix and counts) until one of its CIOs accepts.
 */
export function CoOwnershipRequests({ invitations, withProject }: { invitations: PendingInvitation[]; withProject: boolean }) {
  if (invitations.length === 0) return null;
  return (
    <ul className="nhsuk-list" data-testid="co-ownership-requests">
      {invitations.map((i) => (
        <li key={i.id}>
          <p className="nhsuk-u-margin-bottom-2">
            {i.invitedBy ?? "Someone"} invited <strong>{i.name}</strong> to co-own{" "}
            {withProject ? <Link href={`/portfolio/projects/${i.projectId}`}>{i.projectTitle}</Link> : "this project"} on {dateOnly.format(i.invitedAt)}. Until it accepts, the project is
            not in {i.name}&apos;s capability matrix or portfolio.
          </p>
          <DecideInvitationForm invitation={i} />
        </li>
      ))}
    </ul>
  );
}
