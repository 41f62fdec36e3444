import { describe, expect, it } from "vitest";
import type { Actor } from "@/lib/permissions";
import { mayActFor, ownerRefusalMessage, planOwners } from "@/lib/project-owners";

// Who joins, leaves or is invited when a project's owners are saved (lib/project-owners).
const OUH = "org-ouh";
const RBFT = "org-rbft";
const BHT = "org-bht";
const cioOuh: Actor = { id: "u1", role: "cio", organisationIds: [OUH] };
const admin: Actor = { id: "u2", role: "admin", organisationIds: [] };
const board: Actor = { id: "u3", role: "board", organisationIds: [OUH] };
const none = { ownerIds: [], invitedIds: [] };

describe("planOwners", () => {
  it("invites an organisation the CIO does not act for, rather than making it an owner", () => {
    expect(planOwners(cioOuh, { ownerIds: [OUH], invitedIds: [] }, [OUH, RBFT])).toEqual({
      ok: true,
      plan: { ownerIds: [OUH], invitedIds: [RBFT], added: [], invited: [RBFT], removed: [], withdrawn: [] },
    });
  });

  it("adds the CIO's own organisation at once, and an administrator's choice of any", () => {
    expect(planOwners(cioOuh, none, [OUH, RBFT])).toMatchObject({ ok: true, plan: { ownerIds: [OUH], added: [OUH], invited: [RBFT] } });
    expect(planOwners(admin, { ownerIds: [OUH], invitedIds: [] }, [OUH, RBFT, BHT])).toMatchObject({ ok: true, plan: { ownerIds: [BHT, OUH, RBFT].sort(), added: [BHT, RBFT].sort(), invited: [] } });
  });

  it("keeps a pending invitation ticked as it is, and withdraws an unticked one", () => {
    const current = { ownerIds: [OUH], invitedIds: [RBFT, BHT] };
    expect(planOwners(cioOuh, current, [OUH, RBFT, BHT])).toMatchObject({ ok: true, plan: { invitedIds: [BHT, RBFT].sort(), invited: [], withdrawn: [] } });
    expect(planOwners(cioOuh, current, [OUH, BHT])).toMatchObject({ ok: true, plan: { ownerIds: [OUH], invitedIds: [BHT], withdrawn: [RBFT] } });
  });

  it("refuses a CIO removing another's organisation, naming it", () => {
    const refused = planOwners(cioOuh, { ownerIds: [OUH, RBFT, BHT], invitedIds: [] }, [OUH]);
    expect(refused).toEqual({ ok: false, refusal: { kind: "not-yours-to-remove", organisationIds: [BHT, RBFT].sort() } });
    if (refused.ok) throw new Error("unreachable");
    expect(ownerRefusalMessage(refused.refusal, (id) => ({ [RBFT]: "Royal Berkshire", [BHT]: "Buckinghamshire Healthcare" })[id]!)).toBe(
      "You can remove only your own organisations from a project's owners, not Buckinghamshire Healthcare, Royal Berkshire: ask a CIO of each to remove it.",
    );
  });

  it("lets a CIO take their own organisation off while another owner stays", () => {
    expect(planOwners(cioOuh, { ownerIds: [OUH, RBFT], invitedIds: [] }, [RBFT])).toMatchObject({ ok: true, plan: { ownerIds: [RBFT], removed: [OUH] } });
  });

  it("refuses leaving no owner, even with an invitation pending", () => {
    expect(planOwners(cioOuh, { ownerIds: [OUH], invitedIds: [] }, [RBFT])).toEqual({ ok: false, refusal: { kind: "no-owner-left" } });
    expect(planOwners(admin, { ownerIds: [OUH], invitedIds: [] }, [])).toEqual({ ok: false, refusal: { kind: "no-owner-left" } });
  });

  it("acts for an organisation only as a CIO of it or an administrator", () => {
    expect([mayActFor(cioOuh, OUH), mayActFor(cioOuh, RBFT), mayActFor(admin, RBFT), mayActFor(board, OUH), mayActFor(null, OUH)]).toEqual([true, false, true, false, false]);
  });
});
