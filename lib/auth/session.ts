import "server-only";
import { cache } from "react";
import { forbidden, redirect } from "next/navigation";
import { auth } from "@/auth";
import { isSessionRevoked } from "@/db/queries/sessions";
import { getUserWithScope, type UserWithScope } from "@/db/queries/users";
import { can, type Action } from "@/lib/permissions";

export type SessionUser = UserWithScope;

/** The signed-in user as the database says now, once per request; null when signed out (this session or by expiry) or disabled. */
export const getCurrentUser = cache(async (): Promise<SessionUser | null> => {
  const session = await auth();
  const userId = session?.user?.id;
  const sessionId = session?.sessionId;
  if (!userId || !sessionId) return null;
  const [user, revoked] = await Promise.all([getUserWithScope({ userId }), isSessionRevoked({ sessionId })]);
  return user && !user.disabledAt && !revoked ? user : null;
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
