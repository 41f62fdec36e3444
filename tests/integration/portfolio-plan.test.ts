// The capability plan's read: every project with its domain, owners, footprints and capabilities.
import { describe, expect, it } from "vitest";
import { listPlanFilterOptions, listPlanProjects } from "@/db/queries/portfolio";
import { projects as seedProjects } from "@/db/seed/bob-portfolio";
import { filterPlanProjects } from "@/lib/portfolio";

describe("the capability plan", () => {
  it("reads every seeded card with its domain and the owners its text names", async () => {
    const { projects } = await listPlanProjects();
    expect(projects).toHaveLength(seedProjects.length);
    for (const seed of seedProjects) {
      const p = projects.find((row) => row.code === seed.code)!;
      expect([p.title, p.domainCode, p.stpPriority], seed.code).toEqual([seed.title, seed.domainCode, seed.stpPriority]);
      expect(p.owners.map((o) => o.odsCode).sort(), seed.code).toEqual([...seed.ownerOdsCodes].sort());
    }
  });

  it("offers as owners only organisations that own a project, and filters by owner and by footprint through the owners", async () => {
    const [{ projects, footprintsOf }, options] = await Promise.all([listPlanProjects(), listPlanFilterOptions()]);
    const ownerIds = new Set(projects.flatMap((p) => p.ownerIds));
    expect(options.organisations.map((o) => o.id).sort()).toEqual([...ownerIds].sort());
    const ouh = options.organisations.find((o) => o.name.includes("Oxford University"))!;
    const byOuh = filterPlanProjects(projects, { organisationId: ouh.id }, footprintsOf);
    expect(byOuh.map((p) => p.code).sort()).toEqual(seedProjects.filter((s) => s.ownerOdsCodes.includes("RTH")).map((s) => s.code).sort());
    const oxon = options.footprints.find((f) => f.code === "OXON")!;
    const inOxon = filterPlanProjects(projects, { footprintId: oxon.id }, footprintsOf).map((p) => p.code);
    for (const code of byOuh.map((p) => p.code)) expect(inOxon).toContain(code);
    expect(options.priorities.sort()).toEqual([...new Set(seedProjects.map((s) => s.stpPriority))].sort());
  });
});
