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

/** What the token carries about its own life: its id (for signing out) and its times. */
export type SessionTimes = Record<string, unknown> & { sid?: unknown; signedInAt?: unknown; lastSeen?: unknown };

const isTime = (value: unknown): value is number => typeof value === "number" && Number.isFinite(value);

/**
 * Whether a session may go on at `now`. A token without its sign-in time or its id (one
 * made before these limits and sign-out by id existed, or forged without them) does not:
 * the person signs in again. (Whether its id was signed out is the database's to say.)
 */
export function sessionAlive(token: SessionTimes, now: number, limits: SessionLimits): boolean {
  if (typeof token.sid !== "string" || token.sid.length < 16) return false;
  if (!isTime(token.signedInAt) || token.signedInAt > now + 60) return false;
  if (now - token.signedInAt >= limits.absoluteSeconds) return false;
  const lastSeen = isTime(token.lastSeen) ? token.lastSeen : token.signedInAt;
  return now - lastSeen < limits.idleSeconds;
}

/** The latest a session signed in at `signedInAt` can last: how long its id must stay refused after a sign-out. */
export function sessionExpiry(signedInAt: number, limits: SessionLimits): Date {
  return new Date((signedInAt + limits.absoluteSeconds) * 1000);
}

/** A new session's id: 128 random bits. */
export const newSessionId = () => crypto.randomUUID();

export const nowInSeconds = () => Math.floor(Date.now() / 1000);
