import { headerKey } from "@/lib/import/cells";

// The care settings NHS England assesses providers in. Scores are comparable only within
// one setting; an ICB's own assessment is a setting of its own.
export const careSettings = [
  { code: "acute", name: "Acute" },
  { code: "community", name: "Community" },
  { code: "mental-health", name: "Mental Health" },
  { code: "ambulance", name: "Ambulance" },
] as const;

export type ProviderCareSetting = (typeof careSettings)[number]["code"];
export type DmaCareSetting = ProviderCareSetting | "icb";

const byName = new Map<string, ProviderCareSetting>(careSettings.map((s) => [headerKey(s.name), s.code]));

/** The setting a Care Setting cell names ("Mental Health", "mental  health"), or null. */
export function careSettingNamed(text: string): ProviderCareSetting | null {
  return byName.get(headerKey(text)) ?? null;
}

export function careSettingName(code: DmaCareSetting): string {
  return code === "icb" ? "ICB" : careSettings.find((s) => s.code === code)!.name;
}
