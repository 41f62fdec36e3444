import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { setUserDisabledAction } from "@/app/admin/actions";
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
        </>
      )}
    </>
  );
}
