/** What a personal API token may do: read only, or read and write scores. */
export const apiTokenScopes = ["read", "read-write"] as const;
export type ApiTokenScope = (typeof apiTokenScopes)[number];

export const apiTokenScopeLabels: Record<ApiTokenScope, string> = {
  read: "Read only",
  "read-write": "Read and write",
};

/** How long a new token lasts: the owner chooses one of these. */
export const apiTokenLifetimes = [30, 90, 365] as const;
export type ApiTokenLifetime = (typeof apiTokenLifetimes)[number];

// The secret's shape; lib/api/token-secret.ts makes and hashes them (server only).
export const API_TOKEN_MARKER = "drm_";
/** The part shown in lists so the owner can tell tokens apart: the marker and 8 characters. */
export const API_TOKEN_PREFIX_LENGTH = 12;
const secretPattern = /^drm_[A-Za-z0-9_-]{43}$/;

export function apiTokenPrefix(secret: string): string {
  return secret.slice(0, API_TOKEN_PREFIX_LENGTH);
}

/** Looks like a secret this app issues (so a typo is told apart from a revoked token). */
export function isWellFormedApiTokenSecret(value: string): boolean {
  return secretPattern.test(value);
}

export type BearerHeader = { kind: "none" } | { kind: "malformed" } | { kind: "bearer"; secret: string };

/** Reads an Authorization header: absent, not "Bearer <one token>", or a bearer token. */
export function parseAuthorizationHeader(header: string | null): BearerHeader {
  if (header == null || header.trim() === "") return { kind: "none" };
  const match = /^Bearer +(\S+) *$/i.exec(header.trim());
  return match ? { kind: "bearer", secret: match[1]! } : { kind: "malformed" };
}

export type ApiTokenStatus = "active" | "expired" | "revoked";

export const apiTokenStatusLabels: Record<ApiTokenStatus, string> = { active: "Active", expired: "Expired", revoked: "Revoked" };

/** Revoked wins over expired: it is what the owner did. A token expires at its expiry instant. */
export function apiTokenStatus(token: { expiresAt: Date; revokedAt: Date | null }, now: Date): ApiTokenStatus {
  if (token.revokedAt) return "revoked";
  return token.expiresAt.getTime() <= now.getTime() ? "expired" : "active";
}

export function apiTokenExpiry(createdAt: Date, lifetimeDays: ApiTokenLifetime): Date {
  return new Date(createdAt.getTime() + lifetimeDays * 86_400_000);
}

/** A token may write only with the read-write scope; reading needs nothing more. */
export function apiTokenAllows(scope: ApiTokenScope, method: string): boolean {
  return scope === "read-write" || method === "GET" || method === "HEAD";
}

/** lastUsedAt is written at most this often per token: it tells the owner "in use", not an access log. */
export const LAST_USED_RESOLUTION_MS = 60_000;

export function shouldRecordUse(lastUsedAt: Date | null, now: Date): boolean {
  return lastUsedAt == null || now.getTime() - lastUsedAt.getTime() >= LAST_USED_RESOLUTION_MS;
}
