import "server-only";
import { cache } from "react";
import { forbidden, redirect } from "next/navigation";
import { auth } from "@/auth";
import type { UserWithScope } from "@/db/queries/users";
import { can, type Action } from "@/lib/permissions";
import { resolveSessionAccount } from "./session-user";

export type SessionUser = UserWithScope;

/**
 * The signed-in account as the database says now, once per request, even while it must
 * change its password first (only the change-password page and its action use this).
 */
export const getSessionAccount = cache(async (): Promise<SessionUser | null> => resolveSessionAccount(await auth()));

/**
 * The signed-in user as the database says now, once per request; null when signed out
 * (this session, everywhere, or by expiry), disabled, or until a password chosen by
 * someone else has been changed: nothing but /account/password works before that.
 */
export const getCurrentUser = cache(async (): Promise<SessionUser | null> => {
  const account = await getSessionAccount();
  return account && !account.mustChangePassword ? account : null;
});

export async function requireUser(): Promise<SessionUser> {
  const account = await getSessionAccount();
  if (!account) redirect("/login");
  if (account.mustChangePassword) redirect("/account/password");
  return account;
}

/** For pages only some roles may open: 403 for everyone else. */
export async function requirePermission(action: Action): Promise<SessionUser> {
  const user = await requireUser();
  if (!can(user, action)) forbidden();
  return user;
}
