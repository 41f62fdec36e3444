import { Secret, TOTP } from "otpauth";

// Time-based one-time passwords (RFC 6238) as every authenticator app makes them: SHA-1,
// six digits, 30 seconds. The arithmetic is otpauth's; the rules around it are ours:
// a code from one step either side is accepted (a phone's clock a little off), and a step
// used once is refused after that, so a code seen over a shoulder cannot be used again.

export const totpRules = { period: 30, digits: 6, window: 1, issuer: "Digital Roadmap" } as const;

/**
 * The demo administrator's authenticator secret (admins must use two-factor sign-in). Demo
 * data only, published like the demo password: add it to an authenticator app, or let the
 * e2e helper and scripts compute the code (docs/two-factor-and-sign-in.md).
 */
export const demoAdminTotpSecret = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP";

function totpFor(secretBase32: string, label = "account"): TOTP {
  return new TOTP({ issuer: totpRules.issuer, label, algorithm: "SHA1", digits: totpRules.digits, period: totpRules.period, secret: Secret.fromBase32(secretBase32) });
}

/** A new random secret (160 bits), in base32 as authenticator apps take it typed in. */
export function newTotpSecret(): string {
  return new Secret({ size: 20 }).base32;
}

/** The otpauth:// URI an authenticator app reads from the QR code. */
export function totpUri(secretBase32: string, email: string): string {
  return totpFor(secretBase32, email).toString();
}

/** The 30-second step a time falls in. */
export function totpStep(at: Date): number {
  return Math.floor(at.getTime() / 1000 / totpRules.period);
}

/** The code for a step (the current one by default): for tests, the demo and the e2e sign-in helper. */
export function totpCode(secretBase32: string, at: Date = new Date()): string {
  return totpFor(secretBase32).generate({ timestamp: at.getTime() });
}

/** What a person typed, as digits: spaces and dashes are allowed between them. */
export function normaliseCode(input: string): string {
  return input.replace(/[\s-]/g, "");
}

/**
 * The step a code belongs to if it is right now (one step either side accepted) and later
 * than the last step used; null otherwise. The caller stores the step it returns.
 */
export function acceptedTotpStep(secretBase32: string, input: string, lastUsedStep: number | null, now: Date = new Date()): number | null {
  const code = normaliseCode(input);
  if (!new RegExp(`^\\d{${totpRules.digits}}$`).test(code)) return null;
  const delta = totpFor(secretBase32).validate({ token: code, timestamp: now.getTime(), window: totpRules.window });
  if (delta === null) return null;
  const step = totpStep(now) + delta;
  return lastUsedStep !== null && step <= lastUsedStep ? null : step;
}

export const recoveryCodeRules = { count: 10, length: 10 } as const;
// No 0/O, 1/I/L: codes are read off paper.
const recoveryAlphabet = "23456789abcdefghjkmnpqrstuvwxyz";

/** Ten single-use recovery codes, shown once (xxxxx-xxxxx, about 50 bits each). */
export function newRecoveryCodes(random: (n: number) => Uint8Array = (n) => crypto.getRandomValues(new Uint8Array(n))): string[] {
  return Array.from({ length: recoveryCodeRules.count }, () => {
    // 248 = 8 × 31: rejecting higher bytes keeps every character equally likely.
    let out = "";
    while (out.length < recoveryCodeRules.length) {
      for (const byte of random(16)) if (byte < 248 && out.length < recoveryCodeRules.length) out += recoveryAlphabet[byte % recoveryAlphabet.length];
    }
    return `${out.slice(0, 5)}-${out.slice(5)}`;
  });
}

/** A recovery code as typed, in the form it was hashed in; null when it cannot be one. */
export function normaliseRecoveryCode(input: string): string | null {
  const plain = input.replace(/[\s-]/g, "").toLowerCase();
  if (plain.length !== recoveryCodeRules.length || [...plain].some((c) => !recoveryAlphabet.includes(c))) return null;
  return `${plain.slice(0, 5)}-${plain.slice(5)}`;
}
