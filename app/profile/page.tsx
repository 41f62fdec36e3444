import type { Metadata } from "next";
import Link from "next/link";
import { signOutEverywhereAction } from "@/app/account/actions";
import { ToggleForm } from "@/components/forms/toggle-form";
import { NewTokenForm } from "@/components/profile/new-token-form";
import { TokenTable } from "@/components/profile/token-table";
import { listApiTokensByUser } from "@/db/queries/api-tokens";
import { listOrganisations } from "@/db/queries/places";
import { requireUser } from "@/lib/auth/session";
import { roleLabels } from "@/lib/roles";

export const metadata: Metadata = { title: "Your profile" };

export default async function ProfilePage() {
  const user = await requireUser();
  const [tokens, organisations] = await Promise.all([listApiTokensByUser({ userId: user.id }), listOrganisations()]);
  const own = organisations.filter((o) => user.organisationIds.includes(o.id));
  const now = new Date();
  return (
    <>
      <h1>Your profile</h1>
      <dl className="nhsuk-summary-list" data-testid="profile">
        <div className="nhsuk-summary-list__row">
          <dt className="nhsuk-summary-list__key">Name</dt>
          <dd className="nhsuk-summary-list__value">{user.name}</dd>
        </div>
        <div className="nhsuk-summary-list__row">
          <dt className="nhsuk-summary-list__key">Email</dt>
          <dd className="nhsuk-summary-list__value">{user.email}</dd>
        </div>
        <div className="nhsuk-summary-list__row">
          <dt className="nhsuk-summary-list__key">Role</dt>
          <dd className="nhsuk-summary-list__value">{roleLabels[user.role]}</dd>
        </div>
        <div className="nhsuk-summary-list__row">
          <dt className="nhsuk-summary-list__key">Organisations</dt>
          <dd className="nhsuk-summary-list__value">
            {own.length === 0 ? (
              "None"
            ) : (
              <ul className="nhsuk-list">
                {own.map((o) => (
                  <li key={o.id}>
                    <Link href={`/organisations/${o.id}`}>{o.name}</Link>
                  </li>
                ))}
              </ul>
            )}
          </dd>
        </div>
      </dl>
      <p>An administrator changes roles and organisations.</p>
      <p>
        <Link href="/account/security">Account security</Link>: sign in with a code from an authenticator app as well as your password (two-factor authentication).
      </p>

      <h2>Password and sessions</h2>
      <p>
        <Link href="/account/password">Change your password</Link> (if you sign in with a password).
      </p>
      <p>If you have left yourself signed in somewhere, or think someone else may have used your account, sign out everywhere: every session of yours ends, this one too.</p>
      <ToggleForm action={signOutEverywhereAction} fields={{}} label="Sign out everywhere" />

      <h2>Personal API tokens</h2>
      <p>
        A token lets a BI tool (Power BI, Excel) or a script use the <a href="/api/v1/openapi.json">roadmap&apos;s API</a> as you: it has your role and organisations as
        they are at the time of each request, so it stops working if your account is disabled. Revoke a token as soon as you no longer need it, or if it may have been
        seen by someone else.
      </p>
      <TokenTable tokens={tokens} now={now} />

      <h2>Create a token</h2>
      <NewTokenForm />
    </>
  );
}
