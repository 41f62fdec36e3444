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

export interface ThrottleState {
  failures: number;
  windowStartedAt: Date;
  lastFailureAt: Date;
  lockedUntil: Date | null;
}

export type ThrottleVerdict = { locked: true; until: Date } | { locked: false; delayMs: number };

/** What an attempt now must do: wait a little, or be refused until a time. */
export function throttleVerdict(state: ThrottleState | null | undefined, now: Date, rules = throttleRules): ThrottleVerdict {
  if (!state) return { locked: false, delayMs: 0 };
  if (state.lockedUntil && state.lockedUntil > now) return { locked: true, until: state.lockedUntil };
  if (now.getTime() - state.windowStartedAt.getTime() > rules.windowMs) return { locked: false, delayMs: 0 };
  const over = state.failures - rules.slowAfter + 1;
  return { locked: false, delayMs: over > 0 ? Math.min(rules.maxDelayMs, over * 1000) : 0 };
}

/** The state after one more failure at `now`. */
export function afterFailure(state: ThrottleState | null | undefined, now: Date, rules = throttleRules): ThrottleState {
  const fresh = !state || now.getTime() - state.windowStartedAt.getTime() > rules.windowMs || (state.lockedUntil !== null && state.lockedUntil <= now);
  const failures = fresh ? 1 : state.failures + 1;
  const windowStartedAt = fresh ? now : state.windowStartedAt;
  return { failures, windowStartedAt, lastFailureAt: now, lockedUntil: failures >= rules.lockAfter ? new Date(now.getTime() + rules.lockMs) : null };
}

/** The keys an attempt is counted under. */
export function throttleKeys(email: string, address: string | null): string[] {
  return [`account:${email.trim().toLowerCase()}`, ...(address ? [`address:${address}`] : [])];
}

/**
 * The client's address as our own proxies saw it: X-Forwarded-For's entry `trustedHops`
 * from the right (each proxy appends the address it was reached from; anything further
 * left was written by the client and proves nothing). Null with no trusted proxy, or when
 * the header is shorter than the proxies we trust: the attempt is then counted under its
 * account only.
 */
export function clientAddress(headers: Headers, trustedHops: number): string | null {
  if (trustedHops < 1) return null;
  const entries = (headers.get("x-forwarded-for") ?? "").split(",").map((e) => e.trim()).filter(Boolean);
  return entries.length >= trustedHops ? entries[entries.length - trustedHops]! : null;
}
