import { describe, expect, it, vi } from "vitest";

// The key comes from AUTH_SECRET: replaced here so the test can change it.
const secret = vi.hoisted(() => ({ current: "a".repeat(44) }));
vi.mock("@/lib/auth/secret", () => ({ authSecret: () => secret.current }));

import { keyedHash, openTotpSecret, sealedDemoAdminTotpSecret, sealTotpSecret, tryOpenTotpSecret } from "@/lib/auth/totp-secret-box";
import { demoAdminTotpSecret } from "@/lib/auth/totp";

describe("authenticator secrets at rest", () => {
  it("are sealed (a fresh nonce each time) and open only with the same AUTH_SECRET", () => {
    const plain = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXQ";
    const sealed = sealTotpSecret(plain);
    expect(sealed).not.toContain(plain);
    expect(sealTotpSecret(plain)).not.toBe(sealed);
    expect(openTotpSecret(sealed)).toBe(plain);
    // Tampered: GCM refuses it.
    const [v, iv, tag, data] = sealed.split(".");
    const flipped = `${v}.${iv}.${tag}.${data!.slice(0, -2)}${data!.endsWith("A") ? "B" : "A"}${data!.slice(-1)}`;
    expect(tryOpenTotpSecret(flipped)).toBeNull();
    // Another AUTH_SECRET: unreadable, and said so without throwing.
    const errors = vi.spyOn(console, "error").mockImplementation(() => {});
    secret.current = "b".repeat(44);
    expect(tryOpenTotpSecret(sealed)).toBeNull();
    expect(errors).toHaveBeenCalledWith(expect.stringMatching(/AUTH_SECRET changed/), expect.anything());
    errors.mockRestore();
    secret.current = "a".repeat(44);
  });

  it("reads the published demo secret in its own form only for that exact secret", () => {
    expect(openTotpSecret(sealedDemoAdminTotpSecret)).toBe(demoAdminTotpSecret);
    expect(tryOpenTotpSecret("demo.JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXQ")).toBeNull();
  });

  it("keyed hashes differ by purpose and by key", () => {
    const a = keyedHash("recovery-code", "abcde-fghjk");
    expect(keyedHash("sign-in-email", "abcde-fghjk")).not.toBe(a);
    secret.current = "c".repeat(44);
    expect(keyedHash("recovery-code", "abcde-fghjk")).not.toBe(a);
    secret.current = "a".repeat(44);
  });
});
