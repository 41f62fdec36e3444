import { isDatabaseUnreachable } from "./database-errors";
import { logError } from "./error-log";

// Typed errors with one way out: a code, a message a user can act on, an HTTP status.
// Database errors never reach users: they are logged and become "internal", or
// "unavailable" when the database cannot be reached at all.
export const errorStatus = {
  // Malformed JSON, or query parameters that are wrong in themselves (API only).
  bad_request: 400,
  unauthenticated: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  invalid: 422,
  // A body larger than the limit for its route (lib/request-limits.ts).
  too_large: 413,
  // Too many expensive reads in a short time (lib/rate-limit.ts): Retry-After says when to try again.
  rate_limited: 429,
  internal: 500,
  // The database is down or the connection to it broke: try again later.
  unavailable: 503,
} as const;
export type ErrorCode = keyof typeof errorStatus;

export type FieldErrors = Record<string, string>;

export class AppError extends Error {
  readonly code: ErrorCode;
  readonly fieldErrors: FieldErrors;

  constructor(code: ErrorCode, message: string, fieldErrors: FieldErrors = {}) {
    super(message);
    this.name = "AppError";
    this.code = code;
    this.fieldErrors = fieldErrors;
  }

  get status(): number {
    return errorStatus[this.code];
  }
}

/** Refused by a rate limit; the answer's Retry-After header carries `retryAfterSeconds`. */
export class RateLimitedError extends AppError {
  readonly retryAfterSeconds: number;

  constructor(message: string, retryAfterSeconds: number) {
    super("rate_limited", message);
    this.retryAfterSeconds = retryAfterSeconds;
  }
}

export const forbidden = (message = "You do not have permission to do that.") => new AppError("forbidden", message);
export const notFound = (what: string) => new AppError("not_found", `${what} was not found.`);
export const invalid = (message: string, fieldErrors: FieldErrors = {}) => new AppError("invalid", message, fieldErrors);
export const conflict = (message: string) => new AppError("conflict", message);
export const badRequest = (message: string, fieldErrors: FieldErrors = {}) => new AppError("bad_request", message, fieldErrors);
export const tooLarge = (message: string, fieldErrors: FieldErrors = {}) => new AppError("too_large", message, fieldErrors);

export function toAppError(error: unknown): AppError {
  if (error instanceof AppError) return error;
  // Logged without the query's parameters (lib/error-log.ts): never the data itself.
  logError(error);
  if (isDatabaseUnreachable(error)) return new AppError("unavailable", "The database cannot be reached just now, so nothing was saved. Please try again in a few minutes.");
  return new AppError("internal", "Something went wrong on our side and nothing was saved. Please try again.");
}
