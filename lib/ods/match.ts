import { normaliseOrganisationName } from "./names";

// Names to codes through the normalised key. A key two organisations share is never
// guessed at: it matches nothing, and the index builder says so, so a person can settle
// it once in the remembered mapping (name → code), which is consulted first.

export interface NameEntry {
  code: string;
  name: string;
  /** What the code is, e.g. "trust" or "icb", so a trust's name never matches an ICB. */
  kind: string;
}

export interface NameMatch {
  code: string;
  name: string;
}

export interface NameIndex {
  readonly byKey: ReadonlyMap<string, readonly NameEntry[]>;
  readonly remembered: ReadonlyMap<string, readonly NameEntry[]>;
}

export interface NameIndexReport {
  index: NameIndex;
  /** Keys that stand for more than one code (a kind given to matchName may still tell them apart). */
  ambiguous: { key: string; entries: NameEntry[] }[];
  /** Remembered names whose code is not among the entries: ignored. */
  unknownRemembered: { name: string; code: string }[];
}

/** Entries by key, one per code and kind however often a list repeats it. */
function addEntry(map: Map<string, NameEntry[]>, key: string, entry: NameEntry): void {
  const list = map.get(key) ?? [];
  if (!list.some((e) => e.code === entry.code && e.kind === entry.kind)) list.push(entry);
  map.set(key, list);
}

function distinctCodes(entries: readonly NameEntry[], kind?: string): NameEntry[] {
  const ofKind = kind === undefined ? entries : entries.filter((e) => e.kind === kind);
  return ofKind.filter((e, i) => ofKind.findIndex((o) => o.code === e.code) === i);
}

export function buildNameIndex(entries: readonly NameEntry[], remembered: Readonly<Record<string, string>> = {}): NameIndexReport {
  const byKey = new Map<string, NameEntry[]>();
  for (const entry of entries) addEntry(byKey, normaliseOrganisationName(entry.name), entry);

  const byCode = new Map<string, NameEntry[]>();
  for (const entry of entries) {
    const list = byCode.get(entry.code);
    if (list) list.push(entry);
    else byCode.set(entry.code, [entry]);
  }
  const rememberedByKey = new Map<string, NameEntry[]>();
  const unknownRemembered: NameIndexReport["unknownRemembered"] = [];
  for (const [name, code] of Object.entries(remembered)) {
    const known = byCode.get(code);
    if (!known) unknownRemembered.push({ name, code });
    else for (const entry of known) addEntry(rememberedByKey, normaliseOrganisationName(name), entry);
  }

  const ambiguous: NameIndexReport["ambiguous"] = [];
  for (const map of [byKey, rememberedByKey]) {
    for (const [key, list] of map) if (distinctCodes(list).length > 1) ambiguous.push({ key, entries: list });
  }
  return { index: { byKey, remembered: rememberedByKey }, ambiguous, unknownRemembered };
}

function single(entries: readonly NameEntry[] | undefined, kind?: string): NameMatch | null {
  const found = distinctCodes(entries ?? [], kind);
  return found.length === 1 ? { code: found[0]!.code, name: found[0]!.name } : null;
}

/** The one organisation (of `kind`, if given) this name stands for, or null if none or several. */
export function matchName(index: NameIndex, name: string, kind?: string): NameMatch | null {
  const key = normaliseOrganisationName(name);
  return single(index.remembered.get(key), kind) ?? single(index.byKey.get(key), kind);
}
