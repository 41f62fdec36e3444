import type { Metadata } from "next";
import Link from "next/link";
import { listOrganisations } from "@/db/queries/places";
import { listUsers } from "@/db/queries/users";
import { requirePermission } from "@/lib/auth/session";
import { roleLabels } from "@/lib/roles";

export const metadata: Metadata = { title: "Users and roles" };

export default async function UsersPage() {
  await requirePermission("user.manage");
  const [users, organisations] = await Promise.all([listUsers(), listOrganisations()]);
  const orgName = new Map(organisations.map((o) => [o.id, o.shortName]));
  return (
    <>
      <h1>Users and roles</h1>
      <p>
        <Link className="nhsuk-button" href="/admin/users/new">
          Add a user
        </Link>
      </p>
      <table className="nhsuk-table">
        <caption className="nhsuk-table__caption">Everyone who can sign in, their role and the organisations they act for</caption>
        <thead className="nhsuk-table__head">
          <tr>
            <th scope="col">Name</th>
            <th scope="col">Email</th>
            <th scope="col">Role</th>
            <th scope="col">Organisations</th>
            <th scope="col">Status</th>
          </tr>
        </thead>
        <tbody className="nhsuk-table__body">
          {users.map((u) => (
            <tr key={u.id}>
              <th scope="row">
                <Link href={`/admin/users/${u.id}`}>{u.name}</Link>
              </th>
              <td>{u.email}</td>
              <td>{roleLabels[u.role]}</td>
              <td>{u.organisationIds.map((id) => orgName.get(id)).join(", ") || "–"}</td>
              <td>{u.disabledAt ? <strong className="nhsuk-tag nhsuk-tag--red">Disabled</strong> : "Active"}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}
