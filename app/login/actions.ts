"use server";

import { AuthError, CredentialsSignin } from "next-auth";
import { auth, signIn, signOut } from "@/auth";
import { revokeSession } from "@/db/commands/sessions";
import { sessionLimits } from "@/lib/auth/session-lifetime";
import { env } from "@/lib/env";
import { safeRedirectPath } from "@/lib/safe-redirect";

export type SignInState = { error: string; field: "email" | "password"; email: string } | null;

export async function signInWithPassword(_previous: SignInState, formData: FormData): Promise<SignInState> {
  const email = String(formData.get("email") ?? "").trim();
  const password = String(formData.get("password") ?? "");
  if (!email || !password) {
    return !email ? { error: "Enter your email address", field: "email", email } : { error: "Enter your password", field: "password", email };
  }
  try {
    await signIn("credentials", { email, password, redirectTo: safeRedirectPath(formData.get("callbackUrl")) });
    return null;
  } catch (error) {
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
  // The session's id is refused in the database before the cookie is cleared, and a failure
  // here is shown (the app's error page), not swallowed as Auth.js's own sign-out event
  // would: otherwise the person would look signed out while a copy of the cookie still
  // worked. Kept for the longest a session can last from now (its sign-in was earlier).
  const session = await auth();
  if (session?.sessionId) {
    const { absoluteSeconds } = sessionLimits(env());
    await revokeSession({ sessionId: session.sessionId, userId: session.user?.id ?? null, expiresAt: new Date(Date.now() + absoluteSeconds * 1000) });
  }
  await signOut({ redirectTo: "/login" });
}
