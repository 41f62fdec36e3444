// Unit tests for lib/auth/session-lifetime.ts: idle and absolute session expiry.
import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { newSessionId, sessionAlive, sessionExpiry, sessionLimits } from "@/lib/auth/session-lifetime";

const limits = sessionLimits({ SESSION_IDLE_MINUTES: 30, SESSION_MAX_HOURS: 12 });
const signedInAt = 1_800_000_000;
const sid = "3f1c2e0a-5b7d-4c9e-8a21-6d4f0b9e7c53";

describe("sessionLimits", () => {
  it("turns minutes and hours into seconds", () => {
    expect(limits).toEqual({ idleSeconds: 1800, absoluteSeconds: 43_200 });
  });
});

describe("sessionAlive", () => {
  it("lives while pages are opened within the idle time", () => {
    expect(sessionAlive({ sid, signedInAt }, signedInAt + 1799, limits)).toBe(true);
    expect(sessionAlive({ sid, signedInAt, lastSeen: signedInAt + 3600 }, signedInAt + 3600 + 1799, limits)).toBe(true);
  });

  it("ends after the idle time without a page", () => {
    expect(sessionAlive({ sid, signedInAt }, signedInAt + 1800, limits)).toBe(false);
    expect(sessionAlive({ sid, signedInAt, lastSeen: signedInAt + 3600 }, signedInAt + 3600 + 1800, limits)).toBe(false);
  });

  it("ends at the absolute limit however recently the person was seen", () => {
    expect(sessionAlive({ sid, signedInAt, lastSeen: signedInAt + 43_199 }, signedInAt + 43_199, limits)).toBe(true);
    expect(sessionAlive({ sid, signedInAt, lastSeen: signedInAt + 43_199 }, signedInAt + 43_200, limits)).toBe(false);
  });

  it("refuses a token without a sign-in time, or with one in the future", () => {
    expect(sessionAlive({ sid }, signedInAt, limits)).toBe(false);
    expect(sessionAlive({ sid, signedInAt: String(signedInAt) }, signedInAt, limits)).toBe(false);
    expect(sessionAlive({ sid, signedInAt: signedInAt + 3600 }, signedInAt, limits)).toBe(false);
  });

  it("refuses a token without a session id (it could not be signed out)", () => {
    expect(sessionAlive({ signedInAt }, signedInAt + 1, limits)).toBe(false);
    expect(sessionAlive({ sid: 42, signedInAt }, signedInAt + 1, limits)).toBe(false);
    expect(sessionAlive({ sid: "short", signedInAt }, signedInAt + 1, limits)).toBe(false);
    expect(sessionAlive({ sid: newSessionId(), signedInAt }, signedInAt + 1, limits)).toBe(true);
  });

  it("is alive exactly when both limits hold (any times)", () => {
    fc.assert(
      fc.property(fc.nat(100_000), fc.nat(100_000), (sinceSignIn, sinceSeen) => {
        const now = signedInAt + sinceSignIn;
        const lastSeen = now - Math.min(sinceSeen, sinceSignIn);
        const expected = sinceSignIn < limits.absoluteSeconds && now - lastSeen < limits.idleSeconds;
        expect(sessionAlive({ sid, signedInAt, lastSeen }, now, limits)).toBe(expected);
      }),
    );
  });
});
