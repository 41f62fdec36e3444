/**
 * Only paths on this site: never another host (an open redirect), whatever the form says.
 * Browsers drop tabs and newlines from URLs and read "\" as "/", so "/\t/evil.com" and
 * "/\evil.com" would become "//evil.com": anything with those is refused outright.
 */
export function safeRedirectPath(value: unknown, fallback = "/"): string {
  if (typeof value !== "string") return fallback;
  if (!value.startsWith("/") || value.startsWith("//")) return fallback;
  if (/[\u0000-\u001F\u007F\\]/.test(value)) return fallback;
  return value;
}
