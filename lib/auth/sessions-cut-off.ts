// "Sign out everywhere": a session is a signed cookie the server cannot reach, so each
// account keeps a cut-off time instead, and a session signed in before it is refused.
// Disabling an account, a new password and the sign-out-everywhere buttons move it on.
// A session that changes its own password is kept (the person stays signed in there).

export interface SessionCutOff {
  sessionsValidAfter: Date | null;
  keptSessionId: string | null;
}

export interface SessionStart {
  sessionId: string;
  /** When the session signed in, in milliseconds (a cookie from before it carried them: its whole seconds, which is earlier). */
  signedInAtMs: number;
}

/** Whether the session was ended by the account's cut-off. */
export function endedByCutOff(session: SessionStart, account: SessionCutOff): boolean {
  if (!account.sessionsValidAfter) return false;
  if (account.keptSessionId !== null && session.sessionId === account.keptSessionId) return false;
  return session.signedInAtMs <= account.sessionsValidAfter.getTime();
}

/** The session's sign-in time from what the cookie carries: milliseconds if it has them, else its seconds. */
export function signedInAtMs(session: { signedInAtMs?: unknown; signedInAt?: unknown }): number | null {
  if (typeof session.signedInAtMs === "number" && Number.isFinite(session.signedInAtMs)) return session.signedInAtMs;
  if (typeof session.signedInAt === "number" && Number.isFinite(session.signedInAt)) return session.signedInAt * 1000;
  return null;
}
