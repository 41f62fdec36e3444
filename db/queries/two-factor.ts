import "server-only";
import { and, count, eq, isNull } from "drizzle-orm";
import { getDb } from "../client";
import { twoFactorRecoveryCodes, userTwoFactor } from "../schema";
import { tryOpenTotpSecret } from "@/lib/auth/totp-secret-box";

export interface TwoFactorStatus {
  enabled: boolean;
  /** The secret of an enrolment not yet confirmed, to show again (QR code and text). */
  pendingSecret: string | null;
  recoveryCodesLeft: number;
}

export async function getTwoFactorStatus({ userId }: { userId: string }): Promise<TwoFactorStatus> {
  const db = await getDb();
  const [[row], [codes]] = await Promise.all([
    db.select().from(userTwoFactor).where(eq(userTwoFactor.userId, userId)),
    db.select({ n: count() }).from(twoFactorRecoveryCodes).where(and(eq(twoFactorRecoveryCodes.userId, userId), isNull(twoFactorRecoveryCodes.usedAt))),
  ]);
  return {
    enabled: Boolean(row?.enabledAt),
    pendingSecret: row && !row.enabledAt ? tryOpenTotpSecret(row.secret) : null,
    recoveryCodesLeft: codes?.n ?? 0,
  };
}

/** Whether the account must give a code after its password. */
export async function isTwoFactorEnabled({ userId }: { userId: string }): Promise<boolean> {
  const db = await getDb();
  const [row] = await db.select({ enabledAt: userTwoFactor.enabledAt }).from(userTwoFactor).where(eq(userTwoFactor.userId, userId));
  return Boolean(row?.enabledAt);
}
