import type { Database } from "../client";
import { assessmentPeriods, frameworkDomains, frameworks, footprints, organisations, systems } from "../schema";
import { lookupKey } from "@/lib/import/cells";

export interface Named {
  id: string;
  name: string;
}

/** A map from each code and name (compared without case) to its record. */
function index<T extends { code: string | null; name: string }>(rows: readonly T[], extra: (row: T) => (string | null)[] = () => []) {
  const map = new Map<string, T>();
  for (const row of rows) {
    for (const key of [row.code, row.name, ...extra(row)]) if (key) map.set(lookupKey(key), row);
  }
  return map;
}

export type FrameworkRef = { id: string; code: string; name: string };
export type PeriodRef = { id: string; code: string; name: string; isOpen: boolean; frameworkId: string };
export type DomainRef = { id: string; code: string; name: string; frameworkId: string };

/** Frameworks, their periods and domains, found by code or name. */
export async function loadFrameworkLookups(db: Database) {
  const [fws, periods, domains] = await Promise.all([
    db.select({ id: frameworks.id, code: frameworks.code, name: frameworks.name }).from(frameworks),
    db
      .select({ id: assessmentPeriods.id, code: assessmentPeriods.code, name: assessmentPeriods.name, isOpen: assessmentPeriods.isOpen, frameworkId: assessmentPeriods.frameworkId })
      .from(assessmentPeriods)
      .orderBy(assessmentPeriods.assessedOn),
    db
      .select({ id: frameworkDomains.id, code: frameworkDomains.code, name: frameworkDomains.name, frameworkId: frameworkDomains.frameworkId })
      .from(frameworkDomains)
      .orderBy(frameworkDomains.position),
  ]);
  const frameworkByKey = index(fws);
  const periodsOf = new Map(fws.map((f) => [f.id, index(periods.filter((p) => p.frameworkId === f.id))]));
  const domainsOf = new Map(fws.map((f) => [f.id, index(domains.filter((d) => d.frameworkId === f.id))]));
  const list = (rows: { code: string; frameworkId: string }[], fw: string) =>
    rows
      .filter((r) => r.frameworkId === fw)
      .map((r) => r.code)
      .join(", ");
  return {
    framework: (text: string) => frameworkByKey.get(lookupKey(text)),
    frameworkCodes: fws.map((f) => f.code).join(", "),
    period: (fw: FrameworkRef, text: string) => periodsOf.get(fw.id)?.get(lookupKey(text)),
    periodCodes: (fw: FrameworkRef) => list(periods, fw.id),
    domain: (fw: FrameworkRef, text: string) => domainsOf.get(fw.id)?.get(lookupKey(text)),
    domainCodes: (fw: FrameworkRef) => list(domains, fw.id),
  };
}
export type FrameworkLookups = Awaited<ReturnType<typeof loadFrameworkLookups>>;

export type OrganisationRef = { id: string; code: string | null; name: string; shortName: string };

/**
 * Organisations by ODS code; those without one (local authorities, primary care groups)
 * by their name or short name as the app shows it.
 */
export async function loadOrganisationLookup(db: Database) {
  const rows = await db
    .select({ id: organisations.id, code: organisations.odsCode, name: organisations.name, shortName: organisations.shortName })
    .from(organisations);
  const byKey = index(rows, (r) => [r.shortName]);
  return (text: string): OrganisationRef | undefined => byKey.get(lookupKey(text));
}

/** Systems and footprints by code or name. */
export async function loadPlaceLookups(db: Database) {
  const [systemRows, footprintRows] = await Promise.all([
    db.select({ id: systems.id, code: systems.code, name: systems.name }).from(systems),
    db.select({ id: footprints.id, code: footprints.code, name: footprints.name }).from(footprints),
  ]);
  const systemByKey = index(systemRows);
  const footprintByKey = index(footprintRows);
  return {
    system: (text: string) => systemByKey.get(lookupKey(text)),
    footprint: (text: string) => footprintByKey.get(lookupKey(text)),
  };
}
