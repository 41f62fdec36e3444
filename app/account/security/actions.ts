"use server";

import { headers } from "next/headers";
import { revalidatePath } from "next/cache";
import { auth } from "@/auth";
import { bookSignInAttempt, takeBackSignInAttempt } from "@/db/commands/sign-in-throttle";
import { confirmTwoFactorEnrolment, disableTwoFactor, regenerateRecoveryCodes, startTwoFactorEnrolment } from "@/db/commands/two-factor";
import { userAction, type ActionState } from "@/lib/auth/action";
import type { SessionUser } from "@/lib/auth/session";
import { clientAddress, throttleKeys } from "@/lib/auth/throttle";
import { confirmTwoFactorSchema, twoFactorProofSchema } from "@/lib/auth/two-factor-schema";
import { env } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { z } from "zod";

/** Recovery codes travel once, in the answer to the form that made them. */
export type RecoveryCodesState = ActionState | { ok: true; message: string; recoveryCodes: string[] };

const enrolment = { duringFirstSteps: true };

export const startTwoFactorAction = userAction(
  z.object({}),
  async (_input, user) => {
    await startTwoFactorEnrolment({ actorId: user.id });
    revalidatePath("/account/security");
    return { ok: true, message: "Scan the QR code, or type the key, into your authenticator app." };
  },
  enrolment,
);

export const confirmTwoFactorAction = userAction<typeof confirmTwoFactorSchema, RecoveryCodesState>(
  confirmTwoFactorSchema,
  async ({ code }, user) => {
    const session = await auth();
    if (!session?.sessionId) return { ok: false, message: "Your session has ended. Sign in again; nothing was saved.", fieldErrors: {} };
    const { recoveryCodes } = await confirmTwoFactorEnrolment({ actorId: user.id, sessionId: session.sessionId, code });
    return { ok: true, message: "Two-factor authentication is on.", recoveryCodes };
  },
  enrolment,
);

/**
 * A code or password given to change the second factor is a guess like any at sign-in:
 * booked with the same throttle (per account, address and overall), taken back when right.
 */
async function throttledProof<T>(user: SessionUser, change: () => Promise<T>): Promise<T> {
  const keys = throttleKeys(user.email, clientAddress(await headers(), env().TRUSTED_PROXY_HOPS));
  const verdict = await bookSignInAttempt({ keys });
  if (verdict.locked) throw new AppError("forbidden", "Too many wrong codes or passwords: try again in 15 minutes.");
  if (verdict.delayMs > 0) await new Promise((resolve) => setTimeout(resolve, verdict.delayMs));
  const result = await change();
  await takeBackSignInAttempt({ keys });
  return result;
}

export const disableTwoFactorAction = userAction(
  twoFactorProofSchema,
  async ({ code, password }, user) => {
    await throttledProof(user, () => disableTwoFactor({ actorId: user.id, code: code || undefined, password: password || undefined }));
    revalidatePath("/account/security");
    return { ok: true, message: "Two-factor authentication is off, and your recovery codes no longer work." };
  },
  enrolment,
);

export const regenerateRecoveryCodesAction = userAction<typeof twoFactorProofSchema, RecoveryCodesState>(
  twoFactorProofSchema,
  async ({ code, password }, user) => {
    const { recoveryCodes } = await throttledProof(user, () => regenerateRecoveryCodes({ actorId: user.id, code: code || undefined, password: password || undefined }));
    return { ok: true, message: "You have new recovery codes: the old ones no longer work.", recoveryCodes };
  },
  enrolment,
);
