import { describe, expect, it } from "vitest";
import { assessmentsAsAt, endOfDay, targetsAsAt, type HistoryEvent } from "@/lib/as-at";

const at = (iso: string) => new Date(iso);
const ev = (time: string, action: string, entityType: string, entityId: string, after: unknown): HistoryEvent => ({ at: at(time), action, entityType, entityId, after });

describe("assessmentsAsAt", () => {
  const events = [
    ev("2016-02-29T12:00:00Z", "assessment.imported", "assessment", "a1", { status: "approved", scores: { d1: 40, d2: 50 } }),
    ev("2017-01-01T10:00:00Z", "assessment.created", "assessment", "a2", { status: "draft" }),
    ev("2017-01-02T10:00:00Z", "score.changed", "domain_score", "a2:d1", { score: 55 }),
    ev("2017-01-03T10:00:00Z", "score.changed", "domain_score", "a2:d1", { score: 58 }),
    ev("2017-01-04T10:00:00Z", "assessment.submitted", "assessment", "a2", { status: "submitted" }),
  ];

  it("folds imports, score changes and status changes in time order, whatever order they come in", () => {
    const states = assessmentsAsAt([...events].reverse());
    expect(states.get("a1")).toEqual({ status: "approved", scores: { d1: 40, d2: 50 } });
    expect(states.get("a2")).toEqual({ status: "submitted", scores: { d1: 58 } });
  });

  it("gives the middle value when cut off between two changes", () => {
    const cut = events.filter((e) => e.at <= at("2017-01-02T23:00:00Z"));
    expect(assessmentsAsAt(cut).get("a2")).toEqual({ status: "draft", scores: { d1: 55 } });
  });

  it("ignores events it does not understand", () => {
    expect(assessmentsAsAt([ev("2017-01-01T00:00:00Z", "access.denied", "assessment", "a9", { attempted: "x" })]).get("a9")).toEqual({ status: "draft", scores: {} });
    expect(assessmentsAsAt([ev("2017-01-01T00:00:00Z", "score.changed", "domain_score", "malformed", { score: 3 })]).size).toBe(0);
  });
});

describe("targetsAsAt", () => {
  it("applies sets and removals in order", () => {
    const t = { scope: "system", scopeId: "s1", domainId: "d1", financialYear: 2017 };
    const targets = targetsAsAt([
      ev("2016-10-31T12:00:00Z", "target.set", "target", "t1", { ...t, score: 63 }),
      ev("2017-05-01T12:00:00Z", "target.set", "target", "t1", { ...t, score: 50 }),
      ev("2017-05-02T12:00:00Z", "target.set", "target", "t2", { ...t, financialYear: 2018, score: 79 }),
      ev("2017-05-03T12:00:00Z", "target.removed", "target", "t2", null),
    ]);
    expect(targets).toEqual([{ id: "t1", scope: "system", scopeId: "s1", domainId: "d1", financialYear: 2017, score: 50 }]);
  });
});

describe("endOfDay", () => {
  it("includes the whole of the chosen day in England, in winter and in summer time", () => {
    expect(endOfDay("2017-03-12").toISOString()).toBe("2017-03-12T23:59:59.999Z");
    expect(endOfDay("2017-07-12").toISOString()).toBe("2017-07-12T22:59:59.999Z");
  });
});
