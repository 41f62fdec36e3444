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

interface Structure<D extends { careSetting: CareSetting | null }> {
  sections: ({ domains: D[] } & Record<string, unknown>)[];
  domains: D[];
}

/** A framework as one care setting's survey has it: that setting's own domains and those every setting shares. */
export function inCareSetting<D extends { careSetting: CareSetting | null }, S extends Structure<D>>(structure: S, careSetting: CareSetting): S {
  const mine = (d: D) => d.careSetting == null || d.careSetting === careSetting;
  if (structure.domains.every(mine)) return structure;
  const sections = structure.sections.map((s) => ({ ...s, domains: s.domains.filter(mine) })).filter((s) => s.domains.length > 0);
  return { ...structure, sections, domains: structure.domains.filter(mine) };
}
