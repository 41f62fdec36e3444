import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { buildDomainTrajectories, organisationTrajectories, trajectoryChartPoints, type ScoreRow } from "@/lib/trajectory-view";
import type { TargetState } from "@/lib/as-at";
import { assessTrajectory } from "@/lib/trajectory";
import { dmiScale } from "../support/scales";

const row = (organisationId: string, date: string, domainId: string, score: number): ScoreRow => ({ organisationId, periodId: date, date, domainId, score });
const target = (scopeId: string, domainId: string, financialYear: number, score: number): TargetState => ({ id: `${scopeId}-${domainId}-${financialYear}`, scope: "system", scopeId, domainId, financialYear, score });

const rows = [
  row("o1", "2016-02-29", "d1", 26),
  row("o2", "2016-02-29", "d1", 54),
  row("o3", "2016-02-29", "d1", 46),
  row("o1", "2016-02-29", "d2", 80),
  row("o2", "2016-02-29", "d2", 90),
  row("o1", "2017-02-28", "d1", 50),
  row("o2", "2017-02-28", "d1", 70),
];

// A scope's actuals for one domain, as buildDomainTrajectories works them out.
const summaryActuals = (rows: ScoreRow[], domainId: string, organisationIds?: ReadonlySet<string>) =>
  buildDomainTrajectories({ scale: dmiScale, domainIds: [domainId], rows, national: [], targets: [], scopeId: "s", organisationIds, asAt: "9999-12-31" })[0]!.actuals;

describe("a scope's actuals", () => {
  it("takes the mean of every provider's latest score by each period, carrying forward those that have not reported again", () => {
    const actuals = summaryActuals(rows, "d1");
    expect(actuals[0]).toEqual({ date: "2016-02-29", value: 42 });
    // o3 has not reported in 2017: its 46 still counts beside o1's 50 and o2's 70.
    expect(actuals[1]!.date).toBe("2017-02-28");
    expect(actuals[1]!.value).toBeCloseTo((50 + 70 + 46) / 3, 10);
    expect(summaryActuals(rows, "d1", new Set(["o1"]))).toEqual([
      { date: "2016-02-29", value: 26 },
      { date: "2017-02-28", value: 50 },
    ]);
    expect(summaryActuals(rows, "nope")).toEqual([]);
  });
});

describe("buildDomainTrajectories", () => {
  it("puts domains projected to miss the goal first, then by status, then in framework order", () => {
    const targets = [target("s", "d1", 2016, 55), target("s", "d2", 2016, 95), target("s", "d3", 2016, 10)];
    const built = buildDomainTrajectories({
      scale: dmiScale,
      domainIds: ["d3", "d2", "d1"],
      rows: [...rows, row("o1", "2016-02-29", "d3", 20)],
      national: [{ date: "2016-02-29", domainId: "d1", score: 44 }],
      targets,
      scopeId: "s",
      asAt: "2017-03-01",
      goal: { threshold: 70, tolerance: 5, financialYear: 2018, domainIds: new Set(["d1", "d2"]) },
    });
    expect(built.map((b) => [b.domainId, b.assessment.status, b.goal?.meets ?? null])).toEqual([
      ["d2", "at-risk", null], // only a baseline: cannot be projected, so listed with the misses
      ["d3", "on-track", null], // then framework order among the rest (d3 comes first here)
      ["d1", "on-track", true],
    ]);
    expect(built.find((b) => b.domainId === "d1")!.national).toEqual([{ date: "2016-02-29", value: 44 }]);
  });
});

describe("organisationTrajectories", () => {
  it("judges each provider against its own targets where it has them, else the scope's", () => {
    const targets = [target("s", "d1", 2016, 55), { ...target("o2", "d1", 2016, 80), scope: "organisation" as const }];
    const [o1, o2] = organisationTrajectories({ scale: dmiScale, organisationIds: ["o1", "o2"], domainIds: ["d1"], rows, targets, scopeId: "s", asAt: "2017-03-01" });
    expect(o1!.cells[0]).toMatchObject({ latest: 50, ownTargets: false });
    expect(o1!.cells[0]!.assessment.target!.value).toBe(55);
    expect(o2!.cells[0]).toMatchObject({ latest: 70, ownTargets: true });
    expect(o2!.cells[0]!.assessment.target!.value).toBe(80);
    expect(o2!.cells[0]!.assessment.status).toBe("off-track");
  });
});

describe("trajectoryChartPoints", () => {
  it("merges actuals, the planned path and national onto one day axis", () => {
    const [t] = buildDomainTrajectories({
      scale: dmiScale,
      domainIds: ["d1"],
      rows,
      national: [{ date: "2016-02-29", domainId: "d1", score: 44 }],
      targets: [target("s", "d1", 2016, 55)],
      scopeId: "s",
      asAt: "2017-03-01",
    });
    const points = trajectoryChartPoints(t!);
    expect(points.map((p) => ({ ...p, day: undefined }))).toEqual([
      { day: undefined, actual: 42, national: 44, plan: 42 },
      { day: undefined, actual: 55.3 }, // (50 + 70 + o3's carried-forward 46) / 3
      { day: undefined, plan: 55 },
    ]);
    expect(points[0]!.day).toBeLessThan(points[1]!.day);
  });
});

describe("page rules moved out of the trajectories page", () => {
  it("parseAsAt takes only a real past date", async () => {
    const { parseAsAt } = await import("@/lib/trajectory-view");
    expect(parseAsAt("2017-01-31", "2026-11-24")).toBe("2017-01-31");
    expect(parseAsAt("2026-11-24", "2026-11-24")).toBeNull();
    expect(parseAsAt("2017-13-45", "2026-11-24")).toBeNull();
    expect(parseAsAt("yesterday", "2026-11-24")).toBeNull();
    expect(parseAsAt(undefined, "2026-11-24")).toBeNull();
  });

  it("goalRule finds the goal of one of the framework's sections, with its domains", async () => {
    const { goalRule } = await import("@/lib/trajectory-view");
    const sections = [{ id: "s1", domains: [{ id: "d1" }] }, { id: "s2", domains: [{ id: "d2" }, { id: "d3" }] }];
    const goal = goalRule([{ sectionId: "other", threshold: 1, tolerance: 0, financialYear: 2018 }, { sectionId: "s2", threshold: 70, tolerance: 5, financialYear: 2018 }], sections);
    expect(goal?.threshold).toBe(70);
    expect([...goal!.domainIds]).toEqual(["d2", "d3"]);
    expect(goalRule([], sections)).toBeNull();
  });

  it("editableTargetsByDomain gives the scope's own targets read with a version, per domain, by year", async () => {
    const { editableTargetsByDomain } = await import("@/lib/trajectory-view");
    const editable = editableTargetsByDomain(
      [
        { ...target("s", "d1", 2018, 60), version: 2 },
        { ...target("s", "d1", 2016, 40), version: 1 },
        { ...target("s", "d2", 2017, 50), version: 1 },
        target("s", "d2", 2019, 70), // from the change history: no version, not editable
        { ...target("other", "d1", 2017, 55), version: 1 },
      ],
      "s",
    );
    expect([...editable.keys()].sort()).toEqual(["d1", "d2"]);
    expect(editable.get("d1")).toEqual([
      { id: "s-d1-2016", version: 1, financialYear: 2016, score: 40 },
      { id: "s-d1-2018", version: 2, financialYear: 2018, score: 60 },
    ]);
    expect(editable.get("d2")).toEqual([{ id: "s-d2-2017", version: 1, financialYear: 2017, score: 50 }]);
  });

  it("summaryDomainIds keeps the scope's targeted domains, else all", async () => {
    const { summaryDomainIds } = await import("@/lib/trajectory-view");
    expect(summaryDomainIds(["d1", "d2", "d3"], [target("s", "d2", 2016, 50), target("other", "d3", 2016, 50)], "s")).toEqual(["d2"]);
    expect(summaryDomainIds(["d1", "d2"], [], "s")).toEqual(["d1", "d2"]);
  });
});

describe("grouping the rows once gives the same figures as reading them per domain and provider", () => {
  // The page used to filter every row for each domain and each provider × domain pair;
  // it now groups rows and targets once. The reference below is the old reading.
  const orgs = ["o1", "o2", "o3", "o4"];
  const domains = ["d1", "d2", "d3"];
  const dates = ["2016-02-29", "2017-02-28", "2017-02-28", "2018-03-31", "2019-01-15"];
  const arbRow = fc.record({
    organisationId: fc.constantFrom(...orgs),
    date: fc.constantFrom(...dates),
    domainId: fc.constantFrom(...domains),
    score: fc.integer({ min: 0, max: 100 }),
  }).map((r) => ({ ...r, periodId: r.date }));
  const arbTarget = fc.record({
    scopeId: fc.constantFrom("s", ...orgs),
    domainId: fc.constantFrom(...domains),
    financialYear: fc.integer({ min: 2015, max: 2020 }),
    score: fc.integer({ min: 0, max: 100 }),
  }).map((t): TargetState => ({ ...t, id: `${t.scopeId}-${t.domainId}-${t.financialYear}`, scope: t.scopeId === "s" ? "system" : "organisation" }));
  const naive = (rows: ScoreRow[], domainId: string, only: ReadonlySet<string> | null) => {
    const relevant = rows.filter((r) => r.domainId === domainId && (!only || only.has(r.organisationId))).sort((a, b) => a.date.localeCompare(b.date));
    const latest = new Map<string, number>();
    return relevant.flatMap((r, i) => {
      latest.set(r.organisationId, r.score);
      return relevant[i + 1]?.date === r.date ? [] : [{ date: r.date, value: [...latest.values()].reduce((a, b) => a + b, 0) / latest.size }];
    });
  };
  const targetsOf = (targets: TargetState[], scopeId: string, domainId: string) =>
    targets.filter((t) => t.scopeId === scopeId && t.domainId === domainId).map((t) => ({ financialYear: t.financialYear, value: t.score }));

  const arbNational = fc.record({ date: fc.constantFrom(...dates), domainId: fc.constantFrom(...domains), score: fc.integer({ min: 0, max: 100 }) });

  it("for the scope's domains and each provider's cells", () => {
    fc.assert(
      fc.property(
        fc.array(arbRow, { maxLength: 60 }),
        fc.array(arbTarget, { maxLength: 12 }),
        fc.array(arbNational, { maxLength: 12 }),
        fc.option(fc.subarray(orgs), { nil: undefined }),
        fc.constantFrom(...dates),
        (rows, targets, national, providers, asAt) => {
          const only = providers && new Set(providers);
          const built = buildDomainTrajectories({ scale: dmiScale, domainIds: domains, rows, national, targets, scopeId: "s", organisationIds: only, asAt });
          for (const t of built) {
            expect(t.actuals).toEqual(naive(rows, t.domainId, only ?? null).filter((a) => a.date <= asAt));
            expect(t.targets).toEqual(targetsOf(targets, "s", t.domainId));
            expect(t.national).toEqual(national.filter((n) => n.domainId === t.domainId && n.date <= asAt).map((n) => ({ date: n.date, value: n.score })));
          }
          const summaries = organisationTrajectories({ scale: dmiScale, organisationIds: orgs, domainIds: domains, rows, targets, scopeId: "s", asAt });
          for (const s of summaries) {
            for (const cell of s.cells) {
              const actuals = naive(rows, cell.domainId, new Set([s.organisationId])).filter((a) => a.date <= asAt);
              const own = targetsOf(targets, s.organisationId, cell.domainId);
              expect(cell.latest).toBe(actuals.at(-1)?.value ?? null);
              expect(cell.ownTargets).toBe(own.length > 0);
              expect(cell.assessment).toEqual(assessTrajectory({ actuals, targets: own.length > 0 ? own : targetsOf(targets, "s", cell.domainId), asAt, scale: dmiScale }));
            }
          }
        },
      ),
      { numRuns: 300 },
    );
  });
});
