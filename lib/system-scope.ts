// Which system (integrated care system) a page shows. Run nationally, the app holds every
// system in England; each page shows one: the one the URL names, else the signed-in
// user's own (the system of their organisations), else the first by name.

export interface SystemChoice {
  id: string;
  code: string;
  name: string;
}

export function chooseSystem<T extends SystemChoice>(systems: readonly T[], requested: string | undefined, homeSystemIds: readonly string[]): T | null {
  return (requested ? systems.find((s) => s.code === requested) : undefined) ?? systems.find((s) => homeSystemIds.includes(s.id)) ?? systems[0] ?? null;
}

/**
 * A place the URL names (a footprint, say) belongs to one system: without ?system= the
 * page shows that system, so that a link to a footprint works for anyone.
 */
export function systemOfPlace<T extends SystemChoice>(systems: readonly T[], chosen: T | null, requested: string | undefined, placeSystemId: string | undefined): T | null {
  if (requested || !placeSystemId) return chosen;
  return systems.find((s) => s.id === placeSystemId) ?? chosen;
}

/** Where the page came from: the URL's ?system= and the user's organisations. */
export interface SystemRequest {
  system?: string;
  organisationIds?: readonly string[];
}

/** The URL parameters that keep the chosen system, only where there is a choice to keep. */
export function systemParams(scope: { systems: readonly SystemChoice[]; system: SystemChoice | null }): { system?: string } {
  return scope.systems.length > 1 && scope.system ? { system: scope.system.code } : {};
}
