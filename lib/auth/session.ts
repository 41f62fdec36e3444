import "server-only";
import { cache } from "react";
import { forbidden, redirect } from "next/navigation";
import { auth } from "@/auth";
import { isTwoFactorEnabled } from "@/db/queries/two-factor";
import type { UserWithScope } from "@/db/queries/users";
import { can, type Action } from "@/lib/permissions";
import { resolveSessionAccount } from "./session-user";
import { mustEnrolTwoFactor } from "./two-factor-policy";

export type SessionUser = UserWithScope;

/** The signed-in account, and what it must do before anything else. */
export type SessionAccount = SessionUser & { mustEnrolTwoFactor: boolean };

/** Where an account that must set up two-factor is sent, before anything else. */
export const twoFactorEnrolmentPath = "/account/security";
/** Where an account whose password someone else chose is sent, before anything else. */
export const passwordChangePath = "/account/password";

/**
 * The signed-in account as the database says now, once per request, even while it has a
 * step to take first: a password chosen by someone else to change, or the two-factor
 * sign-in an administrator must have to set up. Only those two pages (and their actions)
 * and the layout use this; everything else asks getCurrentUser. Null when signed out
 * (this session, everywhere, or by expiry) or disabled.
 */
export const getSessionAccount = cache(async (): Promise<SessionAccount | null> => {
  const session = await auth();
  const account = await resolveSessionAccount(session);
  if (!account) return null;
  const mustEnrol = mustEnrolTwoFactor({ role: account.role, method: session?.method ?? "password" }) && !(await isTwoFactorEnabled({ userId: account.id }));
  return { ...account, mustEnrolTwoFactor: mustEnrol };
});

/** The page an account with a step still to take must go to first; null when it has none. */
export function pendingStepPath(account: SessionAccount): string | null {
  if (account.mustChangePassword) return passwordChangePath;
  if (account.mustEnrolTwoFactor) return twoFactorEnrolmentPath;
  return null;
}

/**
 * The signed-in user, for everything else: null also until the account has taken its
 * first steps (a new password, an administrator's two-factor set-up), so that no page,
 * action or route handler serves it before then (requireUser sends it there).
 */
export const getCurrentUser = cache(async (): Promise<SessionUser | null> => {
  const account = await getSessionAccount();
  if (!account || pendingStepPath(account)) return null;
  const { mustEnrolTwoFactor: _, ...user } = account;
  return user;
});

export async function requireUser(): Promise<SessionUser> {
  const account = await getSessionAccount();
  if (!account) redirect("/login");
  const pending = pendingStepPath(account);
  if (pending) redirect(pending);
  const { mustEnrolTwoFactor: _, ...user } = account;
  return user;
}

/** For pages only some roles may open: 403 for everyone else. */
export async function requirePermission(action: Action): Promise<SessionUser> {
  const user = await requireUser();
  if (!can(user, action)) forbidden();
  return user;
}
