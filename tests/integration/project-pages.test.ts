// The projects API pages in SQL when it can (no footprint filter): every page must be the
// one that filtering and slicing the capability plan's own list gives.
import { describe, expect, it } from "vitest";
import { listPlanProjects, pagePlanProjects } from "@/db/queries/portfolio";
import { filterPlanProjects, projectFootprints } from "@/lib/portfolio";
import { seeded } from "../support/fixtures";

describe("projects paged in SQL", () => {
  it("give the same projects, owners, places, capabilities and totals as the whole list filtered", async () => {
    const { projects: all, footprintsOf: allFootprints } = await listPlanProjects();
    const s = await seeded();
    const filters = [
      {},
      { organisationId: s.byOds("RTH") },
      { stpPriority: all[0]!.stpPriority },
      { status: "planned" as const },
      { domainIds: [s.domainId("C1"), s.domainId("C5")] },
      { organisationId: s.byOds("RHW"), status: "in_flight" as const },
    ];
    let nonEmpty = 0;
    for (const filter of filters) {
      const expected = filterPlanProjects(all, { organisationId: filter.organisationId, stpPriority: filter.stpPriority }, allFootprints).filter(
        (p) => (!filter.status || p.status === filter.status) && (!filter.domainIds || filter.domainIds.includes(p.domainId)),
      );
      if (expected.length > 0) nonEmpty++;
      for (const [offset, limit] of [
        [0, 7],
        [5, 20],
        [Math.max(0, expected.length - 2), 10],
      ] as const) {
        const page = await pagePlanProjects({ ...filter, offset, limit });
        const want = expected.slice(offset, offset + limit);
        expect(page.total).toBe(expected.length);
        expect(page.projects.map(({ id, owners, footprintIds, capabilities }) => ({ id, owners, footprintIds: [...footprintIds].sort(), capabilities }))).toEqual(
          want.map(({ id, owners, footprintIds, capabilities }) => ({ id, owners, footprintIds: [...footprintIds].sort(), capabilities })),
        );
        for (const p of page.projects) expect([...projectFootprints(p, page.footprintsOf)].sort()).toEqual([...projectFootprints(p, allFootprints)].sort());
      }
    }
    expect(nonEmpty).toBeGreaterThanOrEqual(5);
  });
});
