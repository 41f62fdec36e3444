import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { addressThrottleRules, afterFailure, clientAddress, globalThrottleRules, peerAddressHeader, rulesForKey, throttleKeys, throttleRules, throttleVerdict, type ThrottleState } from "@/lib/auth/throttle";

const t0 = new Date("2026-12-03T09:00:00Z");
const at = (seconds: number) => new Date(t0.getTime() + seconds * 1000);
const failures = (n: number, gapSeconds = 1) => {
  let s: ThrottleState | null = null;
  for (let i = 0; i < n; i++) s = afterFailure(s, at(i * gapSeconds));
  return s!;
};

describe("sign-in throttling", () => {
  it("lets the first attempts through at once, slows after the second failure, and locks at the fifth", () => {
    expect(throttleVerdict(null, t0)).toEqual({ locked: false, delayMs: 0 });
    expect(throttleVerdict(failures(1), at(5))).toEqual({ locked: false, delayMs: 0 });
    expect(throttleVerdict(failures(2), at(5))).toEqual({ locked: false, delayMs: 1000 });
    expect(throttleVerdict(failures(3), at(5))).toEqual({ locked: false, delayMs: 2000 });
    expect(throttleVerdict(failures(4), at(5))).toEqual({ locked: false, delayMs: throttleRules.maxDelayMs });
    const locked = throttleVerdict(failures(5), at(5));
    expect(locked).toEqual({ locked: true, until: new Date(at(4).getTime() + throttleRules.lockMs) });
  });

  it("unlocks when the lock runs out, and counts afresh after it", () => {
    const s = failures(5);
    expect(throttleVerdict(s, new Date(s.lockedUntil!.getTime() + 1)).locked).toBe(false);
    expect(afterFailure(s, new Date(s.lockedUntil!.getTime() + 1)).failures).toBe(1);
  });

  it("forgets failures older than the window", () => {
    const s = failures(4);
    const later = new Date(s.windowStartedAt.getTime() + throttleRules.windowMs + 1);
    expect(throttleVerdict(s, later)).toEqual({ locked: false, delayMs: 0 });
    expect(afterFailure(s, later)).toMatchObject({ failures: 1, windowStartedAt: later, lockedUntil: null });
  });

  it("never delays past the cap, and locks whenever the window holds enough failures", () => {
    fc.assert(
      fc.property(fc.array(fc.nat({ max: 600 }), { minLength: 1, maxLength: 30 }), (gaps) => {
        let s: ThrottleState | null = null;
        let now = t0.getTime();
        for (const gap of gaps) {
          now += gap * 1000;
          const verdict = throttleVerdict(s, new Date(now));
          if (!verdict.locked) expect(verdict.delayMs).toBeLessThanOrEqual(throttleRules.maxDelayMs);
          s = afterFailure(s, new Date(now));
          expect(s.failures).toBeGreaterThanOrEqual(1);
          expect(s.lockedUntil !== null).toBe(s.failures >= throttleRules.lockAfter);
        }
      }),
    );
  });

  it("counts an attempt under its account, case-blind, its address when known, and all attempts together", () => {
    expect(throttleKeys(" Admin@Demo.nhs.uk ", "10.0.0.1")).toEqual(["account:admin@demo.nhs.uk", "address:10.0.0.1", "global"]);
    expect(throttleKeys("a@b.c", null)).toEqual(["account:a@b.c", "global"]);
  });

  it("gives an address more room than an account (people share addresses), and everyone together far more, for a shorter time", () => {
    expect(rulesForKey("account:a@b.c")).toBe(throttleRules);
    expect(rulesForKey("address:10.0.0.1")).toBe(addressThrottleRules);
    expect(rulesForKey("global")).toBe(globalThrottleRules);
    expect(addressThrottleRules.lockAfter).toBeGreaterThan(throttleRules.lockAfter);
    expect(globalThrottleRules.lockAfter).toBeGreaterThan(addressThrottleRules.lockAfter);
    // The global count never slows anyone: it only refuses, for a minute, past its limit.
    const now = new Date("2026-01-05T09:00:00Z");
    let state: ThrottleState | null = null;
    for (let i = 0; i < globalThrottleRules.lockAfter - 1; i++) state = afterFailure(state, now, globalThrottleRules);
    expect(throttleVerdict(state, now, globalThrottleRules)).toEqual({ locked: false, delayMs: 0 });
    state = afterFailure(state, now, globalThrottleRules);
    expect(throttleVerdict(state, now, globalThrottleRules)).toEqual({ locked: true, until: new Date(now.getTime() + 60_000) });
  });

  it("takes the address our own proxies saw, never one the client wrote", () => {
    // The client wrote 198.51.100.66; our load balancer appended the address it was reached from.
    const forwarded = new Headers({ "x-forwarded-for": "198.51.100.66, 203.0.113.7" });
    expect(clientAddress(forwarded, 1)).toBe("203.0.113.7");
    expect(clientAddress(new Headers({ "x-forwarded-for": "198.51.100.66, 203.0.113.7, 10.0.0.2" }), 2)).toBe("203.0.113.7");
    // With no proxy trusted, X-Forwarded-For is ignored (a client can send one and Next.js keeps it):
    // the connection's own address is read from the header our server hook stamps.
    expect(clientAddress(forwarded, 0)).toBeNull();
    expect(clientAddress(new Headers({ "x-forwarded-for": "198.51.100.66", [peerAddressHeader]: "192.0.2.44" }), 0)).toBe("192.0.2.44");
    expect(clientAddress(forwarded, 3)).toBeNull();
    expect(clientAddress(new Headers(), 1)).toBeNull();
  });
});
