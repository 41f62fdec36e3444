/**
 * A browser sends Origin with every cross-site POST; a request that changes data from a
 * page on another site is refused (a multipart form needs no CORS preflight, so the
 * session cookie alone would not stop it). Scripts without an Origin header pass.
 */
export function isCrossSite(request: Request): boolean {
  const origin = request.headers.get("origin");
  if (!origin) return false;
  const host = request.headers.get("x-forwarded-host") ?? request.headers.get("host");
  try {
    return new URL(origin).host !== host;
  } catch {
    return true;
  }
}
