// The demo administrator signs in with a second factor (docs/two-factor-and-sign-in.md).
// Scripts and the e2e suite compute its code from the published demo secret. A code is
// refused once its 30-second step has been used, and many sign-ins (parallel workers,
// the soak's users) can fall in one step, so each caller reserves a step of its own in a
// file shared by every process on the machine, and waits when the next step free is
// further ahead than the server accepts (one step).
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { demoAdminTotpSecret, demoUsers } from "@/db/seed/bob-data";
import { totpCode, totpRules, totpStep } from "@/lib/auth/totp";

const stateFile = path.join(os.tmpdir(), "digital-roadmap-demo-totp-step");
const lockDir = `${stateFile}.lock`;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** The secret of a demo account that signs in with a code, or null. */
export function demoTotpSecretFor(email: string): string | null {
  const user = demoUsers.find((u) => u.email === email.trim().toLowerCase());
  return user?.role === "admin" ? demoAdminTotpSecret : null;
}

async function withLock<T>(work: () => Promise<T>): Promise<T> {
  for (let i = 0; ; i++) {
    try {
      fs.mkdirSync(lockDir);
      break;
    } catch {
      // A lock left by a process that died is taken over after 10 seconds.
      const age = Date.now() - (fs.statSync(lockDir, { throwIfNoEntry: false })?.mtimeMs ?? Date.now());
      if (age > 10_000) fs.rmSync(lockDir, { recursive: true, force: true });
      await sleep(50);
    }
  }
  try {
    return await work();
  } finally {
    fs.rmSync(lockDir, { recursive: true, force: true });
  }
}

/** A code no other sign-in from this machine has used: the current step's, the next one's, or after a wait. */
export async function nextDemoTotpCode(secret: string): Promise<string> {
  return withLock(async () => {
    const last = Number(fs.existsSync(stateFile) ? fs.readFileSync(stateFile, "utf8") : 0) || 0;
    let now = totpStep(new Date());
    if (last + 1 > now + totpRules.window) {
      await sleep(((last + 1 - totpRules.window) * totpRules.period) * 1000 - Date.now() + 200);
      now = totpStep(new Date());
    }
    const step = Math.max(now, last + 1);
    fs.writeFileSync(stateFile, String(step));
    return totpCode(secret, new Date(step * totpRules.period * 1000 + 1000));
  });
}
