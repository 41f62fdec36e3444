import { describe, expect, it } from "vitest";
import { acceptedTotpStep, newRecoveryCodes, newTotpSecret, normaliseRecoveryCode, recoveryCodeRules, totpCode, totpStep, totpUri } from "@/lib/auth/totp";
import { mustEnrolTwoFactor } from "@/lib/auth/two-factor-policy";

// RFC 6238's SHA-1 test key ("12345678901234567890") in base32, and its published vectors (last six digits).
const rfcSecret = "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ";
const at = (seconds: number) => new Date(seconds * 1000);

describe("TOTP codes", () => {
  it("match RFC 6238's test vectors", () => {
    expect(totpCode(rfcSecret, at(59))).toBe("287082");
    expect(totpCode(rfcSecret, at(1111111109))).toBe("081804");
    expect(totpCode(rfcSecret, at(2000000000))).toBe("279037");
  });

  it("accept the current step and one either side, and nothing further", () => {
    const now = at(1111111109);
    const step = totpStep(now);
    expect(acceptedTotpStep(rfcSecret, totpCode(rfcSecret, now), null, now)).toBe(step);
    expect(acceptedTotpStep(rfcSecret, totpCode(rfcSecret, at(1111111109 - 30)), null, now)).toBe(step - 1);
    expect(acceptedTotpStep(rfcSecret, totpCode(rfcSecret, at(1111111109 + 30)), null, now)).toBe(step + 1);
    expect(acceptedTotpStep(rfcSecret, totpCode(rfcSecret, at(1111111109 - 90)), null, now)).toBeNull();
  });

  it("refuse a step already used, and any earlier one (replay)", () => {
    const now = at(1111111109);
    const step = totpStep(now);
    const code = totpCode(rfcSecret, now);
    expect(acceptedTotpStep(rfcSecret, code, step, now)).toBeNull();
    expect(acceptedTotpStep(rfcSecret, totpCode(rfcSecret, at(1111111109 - 30)), step - 1, now)).toBeNull();
    expect(acceptedTotpStep(rfcSecret, code, step - 1, now)).toBe(step);
  });

  it("take spaces and dashes between digits, and nothing that is not six digits", () => {
    const now = at(1111111109);
    expect(acceptedTotpStep(rfcSecret, " 081 804 ", null, now)).toBe(totpStep(now));
    expect(acceptedTotpStep(rfcSecret, "081-804", null, now)).toBe(totpStep(now));
    for (const bad of ["", "81804", "0818040", "08180a", "081804\u0000"]) expect(acceptedTotpStep(rfcSecret, bad, null, now)).toBeNull();
  });

  it("new secrets are 160 random bits and the set-up link names the issuer and account", () => {
    const a = newTotpSecret();
    expect(a).toMatch(/^[A-Z2-7]{32}$/);
    expect(newTotpSecret()).not.toBe(a);
    const uri = totpUri(a, "someone@demo.nhs.uk");
    expect(uri).toMatch(/^otpauth:\/\/totp\/Digital%20Roadmap:someone%40demo\.nhs\.uk\?/);
    expect(new URL(uri).searchParams.get("secret")).toBe(a);
    expect(new URL(uri).searchParams.get("issuer")).toBe("Digital Roadmap");
  });
});

describe("recovery codes", () => {
  it("are ten distinct codes, read back whatever the case and spacing", () => {
    const codes = newRecoveryCodes();
    expect(codes).toHaveLength(recoveryCodeRules.count);
    expect(new Set(codes).size).toBe(codes.length);
    for (const code of codes) {
      expect(code).toMatch(/^[2-9a-hjkmnp-z]{5}-[2-9a-hjkmnp-z]{5}$/);
      expect(normaliseRecoveryCode(` ${code.toUpperCase().replace("-", " ")} `)).toBe(code);
    }
    expect(normaliseRecoveryCode("abc")).toBeNull();
    expect(normaliseRecoveryCode("11111-11111")).toBeNull();
  });

  it("use every character of the alphabet evenly (bytes past the last whole alphabet are skipped)", () => {
    // A source of 255, 0, 255, 0...: 255 (past 8 × 31) is skipped, or it would give "9" (255 % 31 = 7).
    let n = 0;
    const codes = newRecoveryCodes((size) => Uint8Array.from({ length: size }, () => (n++ % 2 === 0 ? 255 : 0)));
    expect(codes[0]).toBe("22222-22222");
  });
});

describe("who must use two-factor", () => {
  it("administrators signed in with a password; NHSmail sign-ins and other roles are not asked", () => {
    expect(mustEnrolTwoFactor({ role: "admin", method: "password" })).toBe(true);
    expect(mustEnrolTwoFactor({ role: "admin", method: "microsoft-entra-id" })).toBe(false);
    for (const role of ["cio", "board", "ccio", "viewer"] as const) expect(mustEnrolTwoFactor({ role, method: "password" })).toBe(false);
  });
});
