import type { ImportProgress } from "@/db/imports/run";

const WIDTH = 30;

/** "Checking   [#########.....................]  31%  12,000 rows" for a terminal. */
export function progressLine({ phase, rows, fraction }: ImportProgress): string {
  const share = Math.max(0, Math.min(1, fraction));
  const filled = Math.round(share * WIDTH);
  const label = phase === "checking" ? "Checking " : "Importing";
  return `${label} [${"#".repeat(filled)}${".".repeat(WIDTH - filled)}] ${String(Math.round(share * 100)).padStart(3)}%  ${rows.toLocaleString("en-GB")} rows`;
}
