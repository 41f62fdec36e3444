"use server";

import { AuthError, CredentialsSignin } from "next-auth";
import { auth, revokeSessionOf, signIn, signOut } from "@/auth";
import { safeRedirectPath } from "@/lib/safe-redirect";

/**
 * `codeStep`: the password was right and the account uses two-factor, so the form asks for
 * the code (the password stays in the browser's form and is sent again with it: no session
 * and nothing that stands for one exists until both are checked together).
 */
export type SignInState = { error: string; field: "email" | "password" | "code"; email: string; codeStep?: boolean } | { codeStep: true; email: string; error?: undefined } | null;

export async function signInWithPassword(_previous: SignInState, formData: FormData): Promise<SignInState> {
  const email = String(formData.get("email") ?? "").trim();
  const password = String(formData.get("password") ?? "");
  const code = String(formData.get("code") ?? "").trim();
  const codeStep = formData.get("codeStep") === "1";
  if (!email || !password) {
    return !email ? { error: "Enter your email address", field: "email", email } : { error: "Enter your password", field: "password", email };
  }
  if (codeStep && !code) return { error: "Enter the code from your authenticator app", field: "code", email, codeStep: true };
  try {
    await signIn("credentials", { email, password, ...(code ? { code } : {}), redirectTo: safeRedirectPath(formData.get("callbackUrl")) });
    return null;
  } catch (error) {
    if (error instanceof CredentialsSignin && error.code === "two-factor-required") return { codeStep: true, email };
    if (error instanceof CredentialsSignin && error.code === "two-factor-refused") {
      return { error: "The code is not right, or has been used already: enter the code your app shows now, or a recovery code", field: "code", email, codeStep: true };
    }
    if (error instanceof CredentialsSignin && error.code === "locked") {
      return { error: "Too many failed sign-ins for this account or from this address: try again in 15 minutes.", field: "email", email };
    }
    if (error instanceof AuthError) {
      // One message for every failure, so the form does not reveal which accounts exist.
      return { error: "The email address or password is not right, or the account is disabled.", field: "email", email };
    }
    throw error; // the redirect after a successful sign-in
  }
}

export async function signInWithEntraId(formData: FormData): Promise<void> {
  await signIn("microsoft-entra-id", { redirectTo: safeRedirectPath(formData.get("callbackUrl")) });
}

export async function signOutAction(): Promise<void> {
  // Refused in the database before the cookie is cleared, so that a failure shows (the
  // app's error page) rather than the person looking signed out while a copy still works.
  const session = await auth();
  if (session) await revokeSessionOf({ sessionId: session.sessionId, userId: session.user?.id, signedInAt: session.signedInAt });
  await signOut({ redirectTo: "/login" });
}
