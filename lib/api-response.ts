import { NextResponse } from "next/server";
import { RateLimitedError, toAppError } from "./errors";

/** Route handlers answer errors as JSON: a code, a message, field errors, the right status. */
export function errorResponse(error: unknown): NextResponse {
  const appError = toAppError(error);
  return NextResponse.json(
    { error: { code: appError.code, message: appError.message, ...(Object.keys(appError.fieldErrors).length ? { fieldErrors: appError.fieldErrors } : {}) } },
    { status: appError.status, headers: appError instanceof RateLimitedError ? { "Retry-After": String(appError.retryAfterSeconds) } : {} },
  );
}
