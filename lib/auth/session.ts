import "server-only";
import { cache } from "react";
import { forbidden, redirect } from "next/navigation";
import { auth } from "@/auth";
import { isSessionRevoked } from "@/db/queries/sessions";
import { isTwoFactorEnabled } from "@/db/queries/two-factor";
import { getUserWithScope, type UserWithScope } from "@/db/queries/users";
import { can, type Action } from "@/lib/permissions";
import { mustEnrolTwoFactor } from "./two-factor-policy";

export type SessionUser = UserWithScope;

/** Where an account that must set up two-factor is sent, before anything else. */
export const twoFactorEnrolmentPath = "/account/security";

/**
 * The signed-in account as the database says now, once per request, whether or not it has
 * set up the two-factor sign-in it must have: for the set-up page (and its actions) only.
 * Null when signed out (this session or by expiry) or disabled.
 */
export const getSignedInAccount = cache(async (): Promise<(SessionUser & { mustEnrolTwoFactor: boolean }) | null> => {
  const session = await auth();
  const userId = session?.user?.id;
  const sessionId = session?.sessionId;
  if (!userId || !sessionId) return null;
  const [user, revoked] = await Promise.all([getUserWithScope({ userId }), isSessionRevoked({ sessionId })]);
  if (!user || user.disabledAt || revoked) return null;
  const mustEnrol = mustEnrolTwoFactor({ role: user.role, method: session.method ?? "password" }) && !(await isTwoFactorEnabled({ userId }));
  return { ...user, mustEnrolTwoFactor: mustEnrol };
});

/**
 * The signed-in user, for everything else: null also for an admin who signed in with a
 * password and has not set up two-factor yet, so that no page, action or route handler
 * serves them until they have (requireUser sends them to set it up).
 */
export const getCurrentUser = cache(async (): Promise<SessionUser | null> => {
  const account = await getSignedInAccount();
  if (!account || account.mustEnrolTwoFactor) return null;
  const { mustEnrolTwoFactor: _, ...user } = account;
  return user;
});

export async function requireUser(): Promise<SessionUser> {
  const user = await getCurrentUser();
  if (user) return user;
  if ((await getSignedInAccount())?.mustEnrolTwoFactor) redirect(twoFactorEnrolmentPath);
  redirect("/login");
}

/** For pages only some roles may open: 403 for everyone else. */
export async function requirePermission(action: Action): Promise<SessionUser> {
  const user = await requireUser();
  if (!can(user, action)) forbidden();
  return user;
}
