import type { Metadata } from "next";
import Link from "next/link";
import { requirePermission } from "@/lib/auth/session";

export const metadata: Metadata = { title: "Administration" };

export default async function AdminPage() {
  await requirePermission("user.manage");
  return (
    <>
      <h1>Administration</h1>
      <ul className="nhsuk-list">
        <li>
          <Link href="/admin/users">Users and roles</Link>
        </li>
        <li>
          <Link href="/admin/periods">Assessment periods</Link>
        </li>
        <li>
          <Link href="/admin/frameworks">Maturity frameworks</Link>
        </li>
      </ul>
    </>
  );
}
