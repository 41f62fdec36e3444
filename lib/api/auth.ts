import "server-only";
import { recordApiTokenUse } from "@/db/commands/api-tokens";
import { recordDenied } from "@/db/commands/audit";
import { getDb } from "@/db/client";
import { getApiTokenByHash } from "@/db/queries/api-tokens";
import { getUserWithScope, type UserWithScope } from "@/db/queries/users";
import { getCurrentUser } from "@/lib/auth/session";
import { isCrossSite } from "@/lib/same-origin";
import { AppError, forbidden } from "@/lib/errors";
import { hashApiTokenSecret } from "./token-secret";
import { apiTokenAllows, apiTokenStatus, isWellFormedApiTokenSecret, parseAuthorizationHeader, shouldRecordUse, type ApiTokenScope } from "./tokens";

export type ApiPrincipal = { user: UserWithScope; via: "session" } | { user: UserWithScope; via: "token"; tokenId: string; scope: ApiTokenScope };

/** 401 with the challenge RFC 6750 asks for, so clients know to send a bearer token. */
export class ApiAuthError extends AppError {
  readonly challenge: string;

  constructor(message: string, error?: "invalid_request" | "invalid_token") {
    super("unauthenticated", message);
    this.challenge = error ? `Bearer realm="api", error="${error}"` : `Bearer realm="api"`;
  }
}

const HOW_TO = "Send a personal API token (create one on your profile page) as “Authorization: Bearer drm_…”, or sign in.";

/**
 * Who is calling: the owner of a bearer token (not revoked, not expired), as the database
 * says now (a disabled account is refused; role and organisations are the current ones),
 * or, without an Authorization header, the signed-in user of the session cookie.
 */
export async function authenticateApiRequest(request: Request, now: Date = new Date()): Promise<ApiPrincipal> {
  const header = parseAuthorizationHeader(request.headers.get("authorization"));
  if (header.kind === "none") {
    const user = await getCurrentUser();
    if (!user) throw new ApiAuthError(`You are not signed in. ${HOW_TO}`);
    return { user, via: "session" };
  }
  if (header.kind === "malformed") throw new ApiAuthError(`The Authorization header is not in the form “Bearer drm_…”. ${HOW_TO}`, "invalid_request");
  if (!isWellFormedApiTokenSecret(header.secret)) throw new ApiAuthError("That is not an API token of this service: check that it was copied whole.", "invalid_token");

  const token = await getApiTokenByHash({ tokenHash: hashApiTokenSecret(header.secret) });
  if (!token) throw new ApiAuthError("That API token is not recognised.", "invalid_token");
  const status = apiTokenStatus(token, now);
  if (status === "revoked") throw new ApiAuthError("That API token has been revoked: create a new one on your profile page.", "invalid_token");
  if (status === "expired") throw new ApiAuthError(`That API token expired at ${token.expiresAt.toISOString()}: create a new one on your profile page.`, "invalid_token");

  const user = await getUserWithScope({ userId: token.userId });
  if (!user || user.disabledAt) throw new ApiAuthError("The account this API token belongs to is disabled.", "invalid_token");
  if (shouldRecordUse(token.lastUsedAt, now)) await recordApiTokenUse({ tokenId: token.id, now });
  return { user, via: "token", tokenId: token.id, scope: token.scope };
}

/** A read-only token may not change anything, whatever its owner's role allows; a refusal is recorded. */
export async function assertMayUseMethod(principal: ApiPrincipal, method: string, path: string, request: Request): Promise<void> {
  // A session cookie goes with any request the browser sends, even from another site's page:
  // a change made with one must come from this site's own pages.
  if (principal.via === "session" && method !== "GET" && isCrossSite(request)) {
    await recordDenied(await getDb(), principal.user, { action: `api.${method.toLowerCase()} ${path}`, entityType: "origin", entityId: request.headers.get("origin") ?? "" });
    throw forbidden("Changes through the API with a signed-in session can only come from this site's own pages; scripts should use an API token.");
  }
  if (principal.via === "token" && !apiTokenAllows(principal.scope, method)) {
    await recordDenied(await getDb(), principal.user, { action: `api.${method.toLowerCase()} ${path}`, entityType: "api_token", entityId: principal.tokenId });
    throw forbidden("This API token is read only: create a token that may read and write on your profile page to change data.");
  }
}
