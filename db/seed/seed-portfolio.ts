import { count, eq } from "drizzle-orm";
import type { Database } from "../client";
import {
  benefitCategories,
  footprints,
  frameworkDomains,
  frameworks,
  organisations,
  programmeFootprints,
  programmeOwners,
  programmes,
  programmeTranches,
  projectCapabilities,
  projectFootprints,
  projectOwners,
  projects,
  systems,
  trancheCapabilities,
  universalCapabilities,
} from "../schema";
import { bobSystem, dmi2016 } from "./bob-data";
import { benefitCategories as seedBenefitCategories, programmes as seedProgrammes, projects as seedProjects, universalCapabilities as seedCapabilities } from "./bob-portfolio";

/** Financial years of a seed period: in flight 2016/17, or planned 2017/18 and 2018/19. */
const periodYears = { "2016/17": [2016, 2016], "2017/18-2018/19": [2017, 2018] } as const;

/**
 * The universal capabilities, benefit categories, programmes and the capability plans'
 * project cards, unless universal capabilities exist. Cards in flight in 2016/17 are
 * "in flight"; the 2017–19 cards "planned".
 */
export async function seedPortfolio(db: Database): Promise<boolean> {
  const [existing] = await db.select({ n: count() }).from(universalCapabilities);
  if ((existing?.n ?? 0) > 0) return false;
  const [system] = await db.select().from(systems).where(eq(systems.code, bobSystem.code));
  const [framework] = await db.select().from(frameworks).where(eq(frameworks.code, dmi2016.code));
  if (!system || !framework) return false;
  await db.transaction(async (tx) => {
    const [ucs, , fps, orgs, domains] = await Promise.all([
      tx.insert(universalCapabilities).values(seedCapabilities.map((c) => ({ number: c.number, title: c.title, wording: c.wording }))).returning(),
      tx.insert(benefitCategories).values(seedBenefitCategories.map((b) => ({ code: b.code, name: b.name, description: b.description }))),
      tx.select().from(footprints).where(eq(footprints.systemId, system.id)),
      tx.select({ id: organisations.id, odsCode: organisations.odsCode }).from(organisations),
      tx.select().from(frameworkDomains).where(eq(frameworkDomains.frameworkId, framework.id)),
    ]);
    const ucId = (n: number) => ucs.find((u) => u.number === n)!.id;
    const footprintId = (code: string) => fps.find((f) => f.code === code)!.id;
    const orgId = (ods: string) => orgs.find((o) => o.odsCode === ods)!.id;
    const programmeIds = new Map<string, string>();
    for (const p of seedProgrammes) {
      const [row] = await tx.insert(programmes).values({ systemId: system.id, code: p.code, name: p.name, description: p.description }).returning();
      programmeIds.set(p.code, row!.id);
      if (p.ownerOdsCodes.length) await tx.insert(programmeOwners).values(p.ownerOdsCodes.map((ods) => ({ programmeId: row!.id, organisationId: orgId(ods) })));
      if (p.footprints.length) await tx.insert(programmeFootprints).values(p.footprints.map((code) => ({ programmeId: row!.id, footprintId: footprintId(code) })));
      for (const [i, t] of p.tranches.entries()) {
        const [tranche] = await tx.insert(programmeTranches).values({ programmeId: row!.id, position: i + 1, label: t.number, name: t.name }).returning();
        if (t.ucs.length) await tx.insert(trancheCapabilities).values(t.ucs.map((u) => ({ trancheId: tranche!.id, capabilityId: ucId(u.uc), role: u.role })));
      }
    }
    const rows = await tx
      .insert(projects)
      .values(
        seedProjects.map((p) => ({
          systemId: system.id,
          code: p.code,
          title: p.title,
          domainId: domains.find((d) => d.code === p.domainCode)!.id,
          stpPriority: p.stpPriority,
          programmeId: p.programme ? (programmeIds.get(p.programme) ?? null) : null,
          fromYear: periodYears[p.period][0],
          toYear: periodYears[p.period][1],
          status: p.period === "2016/17" ? ("in_flight" as const) : ("planned" as const),
          ownerNote: p.ownerNote,
        })),
      )
      .returning({ id: projects.id, code: projects.code });
    const idOf = (code: string) => rows.find((r) => r.code === code)!.id;
    const owners = seedProjects.flatMap((p) => p.ownerOdsCodes.map((ods) => ({ projectId: idOf(p.code), organisationId: orgId(ods) })));
    const places = seedProjects.flatMap((p) => p.footprints.map((code) => ({ projectId: idOf(p.code), footprintId: footprintId(code) })));
    const links = seedProjects.flatMap((p) => (p.ucs ?? []).map((u) => ({ projectId: idOf(p.code), capabilityId: ucId(u.uc), role: u.role })));
    if (owners.length) await tx.insert(projectOwners).values(owners);
    if (places.length) await tx.insert(projectFootprints).values(places);
    if (links.length) await tx.insert(projectCapabilities).values(links);
  });
  return true;
}
