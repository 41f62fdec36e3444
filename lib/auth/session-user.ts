import "server-only";
import { isSessionRevoked } from "@/db/queries/sessions";
import { getUserWithScope, type UserWithScope } from "@/db/queries/users";
import { endedByCutOff, signedInAtMs } from "./sessions-cut-off";

/** What the session cookie says (Auth.js's session object). */
export interface SessionClaims {
  user?: { id?: string | null } | null;
  sessionId?: string;
  signedInAt?: number;
  signedInAtMs?: number;
}

/**
 * The account a session belongs to, as the database says now; null when the session was
 * signed out (by itself, or everywhere: lib/auth/sessions-cut-off.ts) or the account is
 * disabled. The account may still have to change its password before anything else.
 */
export async function resolveSessionAccount(session: SessionClaims | null): Promise<UserWithScope | null> {
  const userId = session?.user?.id;
  const sessionId = session?.sessionId;
  const startedMs = session ? signedInAtMs(session) : null;
  if (!userId || !sessionId || startedMs === null) return null;
  const [user, revoked] = await Promise.all([getUserWithScope({ userId }), isSessionRevoked({ sessionId })]);
  if (!user || user.disabledAt || revoked) return null;
  return endedByCutOff({ sessionId, signedInAtMs: startedMs }, user) ? null : user;
}
