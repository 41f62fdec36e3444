// Errors that mean the database cannot be reached (it is down, restarting, or the
// connection to it broke), as opposed to a query that failed: the user is told to try again
// later, and the health endpoint reports the outage.

/** Node's socket errors and postgres.js's own connection errors. */
const connectionCodes = new Set([
  "ECONNREFUSED",
  "ECONNRESET",
  "EPIPE",
  "ETIMEDOUT",
  "EHOSTUNREACH",
  "ENETUNREACH",
  "ENOTFOUND",
  "EAI_AGAIN",
  "CONNECTION_CLOSED",
  "CONNECTION_ENDED",
  "CONNECTION_DESTROYED",
  "CONNECT_TIMEOUT",
]);

/** PostgreSQL's: class 08 (connection exception), and the server shutting down or starting up. */
const serverCodes = /^(08[0-9A-Z]{3}|57P01|57P02|57P03)$/;

function codeOf(error: object): string | undefined {
  return "code" in error && typeof error.code === "string" ? error.code : undefined;
}

/** True when `error`, or an error it wraps (drizzle's `cause`, an AggregateError's errors), is a lost or refused connection. */
export function isDatabaseUnreachable(error: unknown, depth = 0): boolean {
  if (!error || typeof error !== "object" || depth > 4) return false;
  const code = codeOf(error);
  if (code && (connectionCodes.has(code) || serverCodes.test(code))) return true;
  if (error instanceof AggregateError && error.errors.some((e) => isDatabaseUnreachable(e, depth + 1))) return true;
  return "cause" in error && isDatabaseUnreachable(error.cause, depth + 1);
}
