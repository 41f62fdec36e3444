// Unit tests for lib/auth/sessions-cut-off.ts (sign out everywhere) and lib/auth/reset-link.ts.
import { describe, expect, it } from "vitest";
import { endedByCutOff, signedInAtMs } from "@/lib/auth/sessions-cut-off";
import { generateResetSecret, hashResetSecret, isWellFormedResetSecret, resetLinkExpiry, resetLinkStatus } from "@/lib/auth/reset-link";

const cutOff = new Date("2026-12-08T10:00:00.500Z");

describe("endedByCutOff", () => {
  it("ends a session signed in before the cut-off or at it, not one signed in after", () => {
    const account = { sessionsValidAfter: cutOff, keptSessionId: null };
    expect(endedByCutOff({ sessionId: "a", signedInAtMs: cutOff.getTime() - 1 }, account)).toBe(true);
    expect(endedByCutOff({ sessionId: "a", signedInAtMs: cutOff.getTime() }, account)).toBe(true);
    expect(endedByCutOff({ sessionId: "a", signedInAtMs: cutOff.getTime() + 1 }, account)).toBe(false);
  });

  it("ends nothing without a cut-off, and keeps the session that changed its own password", () => {
    expect(endedByCutOff({ sessionId: "a", signedInAtMs: 0 }, { sessionsValidAfter: null, keptSessionId: null })).toBe(false);
    const account = { sessionsValidAfter: cutOff, keptSessionId: "kept" };
    expect(endedByCutOff({ sessionId: "kept", signedInAtMs: 0 }, account)).toBe(false);
    expect(endedByCutOff({ sessionId: "other", signedInAtMs: 0 }, account)).toBe(true);
  });

  it("reads a cookie from before milliseconds were kept as the start of its second (so a session in the cut-off's second ends)", () => {
    expect(signedInAtMs({ signedInAtMs: 1_765_188_000_123 })).toBe(1_765_188_000_123);
    expect(signedInAtMs({ signedInAt: Math.floor(cutOff.getTime() / 1000) })).toBe(Math.floor(cutOff.getTime() / 1000) * 1000);
    expect(endedByCutOff({ sessionId: "a", signedInAtMs: signedInAtMs({ signedInAt: Math.floor(cutOff.getTime() / 1000) })! }, { sessionsValidAfter: cutOff, keptSessionId: null })).toBe(true);
    expect(signedInAtMs({})).toBeNull();
    expect(signedInAtMs({ signedInAt: "yesterday" })).toBeNull();
  });
});

describe("reset links", () => {
  it("have 256-bit secrets stored as their SHA-256, and work once until 24 hours after they are made", () => {
    const secret = generateResetSecret();
    expect(isWellFormedResetSecret(secret)).toBe(true);
    expect(generateResetSecret()).not.toBe(secret);
    expect(hashResetSecret(secret)).toMatch(/^[0-9a-f]{64}$/);
    expect(isWellFormedResetSecret("short")).toBe(false);
    const made = new Date("2026-12-08T10:00:00Z");
    const expiresAt = resetLinkExpiry(made);
    expect(expiresAt.toISOString()).toBe("2026-12-09T10:00:00.000Z");
    expect(resetLinkStatus({ usedAt: null, expiresAt }, new Date("2026-12-09T09:59:59Z"))).toBe("usable");
    expect(resetLinkStatus({ usedAt: null, expiresAt }, expiresAt)).toBe("expired");
    expect(resetLinkStatus({ usedAt: made, expiresAt }, made)).toBe("used");
  });
});
