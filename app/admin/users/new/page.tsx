import type { Metadata } from "next";
import Link from "next/link";
import { UserForm } from "@/components/forms/user-form";
import { listOrganisations } from "@/db/queries/places";
import { requirePermission } from "@/lib/auth/session";

export const metadata: Metadata = { title: "Add a user" };

export default async function NewUserPage() {
  await requirePermission("user.manage");
  const organisations = await listOrganisations();
  return (
    <>
      <Link className="nhsuk-back-link" href="/admin/users">
        Users and roles
      </Link>
      <h1>Add a user</h1>
      <UserForm organisations={organisations.map((o) => ({ id: o.id, name: o.name }))} />
    </>
  );
}
