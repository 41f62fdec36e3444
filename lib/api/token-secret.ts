import { createHash, randomBytes } from "node:crypto";
import { API_TOKEN_MARKER } from "./tokens";

// 32 random bytes make a secret nobody can guess, so a plain SHA-256 of it is enough to
// store (no salt, no slow hash); "drm_" tells people and secret scanners what it is.
const SECRET_BYTES = 32;

export function generateApiTokenSecret(): string {
  return API_TOKEN_MARKER + randomBytes(SECRET_BYTES).toString("base64url");
}

export function hashApiTokenSecret(secret: string): string {
  return createHash("sha256").update(secret, "utf8").digest("hex");
}
