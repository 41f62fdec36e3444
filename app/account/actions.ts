"use server";

import { redirect } from "next/navigation";
import { z } from "zod";
import { auth, signOut } from "@/auth";
import { changeOwnPassword, endSessionsEverywhere } from "@/db/commands/users";
import { userAction } from "@/lib/auth/action";
import { changePasswordSchema } from "@/lib/schemas/account";

/** The user's own password: this session stays signed in, every other one of theirs ends. */
export const changePasswordAction = userAction(
  changePasswordSchema,
  async (input, user) => {
    const session = await auth();
    if (!session?.sessionId) return { ok: false, message: "Your session has ended. Sign in again; nothing was saved.", fieldErrors: {} };
    await changeOwnPassword({ actor: user, sessionId: session.sessionId, currentPassword: input.currentPassword, newPassword: input.newPassword });
    // A password someone else chose had to be changed first: now the app opens.
    if (user.mustChangePassword) redirect("/?password=changed");
    return { ok: true, message: "Your password has been changed. Anywhere else you were signed in has been signed out." };
  },
  { duringFirstSteps: true },
);

/** Signs the user out everywhere, here too (also before a required password change: a lost device is no reason to wait). */
export const signOutEverywhereAction = userAction(
  z.object({}),
  async (_input, user) => {
    await endSessionsEverywhere({ actor: user, userId: user.id });
    await signOut({ redirectTo: "/login?signedOut=everywhere" });
    return { ok: true, message: "You have been signed out everywhere." };
  },
  { duringFirstSteps: true },
);
