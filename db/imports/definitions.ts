import type { ImportKind } from "@/lib/import/kinds";
import { nationalAveragesImport } from "./national-averages";
import { projectsImport } from "./projects";
import { scoresImport } from "./scores";
import { targetsImport } from "./targets";
import type { ImportDefinition } from "./types";

/** Kinds read row by row under a header (NHS England's workbook is read whole: dma-results.ts). */
export type RowImportKind = Exclude<ImportKind, "dma-results">;

export const importDefinitions: Record<RowImportKind, ImportDefinition<never>> = {
  scores: scoresImport as ImportDefinition<never>,
  "national-averages": nationalAveragesImport as ImportDefinition<never>,
  targets: targetsImport as ImportDefinition<never>,
  projects: projectsImport as ImportDefinition<never>,
};
