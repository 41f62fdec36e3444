// Unit tests for lib/history.ts: how a change-history row reads to a person.
import { describe, expect, it } from "vitest";
import { describeChange } from "@/lib/history";

describe("describeChange", () => {
  describe("score.changed", () => {
    it("with no previous score: Scored …", () => {
      expect(
        describeChange({ action: "score.changed", before: null, after: { domain: "Leadership", period: "Baseline Feb-16", score: 80 } }),
      ).toBe("Scored Leadership (Baseline Feb-16) at 80%");
    });

    it("with a previous record but no previous score: Scored …", () => {
      expect(
        describeChange({ action: "score.changed", before: { score: null }, after: { domain: "Leadership", period: "P", score: 0 } }),
      ).toBe("Scored Leadership (P) at 0%");
    });

    it("with a previous score: Changed … from … to …", () => {
      expect(
        describeChange({
          action: "score.changed",
          before: { domain: "Leadership", period: "Baseline Feb-16", score: 75 },
          after: { domain: "Leadership", period: "Baseline Feb-16", score: 80 },
        }),
      ).toBe("Changed Leadership (Baseline Feb-16) from 75% to 80%");
    });

    it("a previous score of 0 is a previous score", () => {
      expect(describeChange({ action: "score.changed", before: { score: 0 }, after: { domain: "C4", period: "P", score: 10 } })).toBe(
        "Changed C4 (P) from 0% to 10%",
      );
    });

    it("takes the period from before when after has none", () => {
      expect(describeChange({ action: "score.changed", before: { period: "Old", score: 1 }, after: { domain: "D", score: 2 } })).toBe(
        "Changed D (Old) from 1% to 2%",
      );
    });

    it("falls back to 'a domain' when the domain is not recorded", () => {
      expect(describeChange({ action: "score.changed", before: null, after: { period: "P", score: 5 } })).toBe("Scored a domain (P) at 5%");
    });
  });

  it.each([
    ["assessment.created", "Started the Baseline Feb-16 assessment"],
    ["assessment.submitted", "Submitted the Baseline Feb-16 assessment for approval"],
    ["assessment.approved", "Approved the Baseline Feb-16 assessment"],
    ["assessment.returned", "Returned the Baseline Feb-16 assessment for changes"],
    ["assessment.reopened", "Reopened the Baseline Feb-16 assessment"],
  ])("%s → %s", (action, text) => {
    expect(describeChange({ action, before: { status: "x" }, after: { period: "Baseline Feb-16" } })).toBe(text);
  });

  it("takes the period from before when after is null", () => {
    expect(describeChange({ action: "assessment.approved", before: { period: "2017" }, after: null })).toBe("Approved the 2017 assessment");
  });

  it("prefers the period in after over the one in before", () => {
    expect(describeChange({ action: "assessment.created", before: { period: "Old" }, after: { period: "New" } })).toBe(
      "Started the New assessment",
    );
  });

  it.each([
    ["assessment.returned", "Returned the P assessment for changes: “Check C4 against the audit”"],
    ["assessment.reopened", "Reopened the P assessment: “Check C4 against the audit”"],
  ])("%s quotes the reason", (action, text) => {
    expect(describeChange({ action, before: null, after: { period: "P", reason: "Check C4 against the audit" } })).toBe(text);
  });

  it("an empty reason is not quoted", () => {
    expect(describeChange({ action: "assessment.returned", before: null, after: { period: "P", reason: "" } })).toBe(
      "Returned the P assessment for changes",
    );
  });

  it("only returned and reopened carry a reason", () => {
    expect(describeChange({ action: "assessment.approved", before: null, after: { period: "P", reason: "looks good" } })).toBe(
      "Approved the P assessment",
    );
  });

  describe("assessment.imported", () => {
    it("counts the imported scores", () => {
      expect(describeChange({ action: "assessment.imported", before: null, after: { scores: { R1: 60, R2: 80, C1: 26 } } })).toBe(
        "Imported 3 approved scores",
      );
    });

    it("counts an array of scores", () => {
      expect(describeChange({ action: "assessment.imported", before: null, after: { scores: [1, 2] } })).toBe("Imported 2 approved scores");
    });

    it.each([null, undefined, {}, { scores: null }, { scores: 5 }, { scores: {} }])("with no scores (%j): 0", (after) => {
      expect(describeChange({ action: "assessment.imported", before: null, after })).toBe("Imported 0 approved scores");
    });
  });

  describe("access.denied", () => {
    it("names what was attempted", () => {
      expect(describeChange({ action: "access.denied", before: null, after: { attempted: "assessment.approve" } })).toBe(
        "Was refused: assessment.approve (not permitted for their role or organisation)",
      );
    });

    it("falls back to 'an action'", () => {
      expect(describeChange({ action: "access.denied", before: null, after: null })).toBe(
        "Was refused: an action (not permitted for their role or organisation)",
      );
    });
  });

  it.each(["user.created", "period.closed", "", "score.deleted"])("passes an unknown action (%j) through", (action) => {
    expect(describeChange({ action, before: { period: "P" }, after: { period: "P", score: 1 } })).toBe(action);
  });

  it("copes with before/after that are not objects", () => {
    expect(describeChange({ action: "assessment.created", before: "text", after: 42 })).toBe("Started the  assessment");
  });
});

describe("project changes", () => {
  const base = { title: "e-Consultations", status: "planned", rag: null, ownerIds: ["a"], capabilities: [] as unknown[] };
  it("names what changed, with before and after for the status, RAG and title", () => {
    expect(describeChange({ action: "project.created", before: null, after: base })).toBe("Added the project “e-Consultations”");
    expect(describeChange({ action: "project.updated", before: base, after: { ...base, status: "in_flight" } })).toBe("Changed the status (planned → in flight)");
    expect(describeChange({ action: "project.updated", before: base, after: { ...base, rag: "amber", ownerIds: ["a", "b"], capabilities: [{ uc: 5, role: "E" }] } })).toBe(
      "Changed the RAG (none → amber), the owners and the universal capabilities",
    );
    expect(describeChange({ action: "project.updated", before: base, after: base })).toBe("Changed nothing");
  });

  it("names invitations to co-own, and their answers with the organisation", () => {
    expect(describeChange({ action: "project.updated", before: { ...base, invitedIds: [] }, after: { ...base, invitedIds: ["b"] } })).toBe("Changed the invitations to co-own it");
    expect(describeChange({ action: "project.co-owner.accepted", before: base, after: { ...base, ownerIds: ["a", "b"], organisation: "Royal Berkshire" } })).toBe(
      "Accepted, for Royal Berkshire, the invitation to co-own the project",
    );
    expect(describeChange({ action: "project.co-owner.declined", before: base, after: { ...base, organisation: "Royal Berkshire" } })).toBe(
      "Declined, for Royal Berkshire, the invitation to co-own the project",
    );
  });
});
