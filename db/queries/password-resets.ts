import "server-only";
import { eq } from "drizzle-orm";
import { getDb } from "../client";
import { passwordResets, users } from "../schema";
import { hashResetSecret, isWellFormedResetSecret, resetLinkStatus, type ResetLinkStatus } from "@/lib/auth/reset-link";

export interface ResetLinkView {
  status: ResetLinkStatus;
  name: string;
  email: string;
}

/** The link a reset page was opened with: whose it is and whether it still works; null when unknown. */
export async function getResetLinkBySecret({ secret, now = new Date() }: { secret: string; now?: Date }): Promise<ResetLinkView | null> {
  if (!isWellFormedResetSecret(secret)) return null;
  const db = await getDb();
  const [row] = await db
    .select({ usedAt: passwordResets.usedAt, expiresAt: passwordResets.expiresAt, name: users.name, email: users.email, disabledAt: users.disabledAt })
    .from(passwordResets)
    .innerJoin(users, eq(users.id, passwordResets.userId))
    .where(eq(passwordResets.tokenHash, hashResetSecret(secret)));
  if (!row || row.disabledAt) return null;
  return { status: resetLinkStatus(row, now), name: row.name, email: row.email };
}
