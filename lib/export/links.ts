// The downloads there are, and the address of one: /export/{name}?format=csv&{the page's filters}.

export const exportNames = ["heatmap", "scores", "trajectories", "trajectory-figures", "capability-plan", "universal-capabilities", "board-view"] as const;
export type ExportName = (typeof exportNames)[number];

export const exportFormats = ["csv", "xlsx"] as const;
export type ExportFormat = (typeof exportFormats)[number];

/** Filters left empty or unset are left out, as the page's own GET form would. */
export function exportHref(name: ExportName, format: ExportFormat, filters: Record<string, string | null | undefined> = {}): string {
  const query = new URLSearchParams({ format });
  for (const [key, value] of Object.entries(filters)) if (value) query.set(key, value);
  return `/export/${name}?${query}`;
}
