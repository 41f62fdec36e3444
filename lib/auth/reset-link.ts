import { createHash, randomBytes } from "node:crypto";

// A password reset link made by an administrator: 32 random bytes in the link, so a plain
// SHA-256 of them is enough to store (as for API tokens). It works once, for a day.
export const RESET_LINK_HOURS = 24;
const SECRET_BYTES = 32;

export const generateResetSecret = (): string => randomBytes(SECRET_BYTES).toString("base64url");

export const hashResetSecret = (secret: string): string => createHash("sha256").update(secret, "utf8").digest("hex");

/** A link's secret is 43 base64url characters: anything else is refused before a lookup. */
export const isWellFormedResetSecret = (secret: string): boolean => /^[A-Za-z0-9_-]{43}$/.test(secret);

export const resetLinkExpiry = (createdAt: Date): Date => new Date(createdAt.getTime() + RESET_LINK_HOURS * 3_600_000);

export type ResetLinkStatus = "usable" | "used" | "expired";

export function resetLinkStatus(link: { usedAt: Date | null; expiresAt: Date }, now: Date): ResetLinkStatus {
  if (link.usedAt) return "used";
  return link.expiresAt.getTime() <= now.getTime() ? "expired" : "usable";
}

/** What the reset page says about a link that no longer works. */
export const resetLinkProblem: Record<Exclude<ResetLinkStatus, "usable"> | "unknown", string> = {
  used: "This reset link has been used already. Ask an administrator for a new one.",
  expired: `This reset link has expired (a link works for ${RESET_LINK_HOURS} hours). Ask an administrator for a new one.`,
  unknown: "This reset link is not recognised: check that it was copied whole, or ask an administrator for a new one. A newer link replaces an older one.",
};
