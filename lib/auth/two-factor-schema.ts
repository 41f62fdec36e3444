import { z } from "zod";

// The account security forms. Codes are checked by db/commands/two-factor.ts; these only
// say what is missing or cannot be a code at all.
const code = z
  .string()
  .trim()
  .max(64, "A code is 6 digits, or a recovery code of 10 letters and digits")
  .regex(/^[0-9a-zA-Z\s-]*$/, "A code has only digits (or, for a recovery code, letters and digits)");

export const confirmTwoFactorSchema = z.object({
  code: code.min(1, "Enter the 6-digit code your authenticator app shows"),
});

/** Turning two-factor off or replacing the recovery codes: a current code, or the password. */
export const twoFactorProofSchema = z
  .object({ code: code.optional(), password: z.string().max(1024).optional() })
  .refine((v) => Boolean(v.code?.trim() || v.password), { message: "Enter a code from your authenticator app, or your password", path: ["code"] });
