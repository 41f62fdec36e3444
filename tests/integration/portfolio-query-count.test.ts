// The portfolio pages read in a fixed number of queries, whatever the number of projects.
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { queryCounter } from "@/db/client";
import { listCapabilitiesWithTranches, listMilestonesDue, listPlanFilterOptions, listPlanProjects } from "@/db/queries/portfolio";
import { frameworkDomains, organisations, projectCapabilities, projectFootprints, projectOwners, projects, systems, universalCapabilities } from "@/db/schema";
import { testDb } from "../support/test-database";

async function queriesFor(read: () => Promise<unknown>): Promise<number> {
  const before = queryCounter.count;
  await read();
  return queryCounter.count - before;
}

const pageReads = {
  "capability plan": () => Promise.all([listPlanProjects(), listPlanFilterOptions()]),
  "universal capability matrix": () => Promise.all([listPlanProjects(), listPlanFilterOptions(), listCapabilitiesWithTranches()]),
  "portfolio dashboard": () => Promise.all([listPlanProjects(), listMilestonesDue({ by: "2027-01-01" })]),
};

describe("portfolio reads", () => {
  it("issue the same number of queries with 200 more projects, each with owners, a footprint and capabilities", async () => {
    // One read at a time: the counter is shared.
    const counts: Record<string, number> = {};
    for (const [page, read] of Object.entries(pageReads)) counts[page] = await queriesFor(read);
    for (const n of Object.values(counts)) expect(n).toBeGreaterThan(0);

    const db = await testDb();
    const [system] = await db.select().from(systems);
    const [domain] = await db.select().from(frameworkDomains).where(eq(frameworkDomains.code, "C5"));
    const orgs = await db.select().from(organisations);
    const ucs = await db.select().from(universalCapabilities);
    const added = await db
      .insert(projects)
      .values(Array.from({ length: 200 }, (_, i) => ({ systemId: system!.id, code: `LOAD-${i}`, title: `Load ${i}`, domainId: domain!.id, fromYear: 2017, toYear: 2018 })))
      .returning({ id: projects.id });
    await db.insert(projectOwners).values(added.flatMap((p, i) => [orgs[i % orgs.length]!, orgs[(i + 1) % orgs.length]!].map((o) => ({ projectId: p.id, organisationId: o.id }))));
    const [footprint] = await db.select({ id: projectFootprints.footprintId }).from(projectFootprints).limit(1);
    if (footprint) await db.insert(projectFootprints).values(added.map((p) => ({ projectId: p.id, footprintId: footprint.id })));
    await db.insert(projectCapabilities).values(added.map((p, i) => ({ projectId: p.id, capabilityId: ucs[i % ucs.length]!.id, role: i % 2 ? ("E" as const) : ("S" as const) })));

    expect((await listPlanProjects()).projects.length).toBeGreaterThanOrEqual(200);
    for (const [page, read] of Object.entries(pageReads)) expect(await queriesFor(read), page).toBe(counts[page]);
  });
});
