import crypto from "node:crypto";
import { authSecret } from "./secret";
import { demoAdminTotpSecret } from "./totp";

// Secrets at rest: an authenticator secret is encrypted (AES-256-GCM) with a key derived
// from AUTH_SECRET, so a copy of the database (a backup, a dump) alone does not let anyone
// make codes. Recovery codes and the emails of failed sign-ins are kept only as keyed hashes.

const key = (purpose: string) => Buffer.from(crypto.hkdfSync("sha256", authSecret(), "digital-roadmap", purpose, 32));

export function sealTotpSecret(secretBase32: string): string {
  const iv = crypto.randomBytes(12);
  const cipher = crypto.createCipheriv("aes-256-gcm", key("totp-secret"), iv);
  const sealed = Buffer.concat([cipher.update(secretBase32, "utf8"), cipher.final()]);
  return ["v1", iv.toString("base64url"), cipher.getAuthTag().toString("base64url"), sealed.toString("base64url")].join(".");
}

/**
 * The demo administrator's published secret is stored as "demo.<secret>": it is public
 * anyway, and the seed can then run without the server's AUTH_SECRET (the e2e specs seed
 * their PostgreSQL databases in a process of their own). No other secret is read that way.
 */
export const sealedDemoAdminTotpSecret = `demo.${demoAdminTotpSecret}`;

export function openTotpSecret(sealed: string): string {
  if (sealed === sealedDemoAdminTotpSecret) return demoAdminTotpSecret;
  const [version, iv, tag, data] = sealed.split(".");
  if (version !== "v1" || !iv || !tag || !data) throw new Error("An authenticator secret in the database is not in a form this version reads.");
  const decipher = crypto.createDecipheriv("aes-256-gcm", key("totp-secret"), Buffer.from(iv, "base64url"));
  decipher.setAuthTag(Buffer.from(tag, "base64url"));
  return Buffer.concat([decipher.update(Buffer.from(data, "base64url")), decipher.final()]).toString("utf8");
}

/**
 * The secret, or null when it cannot be opened: sealed under another AUTH_SECRET (it was
 * changed), or damaged. Logged; the person sets up two-factor again (an admin's recovery:
 * docs/two-factor-and-sign-in.md).
 */
export function tryOpenTotpSecret(sealed: string): string | null {
  try {
    return openTotpSecret(sealed);
  } catch (error) {
    console.error("An authenticator secret could not be opened (was AUTH_SECRET changed?):", error instanceof Error ? error.message : error);
    return null;
  }
}

/** A keyed hash (HMAC-SHA-256) for values kept only to be compared: recovery codes, emails tried. */
export function keyedHash(purpose: "recovery-code" | "sign-in-email", value: string): string {
  return crypto.createHmac("sha256", key(purpose)).update(value).digest("base64url");
}
