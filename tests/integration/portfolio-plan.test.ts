// The capability plan's read: every project with its domain, owners, footprints and capabilities.
import { describe, expect, it } from "vitest";
import { listPlanFilterOptions, listPlanProjects } from "@/db/queries/portfolio";
import { projects as seedProjects } from "@/db/seed/bob-portfolio";
import { filterPlanProjects } from "@/lib/portfolio";
import { dmiScale } from "../support/scales";

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

describe("gap to delivery for the whole system", () => {
  it("lists each domain below national or off course with every seeded project raising it, and the gaps no project addresses", async () => {
    const { getTrajectoryData } = await import("@/db/queries/trajectories");
    const { listSystems } = await import("@/db/queries/places");
    const { buildDomainTrajectories } = await import("@/lib/trajectory-view");
    const { gapToDelivery, domainGap } = await import("@/lib/gap-to-delivery");
    const { seeded } = await import("../support/fixtures");
    const s = await seeded();
    const system = (await listSystems())[0]!;
    const domainIds = s.dmiDomains.map((d) => d.id);
    const data = await getTrajectoryData({ frameworkId: s.dmi.id, careSetting: "all", domainIds, scope: { type: "system", id: system.id } });
    const trajectories = buildDomainTrajectories({ scale: dmiScale, domainIds, rows: data.rows, national: data.national, targets: data.targets, scopeId: system.id, organisationIds: new Set(data.providerIds), asAt: "2026-11-24" });
    const { projects } = await listPlanProjects();
    const rows = gapToDelivery(trajectories, projects);
    const withGap = trajectories.filter((t) => domainGap(t) != null).map((t) => t.domainId);
    expect(rows.map((r) => r.gap.domainId).sort()).toEqual([...withGap].sort());
    expect(rows.length).toBeGreaterThan(0);
    for (const r of rows) {
      const code = s.dmiDomains.find((d) => d.id === r.gap.domainId)!.code;
      expect(r.projects.map((p) => p.code).sort(), code).toEqual(seedProjects.filter((p) => p.domainCode === code).map((p) => p.code).sort());
    }
    // Readiness domains have no projects in the plans: where they have a gap, it is unaddressed and listed first.
    const firstAddressed = rows.findIndex((r) => r.projects.length > 0);
    expect(rows.slice(0, firstAddressed === -1 ? rows.length : firstAddressed).every((r) => r.projects.length === 0)).toBe(true);
  });
});
