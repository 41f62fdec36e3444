"use server";

import { redirect } from "next/navigation";
import { resetPasswordWithLink } from "@/db/commands/password-resets";
import { formToObject, type ActionState } from "@/lib/auth/action";
import { toAppError, type FieldErrors } from "@/lib/errors";
import { resetPasswordSchema } from "@/lib/schemas/account";

/** A new password through a one-time reset link, opened signed out: the link's secret is the proof. */
export async function resetPasswordAction(_previous: ActionState, formData: FormData): Promise<ActionState> {
  const parsed = resetPasswordSchema.safeParse(formToObject(formData));
  if (!parsed.success) {
    const fieldErrors: FieldErrors = {};
    for (const issue of parsed.error.issues) fieldErrors[issue.path.join(".")] ??= issue.message;
    return { ok: false, message: "Your password was not changed: correct the answers marked below.", fieldErrors };
  }
  try {
    await resetPasswordWithLink({ secret: parsed.data.token, newPassword: parsed.data.newPassword });
  } catch (error) {
    const appError = toAppError(error);
    return { ok: false, message: appError.message, fieldErrors: appError.fieldErrors };
  }
  redirect("/login?password=reset");
}
