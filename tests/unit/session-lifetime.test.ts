// Unit tests for lib/auth/session-lifetime.ts: idle and absolute session expiry.
import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { sessionAlive, sessionLimits } from "@/lib/auth/session-lifetime";

const limits = sessionLimits({ SESSION_IDLE_MINUTES: 30, SESSION_MAX_HOURS: 12 });
const signedInAt = 1_800_000_000;

describe("sessionLimits", () => {
  it("turns minutes and hours into seconds", () => {
    expect(limits).toEqual({ idleSeconds: 1800, absoluteSeconds: 43_200 });
  });
});

describe("sessionAlive", () => {
  it("lives while pages are opened within the idle time", () => {
    expect(sessionAlive({ signedInAt }, signedInAt + 1799, limits)).toBe(true);
    expect(sessionAlive({ signedInAt, lastSeen: signedInAt + 3600 }, signedInAt + 3600 + 1799, limits)).toBe(true);
  });

  it("ends after the idle time without a page", () => {
    expect(sessionAlive({ signedInAt }, signedInAt + 1800, limits)).toBe(false);
    expect(sessionAlive({ signedInAt, lastSeen: signedInAt + 3600 }, signedInAt + 3600 + 1800, limits)).toBe(false);
  });

  it("ends at the absolute limit however recently the person was seen", () => {
    expect(sessionAlive({ signedInAt, lastSeen: signedInAt + 43_199 }, signedInAt + 43_199, limits)).toBe(true);
    expect(sessionAlive({ signedInAt, lastSeen: signedInAt + 43_199 }, signedInAt + 43_200, limits)).toBe(false);
  });

  it("refuses a token without a sign-in time, or with one in the future", () => {
    expect(sessionAlive({}, signedInAt, limits)).toBe(false);
    expect(sessionAlive({ signedInAt: String(signedInAt) }, signedInAt, limits)).toBe(false);
    expect(sessionAlive({ signedInAt: signedInAt + 3600 }, signedInAt, limits)).toBe(false);
  });

  it("is alive exactly when both limits hold (any times)", () => {
    fc.assert(
      fc.property(fc.nat(100_000), fc.nat(100_000), (sinceSignIn, sinceSeen) => {
        const now = signedInAt + sinceSignIn;
        const lastSeen = now - Math.min(sinceSeen, sinceSignIn);
        const expected = sinceSignIn < limits.absoluteSeconds && now - lastSeen < limits.idleSeconds;
        expect(sessionAlive({ signedInAt, lastSeen }, now, limits)).toBe(expected);
      }),
    );
  });
});
