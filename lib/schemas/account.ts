import { z } from "zod";

// The password forms. The new password's policy (lib/auth/password-policy.ts) is checked
// by the command, which knows whose password it is (it must not contain their name).
const newPassword = {
  newPassword: z.string().min(1, { error: "Enter a new password" }).max(1024, { error: "Enter a password of at most 256 characters" }),
  confirmPassword: z.string(),
};
const matching = (v: { newPassword: string; confirmPassword: string }) => v.newPassword === v.confirmPassword;
const mismatch = { error: "The two new passwords are not the same: type it again in both", path: ["confirmPassword"] };

export const changePasswordSchema = z
  .object({ currentPassword: z.string().min(1, { error: "Enter your current password" }).max(1024), ...newPassword })
  .refine(matching, mismatch);

export const resetPasswordSchema = z.object({ token: z.string().max(200), ...newPassword }).refine(matching, mismatch);

export const userIdSchema = z.object({ userId: z.uuid() });
