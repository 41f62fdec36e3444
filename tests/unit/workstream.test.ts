import fc from "fast-check";
import { afterEach, describe, expect, it, vi } from "vitest";
import { londonDate } from "@/lib/as-at";
import { decisions, deliverableStatuses, type Decision } from "@/lib/tollgate";
import {
  conditionState,
  daysBetween,
  decisionLabels,
  deliverableStatusLabels,
  DUE_SOON_DAYS,
  itemStatusLabels,
  itemStatuses,
  workstreamRag,
  workstreamStatuses,
  workstreamStatusLabels,
  type ConditionState,
  type RagInput,
  type WorkstreamStatus,
} from "@/lib/workstream";

const TODAY = "2027-01-15";

/** The ISO date n days after (or before, if negative) the given one. */
const addDays = (iso: string, n: number) => new Date(Date.parse(`${iso}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);
const open = (offset: number, today = TODAY) => ({ dueOn: addDays(today, offset), closedAt: null });
const input = (overrides: Partial<RagInput> = {}): RagInput => ({
  status: "active",
  nextReviewOn: addDays(TODAY, 60),
  deliverablesOutstanding: 2,
  openConditions: [],
  lastDecisionThisPhase: null,
  ...overrides,
});

describe("labels", () => {
  it("names every status and decision in words", () => {
    expect(itemStatusLabels).toEqual({ not_started: "Not started", in_progress: "In progress", achieved: "Achieved", at_risk: "At risk", dropped: "Dropped" });
    expect(deliverableStatusLabels).toEqual({ not_started: "Not started", in_progress: "In progress", ready: "Ready", not_required: "Not required" });
    expect(decisionLabels).toEqual({ proceed: "Proceed", proceed_with_conditions: "Proceed with conditions", rework: "Rework", stop: "Stop" });
    expect(workstreamStatusLabels).toEqual({ active: "In phase", review_requested: "Awaiting tollgate review", stopped: "Stopped", closed: "Closed" });
    expect(Object.keys(itemStatusLabels)).toEqual([...itemStatuses]);
    expect(Object.keys(deliverableStatusLabels)).toEqual([...deliverableStatuses]);
    expect(Object.keys(decisionLabels)).toEqual([...decisions]);
    expect(Object.keys(workstreamStatusLabels)).toEqual([...workstreamStatuses]);
  });
});

describe("daysBetween", () => {
  it("counts whole calendar days, negative when the second date is earlier", () => {
    expect(daysBetween("2027-01-15", "2027-01-15")).toBe(0);
    expect(daysBetween("2027-01-15", "2027-01-16")).toBe(1);
    expect(daysBetween("2027-01-16", "2027-01-15")).toBe(-1);
    expect(daysBetween("2027-01-31", "2027-02-01")).toBe(1);
    expect(daysBetween("2028-02-28", "2028-03-01")).toBe(2); // leap year
    expect(daysBetween("2027-02-28", "2027-03-01")).toBe(1);
    expect(daysBetween("2026-12-31", "2027-01-01")).toBe(1);
    expect(daysBetween("2026-03-28", "2026-03-30")).toBe(2); // across the clocks going forward
    expect(daysBetween("2026-10-24", "2026-10-26")).toBe(2); // and back
    expect(daysBetween("2027-01-01", "2028-01-01")).toBe(365);
    expect(daysBetween("2028-01-01", "2029-01-01")).toBe(366);
  });

  it("agrees with adding days, for any date and offset", () => {
    fc.assert(
      fc.property(fc.date({ min: new Date("1990-01-01T00:00:00Z"), max: new Date("2100-12-31T00:00:00Z"), noInvalidDate: true }), fc.integer({ min: -2000, max: 2000 }), (d, n) => {
        const from = d.toISOString().slice(0, 10);
        expect(daysBetween(from, addDays(from, n))).toBe(n);
      }),
    );
  });
});

describe("conditionState", () => {
  it("is closed once closed, whatever the due date", () => {
    expect(conditionState({ dueOn: addDays(TODAY, -100), closedAt: new Date("2027-01-01T10:00:00Z") }, TODAY)).toBe("closed");
    expect(conditionState({ dueOn: addDays(TODAY, 3), closedAt: "2027-01-01T10:00:00Z" }, TODAY)).toBe("closed");
    expect(conditionState({ dueOn: addDays(TODAY, 100), closedAt: new Date() }, TODAY)).toBe("closed");
  });

  it("is overdue from the day after its due date", () => {
    expect(conditionState(open(-1), TODAY)).toBe("overdue");
    expect(conditionState(open(-365), TODAY)).toBe("overdue");
  });

  it("is due soon from its due date back to 14 days before it, inclusive", () => {
    expect(DUE_SOON_DAYS).toBe(14);
    expect(conditionState(open(0), TODAY)).toBe("due_soon");
    expect(conditionState(open(1), TODAY)).toBe("due_soon");
    expect(conditionState(open(14), TODAY)).toBe("due_soon");
  });

  it("is open when due more than 14 days away", () => {
    expect(conditionState(open(15), TODAY)).toBe("open");
    expect(conditionState(open(400), TODAY)).toBe("open");
  });

  it("works across a month and a year end", () => {
    expect(conditionState({ dueOn: "2026-12-31", closedAt: null }, "2027-01-01")).toBe("overdue");
    expect(conditionState({ dueOn: "2027-01-01", closedAt: null }, "2026-12-31")).toBe("due_soon");
    expect(conditionState({ dueOn: "2027-01-14", closedAt: null }, "2026-12-31")).toBe("due_soon"); // 14 days on
    expect(conditionState({ dueOn: "2027-01-15", closedAt: null }, "2026-12-31")).toBe("open"); // 15 days on
  });
});

describe("workstreamRag", () => {
  it("gives a closed workstream no rating, whatever else is true", () => {
    expect(workstreamRag(input({ status: "closed", openConditions: [open(-5)], nextReviewOn: null, lastDecisionThisPhase: "rework" }), TODAY)).toEqual({
      rag: null,
      reason: "Closed after its closure review.",
    });
  });

  it("rates a stopped workstream red", () => {
    const stopped = { rag: "red", reason: "The programme board stopped this workstream." };
    expect(workstreamRag(input({ status: "stopped" }), TODAY)).toEqual(stopped);
    expect(workstreamRag(input({ status: "stopped", openConditions: [open(-3)], nextReviewOn: addDays(TODAY, -3) }), TODAY)).toEqual(stopped);
    expect(workstreamRag(input({ status: "stopped", nextReviewOn: null, deliverablesOutstanding: 0 }), TODAY)).toEqual(stopped);
  });

  it("rates red when a condition is overdue, counting them, whether active or awaiting review", () => {
    expect(workstreamRag(input({ openConditions: [open(-1)] }), TODAY)).toEqual({ rag: "red", reason: "1 condition overdue." });
    expect(workstreamRag(input({ openConditions: [open(-1), open(3), open(-30), open(40)] }), TODAY)).toEqual({ rag: "red", reason: "2 conditions overdue." });
    expect(workstreamRag(input({ status: "review_requested", openConditions: [open(-1)] }), TODAY)).toEqual({ rag: "red", reason: "1 condition overdue." });
    // An overdue condition outranks a missed review date.
    expect(workstreamRag(input({ openConditions: [open(-2)], nextReviewOn: addDays(TODAY, -1) }), TODAY)).toEqual({ rag: "red", reason: "1 condition overdue." });
  });

  it("does not count a closed condition, even one past its due date", () => {
    const closedLate = { dueOn: addDays(TODAY, -10), closedAt: new Date("2027-01-10T09:00:00Z") };
    expect(workstreamRag(input({ openConditions: [closedLate] }), TODAY)).toEqual({ rag: "green", reason: "On course for its next tollgate review." });
  });

  it("rates an active workstream red once its planned review date has passed", () => {
    expect(workstreamRag(input({ nextReviewOn: "2027-01-14" }), TODAY)).toEqual({
      rag: "red",
      reason: "The tollgate review was planned for 2027-01-14 and has not been requested.",
    });
    expect(workstreamRag(input({ nextReviewOn: "2027-01-14", deliverablesOutstanding: 0 }), TODAY).rag).toBe("red");
  });

  it("does not rate a workstream red for its review date once the review is requested", () => {
    expect(workstreamRag(input({ status: "review_requested", nextReviewOn: "2027-01-14", deliverablesOutstanding: 0 }), TODAY)).toEqual({
      rag: "green",
      reason: "Deliverables complete; awaiting the board's decision.",
    });
  });

  it("rates amber when the board asked for rework in this phase", () => {
    expect(workstreamRag(input({ lastDecisionThisPhase: "rework" }), TODAY)).toEqual({ rag: "amber", reason: "The board asked for rework at the last review." });
    expect(workstreamRag(input({ status: "review_requested", lastDecisionThisPhase: "rework" }), TODAY)).toEqual({
      rag: "amber",
      reason: "The board asked for rework at the last review.",
    });
    for (const d of ["proceed", "proceed_with_conditions", "stop"] as const) {
      expect(workstreamRag(input({ lastDecisionThisPhase: d }), TODAY).rag).toBe("green");
    }
  });

  it("rates amber when conditions are due within 14 days, counting them", () => {
    expect(workstreamRag(input({ openConditions: [open(0)] }), TODAY)).toEqual({ rag: "amber", reason: "1 condition due within 14 days." });
    expect(workstreamRag(input({ openConditions: [open(14), open(15), open(7)] }), TODAY)).toEqual({ rag: "amber", reason: "2 conditions due within 14 days." });
    expect(workstreamRag(input({ openConditions: [open(15)] }), TODAY).rag).toBe("green");
  });

  it("rates amber when the review is due within 14 days with deliverables outstanding", () => {
    expect(workstreamRag(input({ nextReviewOn: addDays(TODAY, 14), deliverablesOutstanding: 1 }), TODAY)).toEqual({
      rag: "amber",
      reason: "Review due in 14 days with 1 deliverable outstanding.",
    });
    expect(workstreamRag(input({ nextReviewOn: addDays(TODAY, 1), deliverablesOutstanding: 3 }), TODAY)).toEqual({
      rag: "amber",
      reason: "Review due in 1 day with 3 deliverables outstanding.",
    });
    expect(workstreamRag(input({ nextReviewOn: TODAY, deliverablesOutstanding: 2 }), TODAY)).toEqual({
      rag: "amber",
      reason: "Review due in 0 days with 2 deliverables outstanding.",
    });
    // Not when further off, nor when nothing is outstanding, nor once requested.
    expect(workstreamRag(input({ nextReviewOn: addDays(TODAY, 15), deliverablesOutstanding: 5 }), TODAY).rag).toBe("green");
    expect(workstreamRag(input({ nextReviewOn: addDays(TODAY, 3), deliverablesOutstanding: 0 }), TODAY)).toEqual({
      rag: "green",
      reason: "On course for its next tollgate review.",
    });
    expect(workstreamRag(input({ status: "review_requested", nextReviewOn: addDays(TODAY, 3), deliverablesOutstanding: 2 }), TODAY).rag).toBe("green");
  });

  it("rates an active workstream amber when it has no review date, but not one awaiting its review", () => {
    expect(workstreamRag(input({ nextReviewOn: null }), TODAY)).toEqual({ rag: "amber", reason: "No tollgate review date set." });
    expect(workstreamRag(input({ nextReviewOn: null, deliverablesOutstanding: 0 }), TODAY)).toEqual({ rag: "amber", reason: "No tollgate review date set." });
    expect(workstreamRag(input({ status: "review_requested", nextReviewOn: null }), TODAY)).toEqual({
      rag: "green",
      reason: "Deliverables complete; awaiting the board's decision.",
    });
  });

  it("gives every amber reason, in order, joined into one sentence list", () => {
    expect(workstreamRag(input({ lastDecisionThisPhase: "rework", openConditions: [open(2), open(9)], nextReviewOn: addDays(TODAY, 5), deliverablesOutstanding: 1 }), TODAY)).toEqual({
      rag: "amber",
      reason: "The board asked for rework at the last review. 2 conditions due within 14 days. Review due in 5 days with 1 deliverable outstanding.",
    });
    expect(workstreamRag(input({ lastDecisionThisPhase: "rework", openConditions: [open(2)], nextReviewOn: null }), TODAY)).toEqual({
      rag: "amber",
      reason: "The board asked for rework at the last review. 1 condition due within 14 days. No tollgate review date set.",
    });
  });

  it("rates green otherwise, saying why", () => {
    expect(workstreamRag(input(), TODAY)).toEqual({ rag: "green", reason: "On course for its next tollgate review." });
    expect(workstreamRag(input({ status: "review_requested", nextReviewOn: addDays(TODAY, 5), deliverablesOutstanding: 0 }), TODAY)).toEqual({
      rag: "green",
      reason: "Deliverables complete; awaiting the board's decision.",
    });
  });
});

describe("workstreamRag properties", () => {
  const statusArb = fc.constantFrom<WorkstreamStatus>(...workstreamStatuses);
  const todayArb = fc.date({ min: new Date("2000-01-01T00:00:00Z"), max: new Date("2100-12-31T00:00:00Z"), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10));
  // Offsets from today weighted towards the boundaries -1/0, 14/15.
  const offsetArb = fc.oneof({ arbitrary: fc.constantFrom(-1, 0, 1, 13, 14, 15), weight: 2 }, { arbitrary: fc.integer({ min: -40, max: 60 }), weight: 3 });
  const closedAtArb: fc.Arbitrary<Date | string | null> = fc.oneof(
    { arbitrary: fc.constant(null), weight: 3 },
    { arbitrary: fc.date({ min: new Date("2000-01-01T00:00:00Z"), max: new Date("2100-01-01T00:00:00Z"), noInvalidDate: true }), weight: 1 },
    { arbitrary: fc.constant("2027-01-01T12:00:00.000Z"), weight: 1 },
  );
  const conditionArb = (today: string) => fc.record({ dueOn: offsetArb.map((n) => addDays(today, n)), closedAt: closedAtArb });
  const ragInputArb = todayArb.chain((today) =>
    fc.record({
      today: fc.constant(today),
      input: fc.record({
        status: statusArb,
        nextReviewOn: fc.option(offsetArb.map((n) => addDays(today, n)), { nil: null, freq: 4 }),
        deliverablesOutstanding: fc.oneof(fc.constant(0), fc.integer({ min: 0, max: 10 })),
        openConditions: fc.array(conditionArb(today), { maxLength: 4 }),
        lastDecisionThisPhase: fc.option(fc.constantFrom<Decision>(...decisions), { nil: null }),
      }),
    }),
  );

  /** The rule in the doc comment, written out independently of the implementation. */
  function expectedRag(i: RagInput, today: string): "red" | "amber" | "green" | null {
    if (i.status === "closed") return null;
    const open = i.openConditions.filter((c) => !c.closedAt).map((c) => daysBetween(today, c.dueOn));
    const review = i.nextReviewOn == null ? null : daysBetween(today, i.nextReviewOn);
    if (i.status === "stopped" || open.some((d) => d < 0) || (i.status === "active" && review != null && review < 0)) return "red";
    if (
      i.lastDecisionThisPhase === "rework" ||
      open.some((d) => d >= 0 && d <= 14) ||
      (i.status === "active" && review != null && review >= 0 && review <= 14 && i.deliverablesOutstanding > 0) ||
      (i.status === "active" && review == null)
    )
      return "amber";
    return "green";
  }

  it("matches the written rule for any workstream, and reaches every rating", () => {
    const seen: Record<string, number> = { red: 0, amber: 0, green: 0, null: 0 };
    const reasons = new Set<string>();
    fc.assert(
      fc.property(ragInputArb, ({ today, input: i }) => {
        const r = workstreamRag(i, today);
        expect(r.rag).toBe(expectedRag(i, today));
        expect(r.reason).toMatch(/^[A-Z0-9].*\.$/);
        seen[String(r.rag)]!++;
        reasons.add(r.reason.replace(/\d+/g, "N"));
      }),
      { numRuns: 2000 },
    );
    for (const rag of ["red", "amber", "green", "null"]) expect(seen[rag], rag).toBeGreaterThan(100);
    // Every distinct sentence shape turns up: the red ones, each amber reason, both greens.
    const shapes = [...reasons].join("\n");
    for (const fragment of [
      "Closed after its closure review.",
      "The programme board stopped this workstream.",
      "N conditions overdue.",
      "N condition overdue.",
      "has not been requested.",
      "The board asked for rework at the last review.",
      "N condition due within N days.",
      "N conditions due within N days.",
      "Review due in N days with N deliverables outstanding.",
      "No tollgate review date set.",
      "On course for its next tollgate review.",
      "Deliverables complete; awaiting the board's decision.",
    ])
      expect(shapes).toContain(fragment);
  });

  it("rates an active or awaiting workstream red whenever an open condition is overdue", () => {
    let overdueCases = 0;
    fc.assert(
      fc.property(ragInputArb, fc.integer({ min: 1, max: 400 }), fc.nat({ max: 4 }), ({ today, input: i }, daysLate, at) => {
        const status = i.status === "active" || i.status === "review_requested" ? i.status : "active";
        const conditions: RagInput["openConditions"][number][] = [...i.openConditions];
        conditions.splice(Math.min(at, conditions.length), 0, { dueOn: addDays(today, -daysLate), closedAt: null });
        const r = workstreamRag({ ...i, status, openConditions: conditions }, today);
        expect(r.rag).toBe("red");
        const overdue = conditions.filter((c) => conditionState(c, today) === "overdue").length;
        expect(overdue).toBeGreaterThanOrEqual(1);
        expect(r.reason).toBe(`${overdue} ${overdue === 1 ? "condition" : "conditions"} overdue.`);
        overdueCases++;
      }),
      { numRuns: 500 },
    );
    expect(overdueCases).toBe(500);
  });

  it("never rates a closed workstream", () => {
    fc.assert(
      fc.property(ragInputArb, ({ today, input: i }) => {
        expect(workstreamRag({ ...i, status: "closed" }, today)).toEqual({ rag: null, reason: "Closed after its closure review." });
      }),
    );
  });

  it("is not changed by adding a closed condition, however late it was", () => {
    const changedInputs: Record<string, number> = { overdueIfOpen: 0, dueSoonIfOpen: 0 };
    fc.assert(
      fc.property(
        ragInputArb,
        offsetArb,
        fc.oneof<fc.Arbitrary<Date | string>[]>(fc.date({ min: new Date("2000-01-01T00:00:00Z"), max: new Date("2100-01-01T00:00:00Z"), noInvalidDate: true }), fc.constant("2027-01-20T08:00:00Z")),
        fc.nat({ max: 4 }),
        ({ today, input: i }, offset, closedAt, at) => {
          const closed = { dueOn: addDays(today, offset), closedAt };
          // Count how often the closed condition would have mattered had it been open.
          const ifOpen = conditionState({ dueOn: closed.dueOn, closedAt: null }, today);
          if (ifOpen === "overdue") changedInputs.overdueIfOpen!++;
          if (ifOpen === "due_soon") changedInputs.dueSoonIfOpen!++;
          const conditions: RagInput["openConditions"][number][] = [...i.openConditions];
          conditions.splice(Math.min(at, conditions.length), 0, closed);
          expect(workstreamRag({ ...i, openConditions: conditions }, today)).toEqual(workstreamRag(i, today));
        },
      ),
      { numRuns: 1000 },
    );
    expect(changedInputs.overdueIfOpen).toBeGreaterThan(100);
    expect(changedInputs.dueSoonIfOpen).toBeGreaterThan(100);
  });

  it("classifies a condition by days to go, moving only forward as days pass", () => {
    const seen: Record<ConditionState, number> = { closed: 0, overdue: 0, due_soon: 0, open: 0 };
    const order: ConditionState[] = ["open", "due_soon", "overdue"];
    fc.assert(
      fc.property(todayArb, offsetArb, closedAtArb, (today, offset, closedAt) => {
        const c = { dueOn: addDays(today, offset), closedAt };
        const s = conditionState(c, today);
        seen[s]++;
        expect(s).toBe(closedAt ? "closed" : offset < 0 ? "overdue" : offset <= DUE_SOON_DAYS ? "due_soon" : "open");
        if (!closedAt) expect(order.indexOf(conditionState(c, addDays(today, 1)))).toBeGreaterThanOrEqual(order.indexOf(s));
      }),
      { numRuns: 1000 },
    );
    for (const s of Object.keys(seen) as ConditionState[]) expect(seen[s], s).toBeGreaterThan(50);
  });
});

describe("londonDate", () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it("gives the calendar date in England, counting British Summer Time", () => {
    expect(londonDate(new Date("2026-06-30T23:30:00Z"))).toBe("2026-07-01");
    expect(londonDate(new Date("2026-06-30T22:59:59Z"))).toBe("2026-06-30");
    expect(londonDate(new Date("2026-06-30T23:00:00Z"))).toBe("2026-07-01");
    expect(londonDate(new Date("2026-12-31T23:30:00Z"))).toBe("2026-12-31");
    expect(londonDate(new Date("2027-01-01T00:00:00Z"))).toBe("2027-01-01");
  });

  it("follows the clocks changing", () => {
    // Clocks go forward at 01:00 UTC on 29 March 2026, back at 01:00 UTC on 25 October 2026.
    expect(londonDate(new Date("2026-03-28T23:30:00Z"))).toBe("2026-03-28");
    expect(londonDate(new Date("2026-03-29T23:30:00Z"))).toBe("2026-03-30");
    expect(londonDate(new Date("2026-10-24T23:30:00Z"))).toBe("2026-10-25");
    expect(londonDate(new Date("2026-10-25T23:30:00Z"))).toBe("2026-10-25");
  });

  it("uses the current moment by default", () => {
    vi.useFakeTimers({ toFake: ["Date"] });
    vi.setSystemTime(new Date("2026-06-30T23:30:00Z"));
    expect(londonDate()).toBe("2026-07-01");
  });

  it("is always the UTC date or the UTC date an hour later, and the UTC date in midwinter", () => {
    fc.assert(
      fc.property(fc.date({ min: new Date("2000-01-01T00:00:00Z"), max: new Date("2100-01-01T00:00:00Z"), noInvalidDate: true }), (at) => {
        const d = londonDate(at);
        expect(d).toMatch(/^\d{4}-\d{2}-\d{2}$/);
        expect([at.toISOString().slice(0, 10), new Date(at.getTime() + 3_600_000).toISOString().slice(0, 10)]).toContain(d);
        if (at.getUTCMonth() === 0 || at.getUTCMonth() === 11) expect(d).toBe(at.toISOString().slice(0, 10));
      }),
    );
  });
});

describe("the board view's window and the workstream page's confirmations", () => {
  it("defaults to three months back, clamping the day to the shorter month", async () => {
    const { defaultDecidedSince } = await import("@/lib/workstream");
    expect(defaultDecidedSince("2026-11-24")).toBe("2026-08-24");
    expect(defaultDecidedSince("2026-05-31")).toBe("2026-02-28");
    expect(defaultDecidedSince("2028-05-31")).toBe("2028-02-29");
    expect(defaultDecidedSince("2027-01-15")).toBe("2026-10-15");
  });

  it("takes a real date no later than today, and otherwise says why it shows three months", async () => {
    const { parseDecidedSince } = await import("@/lib/workstream");
    expect(parseDecidedSince(undefined, "2026-11-24")).toEqual({ since: "2026-08-24", error: null });
    expect(parseDecidedSince("", "2026-11-24")).toEqual({ since: "2026-08-24", error: null });
    expect(parseDecidedSince("2026-01-01", "2026-11-24")).toEqual({ since: "2026-01-01", error: null });
    expect(parseDecidedSince("2026-11-24", "2026-11-24")).toEqual({ since: "2026-11-24", error: null });
    for (const bad of ["2026-11-25", "2026-02-30", "2099-13-01", "2026-00-10", "last month", "2026-1-1"]) {
      expect(parseDecidedSince(bad, "2026-11-24"), bad).toEqual({ since: "2026-08-24", error: expect.stringContaining("no later than today") });
    }
  });

  it("confirms a request, a decision and a closed condition in words, and nothing when the state does not match", async () => {
    const { confirmationFor } = await import("@/lib/workstream");
    const ws = { status: "active" as const, phase: 2, phaseName: "Visioning", lastDecision: "proceed_with_conditions" as Decision };
    expect(confirmationFor("decided", ws)).toBe("Decision recorded: proceed with conditions. The workstream is in phase 2: Visioning.");
    expect(confirmationFor("decided", { ...ws, status: "stopped", lastDecision: "stop" })).toBe("Decision recorded: stop. The workstream is stopped.");
    expect(confirmationFor("decided", { ...ws, status: "closed", lastDecision: "proceed" })).toBe("Decision recorded: proceed. The workstream is closed.");
    expect(confirmationFor("decided", { ...ws, lastDecision: null })).toBeNull();
    expect(confirmationFor("review-requested", { ...ws, status: "review_requested" })).toBe("Tollgate review requested: the programme board will see it on its agenda.");
    expect(confirmationFor("review-requested", ws)).toBeNull();
    expect(confirmationFor("condition-closed", ws)).toBe("Condition closed.");
    expect(confirmationFor(undefined, ws)).toBeNull();
    expect(confirmationFor("anything", ws)).toBeNull();
  });
});
