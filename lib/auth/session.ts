import "server-only";
import { cache } from "react";
import { forbidden, redirect } from "next/navigation";
import { auth } from "@/auth";
import { getUserWithScope, type UserWithScope } from "@/db/queries/users";
import { can, type Action } from "@/lib/permissions";

export type SessionUser = UserWithScope;

/** The signed-in user as the database says now, once per request; null when signed out or disabled. */
export const getCurrentUser = cache(async (): Promise<SessionUser | null> => {
  const session = await auth();
  const userId = session?.user?.id;
  if (!userId) return null;
  const user = await getUserWithScope({ userId });
  return user && !user.disabledAt ? user : null;
});

export async function requireUser(): Promise<SessionUser> {
  const user = await getCurrentUser();
  if (!user) redirect("/login");
  return user;
}

/** For pages only some roles may open: 403 for everyone else. */
export async function requirePermission(action: Action): Promise<SessionUser> {
  const user = await requireUser();
  if (!can(user, action)) forbidden();
  return user;
}
