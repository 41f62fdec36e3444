// Sign-in throttling: failed attempts are counted per account and per address within a
// window; after a few the next attempts are slowed, after more they are refused for a
// while. Pure rules; db/commands/sign-in-throttle.ts keeps the counts in the database.

export const throttleRules = {
  /** Failures counted together: the window starts at the first failure. */
  windowMs: 15 * 60_000,
  /** From this many failures on, each attempt waits a second more per failure (1, 2, 3 s before the lock). */
  slowAfter: 2,
  maxDelayMs: 3_000,
  /** This many failures in the window lock the account or address. */
  lockAfter: 5,
  lockMs: 15 * 60_000,
} as const;

export type ThrottleRules = { windowMs: number; slowAfter: number; maxDelayMs: number; lockAfter: number; lockMs: number };

/**
 * Per address: more failures than an account gets, since many people can share one
 * address (a trust's NAT, or every request when a proxy goes unconfigured), but few
 * enough to stop one machine trying a password on many accounts.
 */
export const addressThrottleRules: ThrottleRules = { windowMs: 15 * 60_000, slowAfter: 10, maxDelayMs: 3_000, lockAfter: 30, lockMs: 15 * 60_000 };

/**
 * Across every account and address (credential stuffing from many addresses): refused for
 * a minute once this many sign-ins have failed within a minute. It locks everyone out for
 * that minute, so it is set well above what people mistyping ever reach.
 */
export const globalThrottleRules: ThrottleRules = { windowMs: 60_000, slowAfter: Number.MAX_SAFE_INTEGER, maxDelayMs: 0, lockAfter: 300, lockMs: 60_000 };

export const globalThrottleKey = "global";

/** The rules a throttle key is counted under. */
export function rulesForKey(key: string): ThrottleRules {
  if (key === globalThrottleKey) return globalThrottleRules;
  if (key.startsWith("address:")) return addressThrottleRules;
  return throttleRules;
}

export interface ThrottleState {
  failures: number;
  windowStartedAt: Date;
  lastFailureAt: Date;
  lockedUntil: Date | null;
}

export type ThrottleVerdict = { locked: true; until: Date } | { locked: false; delayMs: number };

/** What an attempt now must do: wait a little, or be refused until a time. */
export function throttleVerdict(state: ThrottleState | null | undefined, now: Date, rules: ThrottleRules = throttleRules): ThrottleVerdict {
  if (!state) return { locked: false, delayMs: 0 };
  if (state.lockedUntil && state.lockedUntil > now) return { locked: true, until: state.lockedUntil };
  if (now.getTime() - state.windowStartedAt.getTime() > rules.windowMs) return { locked: false, delayMs: 0 };
  const over = state.failures - rules.slowAfter + 1;
  return { locked: false, delayMs: over > 0 ? Math.min(rules.maxDelayMs, over * 1000) : 0 };
}

/** The state after one more failure at `now`. */
export function afterFailure(state: ThrottleState | null | undefined, now: Date, rules: ThrottleRules = throttleRules): ThrottleState {
  const fresh = !state || now.getTime() - state.windowStartedAt.getTime() > rules.windowMs || (state.lockedUntil !== null && state.lockedUntil <= now);
  const failures = fresh ? 1 : state.failures + 1;
  const windowStartedAt = fresh ? now : state.windowStartedAt;
  return { failures, windowStartedAt, lastFailureAt: now, lockedUntil: failures >= rules.lockAfter ? new Date(now.getTime() + rules.lockMs) : null };
}

/** The keys an attempt is counted under: its account first, its address, and every attempt together. */
export function throttleKeys(email: string, address: string | null): string[] {
  return [`account:${email.trim().toLowerCase()}`, ...(address ? [`address:${address}`] : []), globalThrottleKey];
}

/**
 * The header our own server hook (lib/auth/peer-address.ts) sets on every request to the
 * address of the connection, overwriting any copy a client sent.
 */
export const peerAddressHeader = "x-roadmap-peer-address";

/**
 * The client's address. With no proxy trusted, the connection's own address (Next.js's
 * server keeps an X-Forwarded-For a client sent, so that header proves nothing then).
 * Behind our own proxies, X-Forwarded-For's entry `trustedHops` from the right (each proxy
 * appends the address it was reached from; anything further left was written by the
 * client). Null when neither is there: the attempt is then counted under its account.
 */
export function clientAddress(headers: Headers, trustedHops: number): string | null {
  if (trustedHops < 1) return headers.get(peerAddressHeader) || null;
  const entries = (headers.get("x-forwarded-for") ?? "").split(",").map((e) => e.trim()).filter(Boolean);
  return entries.length >= trustedHops ? entries[entries.length - trustedHops]! : null;
}
