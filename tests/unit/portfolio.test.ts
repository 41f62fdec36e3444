// Unit tests for lib/portfolio.ts: where a project applies and how far each universal capability has got.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  capabilityMatrix,
  capabilityProgressOf,
  filterPlanProjects,
  planPeriods,
  projectFootprints,
  projectStatuses,
  type CapabilityProgress,
  type CapabilityRole,
  type PortfolioProject,
  type ProjectStatus,
} from "@/lib/portfolio";

const footprintsOf = new Map<string, readonly string[]>([
  ["RTH", ["OXON"]],
  ["RNU", ["OXON", "BUCKS"]],
  ["RYE", ["BUCKS", "OXON", "BERKSW"]],
  ["RHW", ["BERKSW"]],
]);
const project = (id: string, status: ProjectStatus, capabilities: { uc: number; role: CapabilityRole }[], where: Partial<Pick<PortfolioProject, "footprintIds" | "ownerIds">> = {}): PortfolioProject => ({
  id,
  status,
  capabilities,
  footprintIds: where.footprintIds ?? [],
  ownerIds: where.ownerIds ?? [],
});

describe("projectFootprints", () => {
  it("is the footprints the project names and every footprint its owners serve", () => {
    expect([...projectFootprints({ footprintIds: [], ownerIds: ["RTH"] }, footprintsOf)]).toEqual(["OXON"]);
    expect([...projectFootprints({ footprintIds: ["BERKSW"], ownerIds: ["RNU"] }, footprintsOf)].sort()).toEqual(["BERKSW", "BUCKS", "OXON"]);
    expect([...projectFootprints({ footprintIds: [], ownerIds: [] }, footprintsOf)]).toEqual([]);
    expect([...projectFootprints({ footprintIds: [], ownerIds: ["UNKNOWN"] }, footprintsOf)]).toEqual([]);
  });
});

describe("capabilityProgressOf", () => {
  const E = (status: ProjectStatus) => project("e", status, [{ uc: 5, role: "E" }]);
  const S = (status: ProjectStatus) => project("s", status, [{ uc: 5, role: "S" }]);

  it("reads each status of an enabling and of a supporting project", () => {
    const expected: Record<ProjectStatus, [CapabilityProgress, CapabilityProgress]> = {
      planned: ["planned", "planned"],
      in_flight: ["in_progress", "in_progress"],
      paused: ["in_progress", "in_progress"],
      // Only an enabling project delivers the capability.
      delivered: ["delivered", "in_progress"],
      stopped: ["nothing", "nothing"],
    };
    for (const status of projectStatuses) {
      expect([capabilityProgressOf([E(status)], 5), capabilityProgressOf([S(status)], 5)], status).toEqual(expected[status]);
    }
  });

  it("takes the furthest of several projects, and ignores projects for other capabilities", () => {
    expect(capabilityProgressOf([E("planned"), S("in_flight")], 5)).toBe("in_progress");
    expect(capabilityProgressOf([S("delivered"), E("delivered"), E("planned")], 5)).toBe("delivered");
    expect(capabilityProgressOf([project("x", "delivered", [{ uc: 4, role: "E" }])], 5)).toBe("nothing");
    expect(capabilityProgressOf([], 5)).toBe("nothing");
  });

  it("never goes back when a project is added, and adding a stopped one changes nothing (property)", () => {
    const rank: Record<CapabilityProgress, number> = { nothing: 0, planned: 1, in_progress: 2, delivered: 3 };
    const arb = fc.record({
      status: fc.constantFrom(...projectStatuses),
      capabilities: fc.uniqueArray(fc.record({ uc: fc.integer({ min: 1, max: 10 }), role: fc.constantFrom<CapabilityRole>("E", "S") }), { selector: (c) => c.uc, maxLength: 4 }),
    });
    const seen: Record<CapabilityProgress, number> = { nothing: 0, planned: 0, in_progress: 0, delivered: 0 };
    fc.assert(
      fc.property(fc.array(arb, { maxLength: 6 }), arb, fc.integer({ min: 1, max: 10 }), (some, extra, uc) => {
        const before = capabilityProgressOf(some, uc);
        seen[before]++;
        const after = capabilityProgressOf([...some, extra], uc);
        expect(rank[after]).toBeGreaterThanOrEqual(rank[before]);
        expect(capabilityProgressOf([...some, { ...extra, status: "stopped" }], uc)).toBe(before);
      }),
      { numRuns: 500 },
    );
    for (const progress of Object.keys(seen) as CapabilityProgress[]) expect(seen[progress], progress).toBeGreaterThan(10);
  });
});

describe("capabilityMatrix", () => {
  it("places each project in the footprints it applies to, with the projects behind each cell", () => {
    const projects = [
      project("ouh-portal", "delivered", [{ uc: 3, role: "E" }], { ownerIds: ["RTH"] }),
      project("scas-livelink", "in_flight", [{ uc: 2, role: "S" }], { ownerIds: ["RYE"] }),
      project("bw-booking", "planned", [{ uc: 10, role: "E" }], { footprintIds: ["BERKSW"] }),
      project("stopped", "stopped", [{ uc: 3, role: "E" }], { footprintIds: ["BERKSW"] }),
    ];
    const m = capabilityMatrix(projects, ["BUCKS", "OXON", "BERKSW"], [2, 3, 10], footprintsOf);
    const cell = (uc: number, f: string) => m.get(uc)!.get(f)!;
    expect(cell(3, "OXON")).toEqual({ progress: "delivered", projectIds: ["ouh-portal"] });
    expect(cell(3, "BERKSW")).toEqual({ progress: "nothing", projectIds: [] });
    expect(["BUCKS", "OXON", "BERKSW"].map((f) => cell(2, f).progress)).toEqual(["in_progress", "in_progress", "in_progress"]);
    expect(["BUCKS", "OXON", "BERKSW"].map((f) => cell(10, f).progress)).toEqual(["nothing", "nothing", "planned"]);
  });
});

describe("the capability plan's filter and columns", () => {
  const card = (id: string, stpPriority: string, where: Partial<Pick<PortfolioProject, "footprintIds" | "ownerIds">>) => ({ ...project(id, "planned", [], where), stpPriority });
  const cards = [
    card("horton", "Provider digital maturity", { ownerIds: ["RTH"] }),
    card("scas", "Patient facing technology", { ownerIds: ["RYE"] }),
    card("berks", "Provider digital maturity", { footprintIds: ["BERKSW"] }),
    card("unknown", "Provider digital maturity", {}),
  ];
  const ids = (filter: Parameters<typeof filterPlanProjects>[1]) => filterPlanProjects(cards, filter, footprintsOf).map((c) => c.id);

  it("keeps everything with no filter, and combines the filters", () => {
    expect(ids({})).toEqual(["horton", "scas", "berks", "unknown"]);
    expect(ids({ footprintId: "OXON" })).toEqual(["horton", "scas"]);
    expect(ids({ footprintId: "BERKSW" })).toEqual(["scas", "berks"]);
    expect(ids({ organisationId: "RYE" })).toEqual(["scas"]);
    expect(ids({ stpPriority: "Provider digital maturity" })).toEqual(["horton", "berks", "unknown"]);
    expect(ids({ stpPriority: "Provider digital maturity", footprintId: "OXON" })).toEqual(["horton"]);
  });

  it("makes a column per span of financial years, earliest first", () => {
    expect(planPeriods([{ fromYear: 2017, toYear: 2018 }, { fromYear: 2016, toYear: 2016 }, { fromYear: 2017, toYear: 2018 }])).toEqual([
      { key: "2016-2016", fromYear: 2016, toYear: 2016, label: "2016/17" },
      { key: "2017-2018", fromYear: 2017, toYear: 2018, label: "2017/18 – 2018/19" },
    ]);
    expect(planPeriods([])).toEqual([]);
  });
});

describe("the dashboard's breakdowns", () => {
  it("counts each value, largest first and ties by label, a shared project once per owner", async () => {
    const { countBy } = await import("@/lib/portfolio");
    const ps = [{ owners: ["RTH", "RHW"] }, { owners: ["RTH"] }, { owners: [] as string[] }];
    expect(countBy(ps, (p) => (p.owners.length ? p.owners.map((o) => ({ key: o, label: o })) : [{ key: "none", label: "Owner not recorded" }]))).toEqual([
      { key: "RTH", label: "RTH", count: 2 },
      { key: "none", label: "Owner not recorded", count: 1 },
      { key: "RHW", label: "RHW", count: 1 },
    ]);
    expect(countBy([], () => [])).toEqual([]);
  });

  it("puts red before amber, leaves out green, unrated, delivered and stopped projects", async () => {
    const { projectsNeedingAttention } = await import("@/lib/portfolio");
    const p = (title: string, rag: "red" | "amber" | "green" | null, status: ProjectStatus = "in_flight") => ({ title, rag, status });
    const got = projectsNeedingAttention([p("b", "amber"), p("a", "amber"), p("z", "red"), p("g", "green"), p("n", null), p("d", "red", "delivered"), p("s", "amber", "stopped")]);
    expect(got.map((x) => x.title)).toEqual(["z", "a", "b"]);
  });
});
