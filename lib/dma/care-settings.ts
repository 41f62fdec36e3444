import { careSettingLabels, type CareSetting } from "@/lib/care-settings";
import { headerKey } from "@/lib/import/cells";

// The care settings NHS England assesses providers in, as its files name them. Scores are
// comparable only within one setting; an ICB's own assessment is a setting of its own.
const providerCareSettings = ["acute", "community", "mental-health", "ambulance"] as const satisfies readonly CareSetting[];

export type ProviderCareSetting = (typeof providerCareSettings)[number];
export type DmaCareSetting = ProviderCareSetting | "icb";

const byName = new Map<string, ProviderCareSetting>(providerCareSettings.map((code) => [headerKey(careSettingLabels[code]), code]));

/** The setting a Care Setting cell names ("Mental Health", "mental  health"), or null. */
export function careSettingNamed(text: string): ProviderCareSetting | null {
  return byName.get(headerKey(text)) ?? null;
}

export function careSettingName(code: DmaCareSetting): string {
  return code === "icb" ? "ICB" : careSettingLabels[code];
}
