import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { endUserSessionsAction, setUserDisabledAction } from "@/app/admin/actions";
import { ResetLinkForm } from "@/components/admin/reset-link-form";
import { ToggleForm } from "@/components/forms/toggle-form";
import { UserForm } from "@/components/forms/user-form";
import { listOrganisations } from "@/db/queries/places";
import { getUserWithScope } from "@/db/queries/users";
import { requirePermission } from "@/lib/auth/session";
import { isUuid } from "@/lib/ids";

export const metadata: Metadata = { title: "User" };

type Props = { params: Promise<{ id: string }>; searchParams: Promise<{ created?: string }> };

export default async function UserPage({ params, searchParams }: Props) {
  const admin = await requirePermission("user.manage");
  const { id } = await params;
  if (!isUuid(id)) notFound();
  const [user, organisations, query] = await Promise.all([getUserWithScope({ userId: id }), listOrganisations(), searchParams]);
  if (!user) notFound();
  return (
    <>
      <Link className="nhsuk-back-link" href="/admin/users">
        Users and roles
      </Link>
      <h1>
        {user.name}
        <span className="nhsuk-caption-l">{user.email}</span>
      </h1>
      {query.created && (
        <div className="nhsuk-inset-text" role="status">
          <p>{user.name} has been added and can sign in now.</p>
        </div>
      )}
      <h2>Role and organisations</h2>
      <UserForm organisations={organisations.map((o) => ({ id: o.id, name: o.name }))} user={user} />
      {user.id !== admin.id && (
        <>
          <h2>Account</h2>
          <p>{user.disabledAt ? "This account is disabled: it cannot sign in or use the app." : "This account is active."}</p>
          <ToggleForm
            action={setUserDisabledAction}
            fields={{ userId: user.id, disabled: String(!user.disabledAt) }}
            label={user.disabledAt ? "Enable account" : "Disable account"}
          />
          <p className="nhsuk-u-margin-top-3">Disabling ends every session and API token of theirs for good: enabling the account again does not bring them back.</p>
          {!user.disabledAt && (
            <>
              <h2>Password and sessions</h2>
              <h3>Reset their password</h3>
              <p>
                A one-time link for them to choose a new password, for 24 hours. Send it to them yourself. Using it signs them out everywhere.
                {user.mustChangePassword && " They have still to change the password someone else set for them."}
              </p>
              <ResetLinkForm userId={user.id} name={user.name} />
              <h3>Sign out everywhere</h3>
              <p>Ends every session they have, on every device (their API tokens go on working: disable the account to end those too).</p>
              <ToggleForm action={endUserSessionsAction} fields={{ userId: user.id }} label="Sign out everywhere" />
            </>
          )}
        </>
      )}
    </>
  );
}
