/**
 * The settings a framework can be answered in. NHS England's DMA has a survey per care
 * setting (and one for ICBs); scores are comparable only within one setting. A framework
 * with no variants, like the 2016 index, is answered in "all".
 */
export const careSettings = ["all", "acute", "community", "mental-health", "ambulance", "icb", "primary-care"] as const;
export type CareSetting = (typeof careSettings)[number];

export const careSettingLabels: Record<CareSetting, string> = {
  all: "All settings",
  acute: "Acute",
  community: "Community",
  "mental-health": "Mental health",
  ambulance: "Ambulance",
  icb: "Integrated care board",
  "primary-care": "Primary care",
};

export function isCareSetting(value: unknown): value is CareSetting {
  return typeof value === "string" && (careSettings as readonly string[]).includes(value);
}

/** "Acute", "MENTAL HEALTH", "mental-health" and "Integrated care board" all name a setting. */
export function parseCareSetting(text: string): CareSetting | null {
  const key = text.trim().toLowerCase().replace(/[\s_]+/g, "-");
  if (isCareSetting(key)) return key;
  const byLabel = careSettings.find((c) => careSettingLabels[c].toLowerCase().replace(/\s+/g, "-") === key);
  return byLabel ?? null;
}
