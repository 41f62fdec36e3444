// How long a session lasts: it ends after a spell without a page being opened (idle), and
// at a fixed time after signing in however busy it is (absolute). Times in whole seconds,
// as in the session token.

export interface SessionLimits {
  idleSeconds: number;
  absoluteSeconds: number;
}

export function sessionLimits(env: { SESSION_IDLE_MINUTES: number; SESSION_MAX_HOURS: number }): SessionLimits {
  return { idleSeconds: env.SESSION_IDLE_MINUTES * 60, absoluteSeconds: env.SESSION_MAX_HOURS * 60 * 60 };
}

/** What the token carries about its own life. */
export type SessionTimes = Record<string, unknown> & { signedInAt?: unknown; lastSeen?: unknown };

const isTime = (value: unknown): value is number => typeof value === "number" && Number.isFinite(value);

/**
 * Whether a session may go on at `now`. A token without its sign-in time (one made before
 * these limits existed, or forged without it) does not: the person signs in again.
 */
export function sessionAlive(token: SessionTimes, now: number, limits: SessionLimits): boolean {
  if (!isTime(token.signedInAt) || token.signedInAt > now + 60) return false;
  if (now - token.signedInAt >= limits.absoluteSeconds) return false;
  const lastSeen = isTime(token.lastSeen) ? token.lastSeen : token.signedInAt;
  return now - lastSeen < limits.idleSeconds;
}

export const nowInSeconds = () => Math.floor(Date.now() / 1000);
