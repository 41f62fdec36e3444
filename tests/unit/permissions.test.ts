// Unit tests for lib/permissions.ts: who may do what, on which organisation's records.
import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { actions, can, canSeeAssessment, draftsVisibleTo, permissions, type Action, type Actor } from "@/lib/permissions";
import { roles, type Role } from "@/lib/roles";

const ORG_A = "aaaaaaaa-1111-4111-8111-11111111111f";
const ORG_B = "22222222-2222-4222-8222-222222222222";
const ORG_C = "33333333-3333-4333-8333-333333333333";

const actor = (role: Role, organisationIds: string[] = []): Actor => ({ id: `user-${role}`, role, organisationIds });

// The deliberate answer for every role × action:
//   "any"  – allowed on every record, with or without a subject
//   "own"  – allowed only on a subject whose organisation is in the actor's scope
//   "lead" – allowed only on a workstream the actor leads
//   "none" – never allowed
type Expected = "any" | "own" | "lead" | "none";
const matrix: Record<Role, Record<Action, Expected>> = {
  admin: {
    "assessment.create": "any",
    "assessment.edit": "any",
    "assessment.submit": "any",
    "assessment.view-draft": "any",
    "assessment.approve": "any",
    "assessment.return": "any",
    "assessment.reopen": "any",
    "history.view": "any",
    "period.manage": "any",
    "framework.load": "any",
    "organisation.manage": "any",
    "national-average.set": "any",
    "target.set-summary": "any",
    "target.set-organisation": "any",
    "user.manage": "any",
    "workstream.edit": "any",
    "workstream.assign-lead": "any",
    "tollgate.request": "any",
    "tollgate.decide": "none",
    "condition.close": "any",
    "project.edit": "any",
  },
  cio: {
    "assessment.create": "own",
    "assessment.edit": "own",
    "assessment.submit": "own",
    "assessment.view-draft": "own",
    "assessment.approve": "none",
    "assessment.return": "none",
    "assessment.reopen": "none",
    "history.view": "own",
    "period.manage": "none",
    "framework.load": "none",
    "organisation.manage": "none",
    "national-average.set": "none",
    "target.set-summary": "none",
    "target.set-organisation": "own",
    "user.manage": "none",
    "workstream.edit": "none",
    "workstream.assign-lead": "none",
    "tollgate.request": "none",
    "tollgate.decide": "none",
    "condition.close": "none",
    "project.edit": "own",
  },
  board: {
    "assessment.create": "none",
    "assessment.edit": "none",
    "assessment.submit": "none",
    "assessment.view-draft": "none",
    "assessment.approve": "any",
    "assessment.return": "any",
    "assessment.reopen": "none",
    "history.view": "any",
    "period.manage": "none",
    "framework.load": "none",
    "organisation.manage": "none",
    "national-average.set": "none",
    "target.set-summary": "any",
    "target.set-organisation": "none",
    "user.manage": "none",
    "workstream.edit": "none",
    "workstream.assign-lead": "none",
    "tollgate.request": "none",
    "tollgate.decide": "any",
    "condition.close": "any",
    "project.edit": "none",
  },
  ccio: {
    "assessment.create": "none",
    "assessment.edit": "none",
    "assessment.submit": "none",
    "assessment.view-draft": "none",
    "assessment.approve": "none",
    "assessment.return": "none",
    "assessment.reopen": "none",
    "history.view": "none",
    "period.manage": "none",
    "framework.load": "none",
    "organisation.manage": "none",
    "national-average.set": "none",
    "target.set-summary": "none",
    "target.set-organisation": "none",
    "user.manage": "none",
    "workstream.edit": "lead",
    "workstream.assign-lead": "none",
    "tollgate.request": "lead",
    "tollgate.decide": "none",
    "condition.close": "lead",
    "project.edit": "none",
  },
  viewer: {
    "assessment.create": "none",
    "assessment.edit": "none",
    "assessment.submit": "none",
    "assessment.view-draft": "none",
    "assessment.approve": "none",
    "assessment.return": "none",
    "assessment.reopen": "none",
    "history.view": "none",
    "period.manage": "none",
    "framework.load": "none",
    "organisation.manage": "none",
    "national-average.set": "none",
    "target.set-summary": "none",
    "target.set-organisation": "none",
    "user.manage": "none",
    "workstream.edit": "none",
    "workstream.assign-lead": "none",
    "tollgate.request": "none",
    "tollgate.decide": "none",
    "condition.close": "none",
    "project.edit": "none",
  },
};

describe("the permission matrix", () => {
  it("covers every role and every action, and nothing else", () => {
    expect(Object.keys(matrix).sort()).toEqual([...roles].sort());
    for (const role of roles) {
      expect(Object.keys(matrix[role]).sort(), role).toEqual([...actions].sort());
    }
  });

  it("the permissions table grants nothing beyond the matrix", () => {
    for (const role of roles) {
      for (const [action, reach] of Object.entries(permissions[role])) {
        expect(matrix[role][action as Action], `${role} ${action}`).toBe(reach);
      }
    }
  });

  const cases = roles.flatMap((role) => actions.map((action) => [role, action, matrix[role][action]] as const));

  it.each(cases)("%s / %s: %s", (role, action, expected) => {
    // The actor's own organisation is ORG_A (for every role, so scope alone never grants anything).
    const a = actor(role, [ORG_A]);
    const onOwn = can(a, action, { organisationId: ORG_A });
    const onOther = can(a, action, { organisationId: ORG_B });
    const noSubject = can(a, action);
    const emptySubject = can(a, action, {});
    const ledByThem = can(a, action, { leadUserId: a.id });
    const ledByOther = can(a, action, { leadUserId: "someone-else" });
    const got = { onOwn, onOther, noSubject, emptySubject, ledByThem, ledByOther };
    const all = (v: boolean) => ({ onOwn: v, onOther: v, noSubject: v, emptySubject: v, ledByThem: v, ledByOther: v });
    if (expected === "any") expect(got).toEqual(all(true));
    if (expected === "own") expect(got).toEqual({ ...all(false), onOwn: true });
    if (expected === "lead") expect(got).toEqual({ ...all(false), ledByThem: true });
    if (expected === "none") expect(got).toEqual(all(false));
  });
});

describe("can", () => {
  it.each(actions.filter((a) => a !== "tollgate.decide"))("admin may %s on anything, with no organisations of their own", (action) => {
    const admin = actor("admin");
    expect(can(admin, action)).toBe(true);
    expect(can(admin, action, { organisationId: ORG_C })).toBe(true);
  });

  describe("a CIO", () => {
    const cio = actor("cio", [ORG_A, ORG_B]);

    it.each(["assessment.create", "assessment.edit", "assessment.submit", "assessment.view-draft", "history.view"] as const)(
      "may %s for each organisation in scope, but not others or with no subject",
      (action) => {
        expect(can(cio, action, { organisationId: ORG_A })).toBe(true);
        expect(can(cio, action, { organisationId: ORG_B })).toBe(true);
        expect(can(cio, action, { organisationId: ORG_C })).toBe(false);
        expect(can(cio, action)).toBe(false);
        expect(can(cio, action, { organisationId: "" })).toBe(false);
      },
    );

    it.each(["assessment.approve", "assessment.return", "assessment.reopen", "period.manage", "framework.load", "organisation.manage", "user.manage"] as const)(
      "may not %s, even for their own organisation",
      (action) => {
        expect(can(cio, action, { organisationId: ORG_A })).toBe(false);
        expect(can(cio, action)).toBe(false);
      },
    );

    it("with no organisations may do nothing", () => {
      const lonely = actor("cio", []);
      for (const action of actions) {
        expect(can(lonely, action, { organisationId: ORG_A }), action).toBe(false);
      }
    });

    it("matches organisation ids exactly (no case-folding or prefixes)", () => {
      expect(can(cio, "assessment.edit", { organisationId: ORG_A.toUpperCase() })).toBe(false);
      expect(can(cio, "assessment.edit", { organisationId: ORG_A.slice(0, 8) })).toBe(false);
    });
  });

  describe("a board member", () => {
    const board = actor("board");
    it.each(["assessment.approve", "assessment.return", "history.view"] as const)("may %s on any organisation", (action) => {
      expect(can(board, action, { organisationId: ORG_C })).toBe(true);
      expect(can(board, action)).toBe(true);
    });
    it.each(["assessment.edit", "assessment.create", "assessment.submit", "assessment.reopen", "user.manage", "period.manage", "framework.load", "organisation.manage"] as const)(
      "may not %s",
      (action) => {
        expect(can(board, action, { organisationId: ORG_C })).toBe(false);
        expect(can(actor("board", [ORG_C]), action, { organisationId: ORG_C })).toBe(false);
      },
    );
  });

  it.each(["ccio", "viewer"] as const)("a %s may do nothing", (role) => {
    for (const action of actions) {
      expect(can(actor(role, [ORG_A]), action, { organisationId: ORG_A }), action).toBe(false);
      expect(can(actor(role), action), action).toBe(false);
    }
  });

  it.each([null, undefined])("with no actor (%s), nothing is allowed", (nobody) => {
    for (const action of actions) {
      expect(can(nobody, action), action).toBe(false);
      expect(can(nobody, action, { organisationId: ORG_A }), action).toBe(false);
    }
  });
});

describe("canSetTarget", () => {
  it("gives summary targets to board and admin, organisation targets to the organisation's CIO and admin", async () => {
    const { canSetTarget } = await import("@/lib/permissions");
    const cio = actor("cio", ["org-1"]);
    expect(canSetTarget(actor("board"), "footprint", "fp-1")).toBe(true);
    expect(canSetTarget(actor("board"), "organisation", "org-1")).toBe(false);
    expect(canSetTarget(cio, "organisation", "org-1")).toBe(true);
    expect(canSetTarget(cio, "organisation", "org-2")).toBe(false);
    expect(canSetTarget(cio, "system", "sys-1")).toBe(false);
    expect(canSetTarget(actor("admin"), "organisation", "org-2")).toBe(true);
    expect(canSetTarget(actor("viewer"), "system", "sys-1")).toBe(false);
  });
});

describe("canEditProject", () => {
  it("lets a CIO edit a project any of their organisations owns, and an admin any project", async () => {
    const { canEditProject } = await import("@/lib/permissions");
    const cio = actor("cio", [ORG_A]);
    expect(canEditProject(cio, [ORG_A])).toBe(true);
    expect(canEditProject(cio, [ORG_B, ORG_A])).toBe(true);
    expect(canEditProject(cio, [ORG_B])).toBe(false);
    expect(canEditProject(cio, [])).toBe(false);
    expect(canEditProject(actor("admin"), [])).toBe(true);
    for (const role of ["board", "ccio", "viewer"] as const) expect(canEditProject(actor(role, [ORG_A]), [ORG_A]), role).toBe(false);
    expect(canEditProject(null, [ORG_A])).toBe(false);
  });
});

describe("draftsVisibleTo, the draft rule as a query filter", () => {
  it("lets a query see exactly the assessments canSeeAssessment allows, for every role", () => {
    const orgs = ["o1", "o2", "o3"];
    fc.assert(
      fc.property(
        fc.constantFrom(...roles),
        fc.subarray(orgs),
        fc.constantFrom("draft", "submitted", "approved"),
        fc.constantFrom(...orgs),
        (role, organisationIds, status, organisationId) => {
          const actor = { id: "u", role, organisationIds };
          const drafts = draftsVisibleTo(actor);
          const byFilter = status !== "draft" || drafts === "all" || drafts.includes(organisationId);
          expect(byFilter).toBe(canSeeAssessment(actor, { status, organisationId }));
        },
      ),
    );
    expect(draftsVisibleTo(null)).toEqual([]);
  });
});
