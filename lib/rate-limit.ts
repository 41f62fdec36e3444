import "server-only";
import { countRateLimitedRequest } from "@/db/commands/rate-limits";
import { env, type Env } from "./env";
import { RateLimitedError } from "./errors";

// Rate limits on the reads that cost the server most: downloads (a national scores file),
// the "as at" views rebuilt from the change history (trajectories, the board pack), and
// the API's lists. Counted per user and per API token in one-minute windows held in the
// database, so every instance counts against the same limit. The limits are far above
// what a person does (docs/rate-limits-and-exports.md) and set in lib/env.ts.

export const RATE_LIMIT_WINDOW_MS = 60_000;

export type RateLimitedRead = "export" | "as-at" | "api-list";

/** Who is asking: a signed-in user, or a user through one of their API tokens. */
export interface RateLimitCaller {
  userId: string;
  tokenId?: string | null;
}

export function rateLimitPerMinute(read: RateLimitedRead, e: Env = env()): number {
  return read === "export" ? e.RATE_LIMIT_EXPORTS_PER_MINUTE : read === "as-at" ? e.RATE_LIMIT_AS_AT_PER_MINUTE : e.RATE_LIMIT_API_LISTS_PER_MINUTE;
}

/**
 * The counters a request counts against, each with its limit: the token's (when it comes
 * with one), and the user's over all their sessions and tokens, which allows twice as
 * much so that a second token is of use but a dozen tokens are not a dozen times the limit.
 */
export function rateLimitKeys(read: RateLimitedRead, caller: RateLimitCaller, perMinute: number): { key: string; limit: number }[] {
  const user = { key: `${read}:user:${caller.userId}`, limit: caller.tokenId ? perMinute * 2 : perMinute };
  return caller.tokenId ? [{ key: `${read}:token:${caller.tokenId}`, limit: perMinute }, user] : [user];
}

const what: Record<RateLimitedRead, string> = {
  export: "downloads",
  "as-at": "past-date views of trajectories and board packs",
  "api-list": "API list requests",
};

/** Seconds from now to the end of the current window (at least 1). */
export function secondsToWindowEnd(now: Date, windowMs = RATE_LIMIT_WINDOW_MS): number {
  const end = (Math.floor(now.getTime() / windowMs) + 1) * windowMs;
  return Math.max(1, Math.ceil((end - now.getTime()) / 1000));
}

export function rateLimitMessage(read: RateLimitedRead, perMinute: number, retryAfterSeconds: number): string {
  return `You have made more than ${perMinute} ${what[read]} in a minute. Please wait ${retryAfterSeconds} second${retryAfterSeconds === 1 ? "" : "s"} and try again.`;
}

/** Counts the request; throws a RateLimitedError (429, with Retry-After) when it is over a limit. */
export async function enforceRateLimit(read: RateLimitedRead, caller: RateLimitCaller, now: Date = new Date()): Promise<void> {
  const perMinute = rateLimitPerMinute(read);
  const keys = rateLimitKeys(read, caller, perMinute);
  const counts = await countRateLimitedRequest({ keys: keys.map((k) => k.key), windowMs: RATE_LIMIT_WINDOW_MS, now });
  const over = keys.find((k) => (counts.get(k.key) ?? 0) > k.limit);
  if (over) {
    const retryAfter = secondsToWindowEnd(now);
    throw new RateLimitedError(rateLimitMessage(read, over.limit, retryAfter), retryAfter);
  }
}

/** For pages: null when the request may go ahead, else the message to show in its place. */
export async function rateLimitNotice(read: RateLimitedRead, caller: RateLimitCaller): Promise<string | null> {
  try {
    await enforceRateLimit(read, caller);
    return null;
  } catch (error) {
    if (error instanceof RateLimitedError) return error.message;
    throw error;
  }
}
