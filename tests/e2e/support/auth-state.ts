import path from "node:path";
import type { Role } from "./accounts";

/**
 * global-setup.ts signs each role in once per run and keeps its cookies in a temporary
 * folder of its own (removed at the end of the run), named in this variable: set in
 * global setup, inherited by the workers. Nothing is written into the repository, and
 * two runs side by side (on different E2E_PORTs) do not share sessions.
 */
export const AUTH_DIR_VARIABLE = "DIGITAL_ROADMAP_E2E_AUTH_DIR";

export function authStatePath(role: Role): string {
  const dir = process.env[AUTH_DIR_VARIABLE];
  if (!dir) throw new Error(`${AUTH_DIR_VARIABLE} is not set: run the suite with \`npx playwright test\` (global setup signs in)`);
  return path.join(dir, `${role}.json`);
}
