// Personal API tokens: the secret's shape, its hash, the header, status and scope rules.
import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { newApiTokenSchema } from "@/lib/api/token-schema";
import { generateApiTokenSecret, hashApiTokenSecret } from "@/lib/api/token-secret";
import {
  apiTokenAllows,
  apiTokenExpiry,
  apiTokenPrefix,
  apiTokenStatus,
  isWellFormedApiTokenSecret,
  LAST_USED_RESOLUTION_MS,
  parseAuthorizationHeader,
  shouldRecordUse,
} from "@/lib/api/tokens";

describe("secrets", () => {
  it("are drm_ and 32 random bytes in base64url (43 characters), different every time", () => {
    const secrets = Array.from({ length: 50 }, generateApiTokenSecret);
    for (const s of secrets) {
      expect(s.startsWith("drm_")).toBe(true);
      const bytes = Buffer.from(s.slice(4), "base64url");
      expect(bytes).toHaveLength(32);
      expect(bytes.toString("base64url")).toBe(s.slice(4));
      expect(isWellFormedApiTokenSecret(s)).toBe(true);
    }
    expect(new Set(secrets).size).toBe(secrets.length);
  });

  it("are stored as the SHA-256 in hex", () => {
    // FIPS 180-2's test vector for "abc".
    expect(hashApiTokenSecret("abc")).toBe("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    const secret = generateApiTokenSecret();
    expect(hashApiTokenSecret(secret)).toBe(createHash("sha256").update(secret).digest("hex"));
    expect(hashApiTokenSecret(secret)).not.toContain(secret.slice(4, 12));
  });

  it("show their first 12 characters: the marker and 8 of the random part", () => {
    const secret = generateApiTokenSecret();
    expect(apiTokenPrefix(secret)).toBe(secret.slice(0, 12));
    expect(apiTokenPrefix(secret)).toMatch(/^drm_[A-Za-z0-9_-]{8}$/);
  });

  it("are told apart from things that are not tokens of this service", () => {
    const secret = generateApiTokenSecret();
    for (const bad of [secret.slice(0, -1), `${secret}x`, secret.replace("drm_", "ghp_"), secret.replace(/.$/, "="), "drm_", ""]) {
      expect(isWellFormedApiTokenSecret(bad), bad).toBe(false);
    }
  });
});

describe("the Authorization header", () => {
  it("is absent, a bearer token, or malformed", () => {
    expect(parseAuthorizationHeader(null)).toEqual({ kind: "none" });
    expect(parseAuthorizationHeader("  ")).toEqual({ kind: "none" });
    expect(parseAuthorizationHeader("Bearer drm_abc")).toEqual({ kind: "bearer", secret: "drm_abc" });
    expect(parseAuthorizationHeader("bearer  drm_abc ")).toEqual({ kind: "bearer", secret: "drm_abc" });
    for (const bad of ["Basic dXNlcjpwYXNz", "Bearer", "Bearer a b", "drm_abc", "Token drm_abc"]) {
      expect(parseAuthorizationHeader(bad), bad).toEqual({ kind: "malformed" });
    }
  });
});

describe("status, expiry and use", () => {
  const created = new Date("2026-11-25T10:00:00Z");

  it("expires the chosen number of days after creation", () => {
    expect(apiTokenExpiry(created, 30).toISOString()).toBe("2026-12-25T10:00:00.000Z");
    expect(apiTokenExpiry(created, 90).toISOString()).toBe("2027-02-23T10:00:00.000Z");
    expect(apiTokenExpiry(created, 365).toISOString()).toBe("2027-11-25T10:00:00.000Z");
  });

  it("is active until its expiry instant, expired from it, and revoked whatever its expiry", () => {
    const expiresAt = new Date("2026-12-25T10:00:00Z");
    expect(apiTokenStatus({ expiresAt, revokedAt: null }, new Date("2026-12-25T09:59:59Z"))).toBe("active");
    expect(apiTokenStatus({ expiresAt, revokedAt: null }, expiresAt)).toBe("expired");
    expect(apiTokenStatus({ expiresAt, revokedAt: created }, new Date("2026-11-26T00:00:00Z"))).toBe("revoked");
    expect(apiTokenStatus({ expiresAt, revokedAt: created }, new Date("2027-01-01T00:00:00Z"))).toBe("revoked");
  });

  it("lets a read token only read, and a read-write token do anything its owner may", () => {
    expect(apiTokenAllows("read", "GET")).toBe(true);
    expect(apiTokenAllows("read", "HEAD")).toBe(true);
    for (const method of ["POST", "PUT", "PATCH", "DELETE"]) {
      expect(apiTokenAllows("read", method)).toBe(false);
      expect(apiTokenAllows("read-write", method)).toBe(true);
    }
  });

  it("records a use at most once a minute", () => {
    expect(shouldRecordUse(null, created)).toBe(true);
    expect(shouldRecordUse(new Date(created.getTime() - LAST_USED_RESOLUTION_MS + 1), created)).toBe(false);
    expect(shouldRecordUse(new Date(created.getTime() - LAST_USED_RESOLUTION_MS), created)).toBe(true);
  });
});

describe("the new token form", () => {
  it("takes a name, a scope and one of the three lifetimes", () => {
    expect(newApiTokenSchema.parse({ name: "  Power BI  ", scope: "read", lifetimeDays: "90" })).toEqual({ name: "Power BI", scope: "read", lifetimeDays: 90 });
    expect(newApiTokenSchema.parse({ name: "Script", scope: "read-write", lifetimeDays: "365" }).lifetimeDays).toBe(365);
  });

  it("says what is wrong with each field", () => {
    const result = newApiTokenSchema.safeParse({ name: "   ", scope: "admin", lifetimeDays: "31" });
    expect(result.success).toBe(false);
    const messages = Object.fromEntries(result.error!.issues.map((i) => [i.path.join("."), i.message]));
    expect(messages).toEqual({
      name: "Enter a name for the token, like Power BI maturity report",
      scope: "Choose what the token may do",
      lifetimeDays: "Choose when the token expires: in 30, 90 or 365 days",
    });
    expect(newApiTokenSchema.safeParse({ name: "x".repeat(101), scope: "read", lifetimeDays: "30" }).error?.issues[0]?.message).toBe(
      "Enter a name of 100 characters or fewer",
    );
  });
});
