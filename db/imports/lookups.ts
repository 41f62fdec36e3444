import type { Database } from "../client";
import { assessmentPeriods, frameworkDomains, frameworks, footprints, organisations, systems } from "../schema";
import { lookupKey, requiredText, truncate, type Cell } from "@/lib/import/cells";
import type { CellProblem } from "./types";
import { scaleOf, type Scale } from "@/lib/scale";
import type { CareSetting } from "@/lib/care-settings";

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

export type FrameworkRef = { id: string; code: string; name: string; scale: Scale; careSettings: CareSetting[] };
export type PeriodRef = { id: string; code: string; name: string; isOpen: boolean; frameworkId: string };
export type DomainRef = { id: string; code: string; name: string; frameworkId: string };

/** Frameworks, their periods and domains, found by code or name. */
export async function loadFrameworkLookups(db: Database) {
  const [fws, periods, domains] = await Promise.all([
    db
      .select()
      .from(frameworks)
      .then((rows) => rows.map((f) => ({ id: f.id, code: f.code, name: f.name, scale: scaleOf(f), careSettings: f.careSettings }))),
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
  const framework = (text: string) => frameworkByKey.get(lookupKey(text));
  const periodOf = (fw: FrameworkRef, text: string) => periodsOf.get(fw.id)?.get(lookupKey(text));
  const domainOf = (fw: FrameworkRef, text: string) => domainsOf.get(fw.id)?.get(lookupKey(text));
  return {
    /**
     * The framework, (optionally) period and domain a row names in its `framework`, `period`
     * and `domain` columns, adding a problem for each that is missing or unknown.
     */
    resolve(get: (column: string) => Cell, problems: CellProblem[], { withPeriod }: { withPeriod: boolean }) {
      const fwText = requiredText(get("framework"), "the framework");
      const found = fwText.ok ? framework(fwText.value) : undefined;
      if (!fwText.ok) problems.push({ column: "framework", message: fwText.message });
      else if (!found) problems.push({ column: "framework", message: `Unknown framework “${truncate(fwText.value)}”: use ${fws.map((f) => f.code).join(", ")}` });
      let period: PeriodRef | undefined;
      if (withPeriod) {
        const periodText = requiredText(get("period"), "the period");
        period = found && periodText.ok ? periodOf(found, periodText.value) : undefined;
        if (!periodText.ok) problems.push({ column: "period", message: periodText.message });
        else if (found && !period) problems.push({ column: "period", message: `Unknown period “${truncate(periodText.value)}” for ${found.code}: use ${list(periods, found.id)}` });
      }
      const domainText = requiredText(get("domain"), "the domain");
      const domain = found && domainText.ok ? domainOf(found, domainText.value) : undefined;
      if (!domainText.ok) problems.push({ column: "domain", message: domainText.message });
      else if (found && !domain) problems.push({ column: "domain", message: `Unknown domain “${truncate(domainText.value)}” in ${found.code}: use ${list(domains, found.id)}` });
      return { framework: found, period, domain };
    },
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
