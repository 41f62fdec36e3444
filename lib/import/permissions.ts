import { can, type Action, type Actor } from "../permissions";
import { importKinds, type ImportKind } from "./kinds";

// Who may import what: the same permissions as editing by hand. Each row of a file is
// then checked against the record it names (a CIO's own organisations only).

const anywhereOrOwn = (actor: Actor, action: Action) => can(actor, action) || actor.organisationIds.some((organisationId) => can(actor, action, { organisationId }));

export function mayImportKind(actor: Actor | null | undefined, kind: ImportKind): boolean {
  if (!actor) return false;
  switch (kind) {
    case "scores":
      return anywhereOrOwn(actor, "assessment.edit");
    case "national-averages":
      return can(actor, "national-average.set");
    case "targets":
      return can(actor, "target.set-summary") || anywhereOrOwn(actor, "target.set-organisation");
    case "projects":
      return anywhereOrOwn(actor, "project.edit");
    case "dma-results":
      // Published national results for every organisation in England.
      return can(actor, "national-average.set");
  }
}

export function importableKinds(actor: Actor | null | undefined): ImportKind[] {
  return importKinds.filter((kind) => mayImportKind(actor, kind));
}

export const importRefusals: Record<ImportKind, string> = {
  scores: "Only CIOs (for their own organisations) and administrators can import assessment scores.",
  "national-averages": "Only administrators can import national averages.",
  targets: "Only board members, administrators and CIOs (for their own organisations) can import targets.",
  projects: "Only CIOs (for their own organisations' projects) and administrators can import projects.",
  "dma-results": "Only administrators can import NHS England's published DMA results.",
};
