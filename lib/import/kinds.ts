/** What a file can import. Each has its documented columns in lib/import/formats.ts. */
export const importKinds = ["scores", "national-averages", "targets", "projects", "dma-results"] as const;
export type ImportKind = (typeof importKinds)[number];

export const importKindLabels: Record<ImportKind, string> = {
  scores: "Assessment scores",
  "national-averages": "National averages",
  targets: "Targets",
  projects: "Projects",
  "dma-results": "NHS England DMA results workbook",
};

/**
 * A checked file waits for its commit; a commit happens once; the user may discard instead;
 * one left waiting longer than PREVIEW_LIFETIME_HOURS expires (its contents dropped).
 */
export const importStatuses = ["checked", "committed", "discarded", "expired"] as const;
export type ImportStatus = (typeof importStatuses)[number];
