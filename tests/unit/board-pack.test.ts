import { describe, expect, it } from "vitest";
import type { TargetState } from "@/lib/as-at";
import {
  agendaAsAt,
  asAtMeanings,
  assembleBoardPack,
  chartedTrajectories,
  countCapabilityProgress,
  heatmapPeriodAsAt,
  judgedTargets,
  packGlance,
  packSectionIds,
  parsePackDate,
  projectsAsAt,
  workstreamApplies,
  type AgendaReview,
  type PackInput,
  type PackProject,
  type ProjectChange,
} from "@/lib/board-pack";
import { endOfDay } from "@/lib/as-at";
import type { CapabilityProgress } from "@/lib/portfolio";
import type { DomainTrajectory } from "@/lib/trajectory-view";
import { dmiScale } from "../support/scales";

const TODAY = "2026-11-25";

describe("the pack's date", () => {
  it("is today when none is given", () => {
    expect(parsePackDate(undefined, TODAY)).toEqual({ asAt: TODAY, error: null });
    expect(parsePackDate("  ", TODAY)).toEqual({ asAt: TODAY, error: null });
  });

  it("is the date asked for when it is a real date no later than today", () => {
    expect(parsePackDate("2016-12-31", TODAY)).toEqual({ asAt: "2016-12-31", error: null });
    expect(parsePackDate(TODAY, TODAY)).toEqual({ asAt: TODAY, error: null });
  });

  it("falls back to today, saying why, for a future date or one that does not exist", () => {
    for (const asked of ["2026-11-26", "2031-01-01"]) {
      const { asAt, error } = parsePackDate(asked, TODAY);
      expect(asAt).toBe(TODAY);
      expect(error).toMatch(/cannot look ahead/);
    }
    for (const asked of ["2026-02-30", "31/12/2016", "yesterday"]) {
      const { asAt, error } = parsePackDate(asked, TODAY);
      expect(asAt).toBe(TODAY);
      expect(error).toMatch(/real date/);
    }
  });

  it("says for every section what as at means, naming the date", () => {
    const meanings = asAtMeanings("2016-12-31");
    expect(Object.keys(meanings).sort()).toEqual([...packSectionIds].sort());
    for (const text of Object.values(meanings)) expect(text).toContain("31 December 2016");
  });
});

describe("the heatmap's period as at a date", () => {
  const baseline = { id: "a", code: "BASE", assessedOn: "2016-02-29" };
  const autumn = { id: "c", code: "AUTUMN", assessedOn: "2016-09-30" };
  const reassessment = { id: "b", code: "RE", assessedOn: "2017-06-30" };
  const periods = [reassessment, autumn, baseline];
  const rows = [
    { periodId: "a", organisationId: "o1" },
    { periodId: "a", organisationId: "o2" },
    { periodId: "c", organisationId: "o1" },
  ];

  it("is the latest period assessed on or before the date in which someone has reported", () => {
    expect(heatmapPeriodAsAt(periods, rows, "2016-12-31")).toBe(autumn);
    expect(heatmapPeriodAsAt(periods, rows, "2016-09-30")).toBe(autumn);
    expect(heatmapPeriodAsAt(periods, rows, "2016-09-29")).toBe(baseline);
    // The 2017 reassessment has no reported scores: never chosen.
    expect(heatmapPeriodAsAt(periods, rows, "2018-01-01")).toBe(autumn);
  });

  it("is none before the first reported period", () => {
    expect(heatmapPeriodAsAt(periods, rows, "2016-02-28")).toBeNull();
    expect(heatmapPeriodAsAt(periods, [], "2030-01-01")).toBeNull();
  });

  it("between periods on the same date, takes the one more providers reported in, then by code", () => {
    const other = { id: "d", code: "AAA", assessedOn: "2016-09-30" };
    expect(heatmapPeriodAsAt([...periods, other], [...rows, { periodId: "d", organisationId: "o1" }, { periodId: "d", organisationId: "o2" }], "2016-12-31")).toBe(other);
    expect(heatmapPeriodAsAt([...periods, other], [...rows, { periodId: "d", organisationId: "o2" }], "2016-12-31")).toBe(other);
    expect(heatmapPeriodAsAt([...periods, { ...other, code: "ZZZ" }], [...rows, { periodId: "d", organisationId: "o2" }], "2016-12-31")).toBe(autumn);
  });
});

const target = (scopeId: string, domainId: string, financialYear: number, score: number): TargetState => ({
  id: `${scopeId}-${domainId}-${financialYear}`,
  scope: scopeId === "sys" ? "system" : "footprint",
  scopeId,
  domainId,
  financialYear,
  score,
});

describe("the targets a footprint is judged against", () => {
  it("are its own where it has any for the domain, else the system's, returned under the footprint", () => {
    const own = [target("fp", "d1", 2016, 50), target("other", "d2", 2016, 99)];
    const system = [target("sys", "d1", 2016, 60), target("sys", "d2", 2016, 55), target("sys", "d2", 2017, 70)];
    const { targets, borrowedDomainIds } = judgedTargets({ domainIds: ["d1", "d2", "d3"], scopeId: "fp", own, fallback: { scopeId: "sys", targets: system } });
    expect(targets.map((t) => [t.scopeId, t.domainId, t.financialYear, t.score])).toEqual([
      ["fp", "d1", 2016, 50],
      ["fp", "d2", 2016, 55],
      ["fp", "d2", 2017, 70],
    ]);
    expect([...borrowedDomainIds]).toEqual(["d2"]);
  });

  it("are only its own when there is nothing to fall back on (the whole system)", () => {
    const { targets, borrowedDomainIds } = judgedTargets({ domainIds: ["d1", "d2"], scopeId: "sys", own: [target("sys", "d1", 2016, 60)], fallback: null });
    expect(targets.map((t) => t.domainId)).toEqual(["d1"]);
    expect(borrowedDomainIds.size).toBe(0);
  });
});

describe("which domains get a chart", () => {
  const t = (domainId: string, actuals: number, targets: number) =>
    ({
      domainId,
      actuals: Array.from({ length: actuals }, (_, i) => ({ date: `201${6 + i}-03-31`, value: 50 })),
      targets: Array.from({ length: targets }, (_, i) => ({ financialYear: 2016 + i, value: 60 })),
      national: [],
    }) as unknown as DomainTrajectory;

  it("those with a planned path or more than one score to join", () => {
    expect(chartedTrajectories([t("a", 1, 0), t("b", 1, 1), t("c", 2, 0), t("d", 0, 0)]).map((x) => x.domainId)).toEqual(["b", "c"]);
  });
});

type CurrentProject = Omit<PackProject, "owners" | "changedSince">;
const project = (id: string, over: Partial<CurrentProject> = {}): CurrentProject => ({
  id,
  code: id.toUpperCase(),
  title: `Project ${id}`,
  status: "in_flight",
  rag: null,
  ragReason: null,
  stpPriority: "Records sharing, care planning",
  ownerIds: ["o1"],
  footprintIds: [],
  capabilities: [],
  ...over,
});
const names = new Map([
  ["o1", "Zeta Trust"],
  ["o2", "Alpha Trust"],
]);
const at = (iso: string) => new Date(iso);

describe("projects as at a moment", () => {
  const snapshotOf = (p: CurrentProject) => ({
    title: p.title,
    description: "",
    domainId: "dom",
    stpPriority: p.stpPriority,
    programmeId: null,
    fromYear: 2016,
    toYear: 2016,
    startOn: null,
    endOn: null,
    status: p.status,
    rag: p.rag,
    ragReason: p.ragReason,
    ownerIds: p.ownerIds,
    footprintIds: p.footprintIds,
    capabilities: p.capabilities,
  });

  it("leaves out projects created after it, shows changed ones as their first later change found them, and the rest as now", () => {
    const before = project("p1", { title: "Old title", status: "planned", ownerIds: ["o1", "o2"], capabilities: [{ uc: 3, role: "S" }] });
    const middle = project("p1", { title: "Middle title", rag: "amber", ragReason: "Slipping" });
    const now = [
      project("p1", { title: "New title", rag: "red", ragReason: "Late", capabilities: [{ uc: 3, role: "E" }] }),
      project("p2", { title: "Added later", rag: "red", ragReason: "New" }),
      project("p3", { title: "Unchanged", rag: "amber", ragReason: "Always amber" }),
    ];
    const changes: ProjectChange[] = [
      // Out of order on purpose: the earliest later change decides.
      { projectId: "p1", action: "project.updated", at: at("2026-06-02T10:00:00Z"), before: snapshotOf(middle) },
      { projectId: "p1", action: "project.updated", at: at("2026-06-01T10:00:00Z"), before: snapshotOf(before) },
      { projectId: "p2", action: "project.created", at: at("2026-06-01T11:00:00Z"), before: null },
    ];
    const result = projectsAsAt(now, changes, names);
    expect(result.map((p) => p.id)).toEqual(["p1", "p3"]);
    expect(result[0]).toMatchObject({
      title: "Old title",
      status: "planned",
      rag: null,
      ragReason: null,
      capabilities: [{ uc: 3, role: "S" }],
      changedSince: true,
      // Owners by name, alphabetically, from the snapshot's ids.
      owners: [
        { id: "o2", name: "Alpha Trust" },
        { id: "o1", name: "Zeta Trust" },
      ],
    });
    expect(result[1]).toMatchObject({ title: "Unchanged", rag: "amber", changedSince: false, owners: [{ id: "o1", name: "Zeta Trust" }] });
  });

  it("keeps a project as it is now when the recorded change is not a snapshot it can read", () => {
    const result = projectsAsAt([project("p1", { title: "Now" })], [{ projectId: "p1", action: "project.updated", at: at("2026-06-01T10:00:00Z"), before: { title: 7 } }], names);
    expect(result[0]).toMatchObject({ title: "Now", changedSince: false });
  });

  it("is everything as it is now when nothing changed after the moment", () => {
    const now = [project("p1"), project("p2", { ownerIds: ["unknown"] })];
    const result = projectsAsAt(now, [], names);
    expect(result.map((p) => [p.id, p.changedSince])).toEqual([
      ["p1", false],
      ["p2", false],
    ]);
    expect(result[1]!.owners).toEqual([{ id: "unknown", name: "Unknown organisation" }]);
  });
});

interface TestReview extends AgendaReview {
  label: string;
}
const review = (over: Partial<TestReview> & Pick<TestReview, "id" | "workstreamId" | "requestedAt">): TestReview => ({
  label: over.id,
  workstreamName: `Workstream ${over.workstreamId}`,
  phase: 1,
  heldOn: null,
  decision: null,
  decidedAt: null,
  conditions: [],
  ...over,
});
const condition = (id: string, dueOn: string, closedAt: Date | null = null) => ({ id, description: `Condition ${id}`, owner: "Lead", dueOn, closedAt });

describe("the board's agenda as at a moment", () => {
  const reviews: TestReview[] = [
    // Requested 1 Sept, decided at the meeting of 10 Sept with two conditions, one closed on 25 Sept.
    review({
      id: "r1",
      workstreamId: "w1",
      requestedAt: at("2026-09-01T09:00:00Z"),
      heldOn: "2026-09-10",
      decision: "proceed_with_conditions",
      decidedAt: at("2026-09-10T15:00:00Z"),
      conditions: [condition("c1", "2026-10-01"), condition("c2", "2026-09-30", at("2026-09-25T12:00:00Z"))],
    }),
    // Stopped on 20 Sept after an earlier decision with a condition: that condition lapses then.
    review({
      id: "r2",
      workstreamId: "w2",
      requestedAt: at("2026-08-01T09:00:00Z"),
      heldOn: "2026-08-05",
      decision: "proceed_with_conditions",
      decidedAt: at("2026-08-05T15:00:00Z"),
      conditions: [condition("c3", "2026-08-15")],
    }),
    review({ id: "r3", workstreamId: "w2", phase: 2, requestedAt: at("2026-09-15T09:00:00Z"), heldOn: "2026-09-20", decision: "stop", decidedAt: at("2026-09-20T15:00:00Z") }),
    // Still pending.
    review({ id: "r4", workstreamId: "w3", requestedAt: at("2026-09-18T09:00:00Z") }),
  ];
  const asAt = (date: string, applies?: (id: string) => boolean) => agendaAsAt({ reviews: [...reviews, reviews[0]!], until: endOfDay(date), asAt: date, applies });

  it("before anything was requested, is empty", () => {
    expect(asAt("2026-07-31")).toEqual({ awaiting: [], conditions: [] });
  });

  it("lists a review requested by then and decided later as awaiting, saying what was decided", () => {
    const { awaiting } = asAt("2026-09-05");
    expect(awaiting.map((r) => [r.id, r.decidedLater])).toEqual([["r1", { decision: "proceed_with_conditions", heldOn: "2026-09-10" }]]);
  });

  it("judges conditions on the date: due within 14 days is due soon, past due overdue, closed by then gone", () => {
    const early = asAt("2026-08-10");
    expect(early.conditions.map((c) => [c.id, c.state])).toEqual([["c3", "due_soon"]]);
    const mid = asAt("2026-09-19");
    // c3 is overdue (and its workstream not yet stopped); c1 and c2 due within 14 days; c2 is closed only later.
    expect(mid.conditions.map((c) => [c.id, c.state, c.closedLater])).toEqual([
      ["c3", "overdue", false],
      ["c2", "due_soon", true],
      ["c1", "due_soon", false],
    ]);
    expect(mid.awaiting.map((r) => r.id)).toEqual(["r3", "r4"]);
    expect(mid.conditions.find((c) => c.id === "c1")).toMatchObject({ workstreamId: "w1", workstreamName: "Workstream w1", phase: 1, setOn: "2026-09-10" });
  });

  it("drops the conditions of a workstream stopped by then, and those closed by then", () => {
    const later = asAt("2026-10-05");
    expect(later.conditions.map((c) => [c.id, c.state])).toEqual([["c1", "overdue"]]);
    expect(later.awaiting.map((r) => [r.id, r.decidedLater])).toEqual([["r4", null]]);
  });

  it("keeps only the workstreams that apply", () => {
    const only = asAt("2026-09-19", (id) => id === "w1");
    expect(only.awaiting).toEqual([]);
    expect(only.conditions.map((c) => c.id)).toEqual(["c2", "c1"]);
  });

  it("counts a step taken on the day itself in England, not the next", () => {
    // 00:30 on 1 September in England during summer time is 23:30 UTC on 31 August.
    const late = review({ id: "r5", workstreamId: "w5", requestedAt: at("2026-08-31T23:30:00Z") });
    expect(agendaAsAt({ reviews: [late], until: endOfDay("2026-08-31"), asAt: "2026-08-31" }).awaiting).toEqual([]);
    expect(agendaAsAt({ reviews: [late], until: endOfDay("2026-09-01"), asAt: "2026-09-01" }).awaiting.map((r) => r.id)).toEqual(["r5"]);
  });
});

describe("which workstreams a footprint's pack covers", () => {
  it("those naming the footprint, or naming none, and all of them for the whole system", () => {
    expect(workstreamApplies(["f1", "f2"], "f1")).toBe(true);
    expect(workstreamApplies(["f2"], "f1")).toBe(false);
    expect(workstreamApplies([], "f1")).toBe(true);
    expect(workstreamApplies(["f2"], null)).toBe(true);
  });
});

describe("the assembled pack", () => {
  const sections = [{ id: "s1", domains: [{ id: "d1" }, { id: "d2" }] }];
  const base: PackInput<{ id: string; scores: Record<string, number> }, TestReview> = {
    asAt: "2016-12-31",
    until: endOfDay("2016-12-31"),
    domainIds: ["d1", "d2"],
    scale: dmiScale,
    sections,
    scope: { type: "footprint", id: "fp" },
    systemId: "sys",
    heatmap: {
      organisations: [
        { id: "o1", scores: { d1: 40, d2: 80 } },
        { id: "o2", scores: { d1: 50, d2: 70 } },
      ],
      national: { d1: 44, d2: 75 },
    },
    trajectory: {
      providerIds: ["o1", "o2"],
      rows: [
        { organisationId: "o1", periodId: "p", date: "2016-02-29", domainId: "d1", score: 40 },
        { organisationId: "o2", periodId: "p", date: "2016-02-29", domainId: "d1", score: 50 },
        { organisationId: "o1", periodId: "p", date: "2016-02-29", domainId: "d2", score: 80 },
        { organisationId: "o2", periodId: "p", date: "2016-02-29", domainId: "d2", score: 70 },
      ],
      national: [],
      targets: [],
      systemTargets: [target("sys", "d1", 2016, 60)],
    },
    goals: [],
    systemGoals: [{ sectionId: "s1", threshold: 70, tolerance: 5, financialYear: 2018, description: "Close to 70%" }],
    projects: [
      project("here", { rag: "red", ragReason: "Late", footprintIds: ["fp"], capabilities: [{ uc: 1, role: "E" }] }),
      project("there", { rag: "red", ragReason: "Elsewhere", ownerIds: ["o9"], capabilities: [{ uc: 2, role: "S" }] }),
      project("owned", { rag: "amber", ragReason: "Via its owner", ownerIds: ["o1"], status: "planned", capabilities: [{ uc: 2, role: "E" }] }),
    ],
    projectChangesAfter: [],
    organisationNames: names,
    footprintsOf: new Map([
      ["o1", ["fp"]],
      ["o9", ["other"]],
    ]),
    capabilityColumns: [{ id: "fp", code: "FP", name: "Footprint" }],
    ucs: [1, 2, 3],
    reviews: [
      review({ id: "r1", workstreamId: "w-here", requestedAt: at("2016-12-01T10:00:00Z") }),
      review({ id: "r2", workstreamId: "w-there", requestedAt: at("2016-12-01T10:00:00Z") }),
    ],
    workstreamFootprints: new Map([
      ["w-here", ["fp", "other"]],
      ["w-there", ["other"]],
    ]),
  };

  it("judges a footprint without targets against the system's, and borrows the system's goal", () => {
    const pack = assembleBoardPack(base);
    expect([...pack.borrowedDomainIds]).toEqual(["d1"]);
    const d1 = pack.trajectories.find((t) => t.domainId === "d1")!;
    // Mean 45 at the baseline, target 60 by March 2017, no second score to measure a rate: at risk.
    expect(d1.assessment.status).toBe("at-risk");
    expect(d1.actuals).toEqual([{ date: "2016-02-29", value: 45 }]);
    expect(pack.trajectories.find((t) => t.domainId === "d2")!.assessment.status).toBe("no-target");
    expect(pack.goal?.threshold).toBe(70);
    expect(pack.goalBorrowed).toBe(true);
  });

  it("keeps the footprint's own projects and workstreams, and shows the matrix for its column", () => {
    const pack = assembleBoardPack(base);
    expect(pack.attention.map((p) => p.id)).toEqual(["here", "owned"]);
    expect(pack.matrix.get(1)!.get("fp")).toEqual({ progress: "in_progress", projectIds: ["here"] });
    expect(pack.matrix.get(2)!.get("fp")).toEqual({ progress: "planned", projectIds: ["owned"] });
    expect(pack.matrix.get(3)!.get("fp")).toEqual({ progress: "nothing", projectIds: [] });
    expect(pack.agenda.awaiting.map((r) => r.id)).toEqual(["r1"]);
    expect(pack.heatmap.domainSummaries.map((s) => [s.mean, s.providersAbove])).toEqual([
      [45, 1],
      [75, 1],
    ]);
  });

  it("for the whole system, keeps everything and borrows nothing", () => {
    const pack = assembleBoardPack({ ...base, scope: { type: "system", id: "sys" }, trajectory: { ...base.trajectory, targets: base.trajectory.systemTargets!, systemTargets: null }, goals: base.systemGoals });
    expect(pack.borrowedDomainIds.size).toBe(0);
    expect(pack.goalBorrowed).toBe(false);
    expect(pack.attention.map((p) => p.id)).toEqual(["here", "there", "owned"]);
    expect(pack.agenda.awaiting.map((r) => r.id)).toEqual(["r1", "r2"]);
  });

  it("gives a mean score in a status's reason to one decimal place", () => {
    // d2's mean is (80 + 71) / 2 = 75.5, already above a target of 60 for 2016/17.
    const rows = base.trajectory.rows.map((r) => (r.domainId === "d2" && r.organisationId === "o2" ? { ...r, score: 71 } : r));
    const pack = assembleBoardPack({ ...base, trajectory: { ...base.trajectory, rows, systemTargets: [target("sys", "d2", 2016, 60)] } });
    const d2 = pack.trajectories.find((t) => t.domainId === "d2")!;
    expect(d2.assessment.status).toBe("on-track");
    expect(d2.assessment.reason).toBe("The latest score, 75.5%, is already at or above the target of 60%.");
    const third = assembleBoardPack({
      ...base,
      trajectory: { ...base.trajectory, providerIds: ["o1", "o2", "o3"], rows: [...rows, { organisationId: "o3", periodId: "p", date: "2016-02-29", domainId: "d2", score: 70 }], systemTargets: [target("sys", "d2", 2016, 60)] },
    });
    // (80 + 71 + 70) / 3 = 73.666…: one decimal place, not sixteen.
    expect(third.trajectories.find((t) => t.domainId === "d2")!.assessment.reason).toBe("The latest score, 73.7%, is already at or above the target of 60%.");
  });

  it("puts the headlines on the cover, one per section", () => {
    const pack = assembleBoardPack(base);
    const glance = packGlance(pack, { periodName: "Baseline", columns: 1 });
    expect(glance.map((g) => g.section)).toEqual([...packSectionIds]);
    const text = Object.fromEntries(glance.map((g) => [g.section, g.text]));
    // d1: mean 45 above national 44; d2: mean 75 equal to national 75 is not above.
    expect(text.heatmap).toBe("2 providers reported in Baseline; their mean is above national in 1 of 2 domains.");
    expect(text.trajectories).toBe("0 off track, 1 at risk, 0 on track, 1 without a target; 2 of 2 domains not projected to meet the goal.");
    expect(text.capabilities).toBe("Of the 3 universal capabilities: 0 delivered, 1 in progress, 1 planned, 1 with nothing planned.");
    expect(text.projects).toBe("1 red project and 1 amber project.");
    expect(text.reviews).toBe("1 tollgate review awaiting a decision.");
    expect(text.conditions).toBe("0 review conditions overdue, 0 due within 14 days.");
  });

  it("counts the matrix's cells by progress", () => {
    const cell = (progress: CapabilityProgress) => ({ progress });
    const counts = countCapabilityProgress(
      new Map([
        [1, new Map([["a", cell("delivered")], ["b", cell("nothing")]])],
        [2, new Map([["a", cell("nothing")], ["b", cell("planned")]])],
      ]),
    );
    expect(counts).toEqual({ delivered: 1, in_progress: 0, planned: 1, nothing: 2 });
  });
});
