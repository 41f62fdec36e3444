import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { createAssessment, saveAssessmentScores } from "@/db/commands/assessments";
import { setTarget } from "@/db/commands/targets";
import { updateUserAccess } from "@/db/commands/users";
import { listAuditEntriesByEntity, listAuditEntriesByOrganisation } from "@/db/queries/audit";
import { getUserWithScope } from "@/db/queries/users";
import { AppError } from "@/lib/errors";
import { targetInputSchema } from "@/lib/schemas/target";
import { actor, allScores, demo, seeded } from "../support/fixtures";

const codeOf = (p: Promise<unknown>) => p.then(() => "ok", (e: unknown) => (e instanceof AppError ? e.code : `unexpected: ${String(e)}`));

describe("what the change history shows", () => {
  it("keeps a draft's score changes from those who may not see drafts, and refusals from those without history rights", async () => {
    const s = await seeded();
    const cio = await actor(demo.cioRbft);
    const draft = await createAssessment({ actor: cio, organisationId: s.byOds("RHW"), periodId: s.period("2017-REASSESSMENT").id });
    await saveAssessmentScores({ actor: cio, assessmentId: draft.id, version: 1, scores: allScores(s.dmiDomains.map((d) => d.code), 33) });
    await codeOf(saveAssessmentScores({ actor: await actor(demo.cioOuh), assessmentId: draft.id, version: 2, scores: {} }));

    const forOwner = await listAuditEntriesByOrganisation({ organisationId: s.byOds("RHW"), includeDraftScores: true });
    const forBoard = await listAuditEntriesByOrganisation({ organisationId: s.byOds("RHW"), includeDraftScores: false });
    expect(forOwner.filter((e) => e.action === "score.changed")).toHaveLength(14);
    expect(forBoard.filter((e) => e.action === "score.changed")).toHaveLength(0);
    expect(forBoard.map((e) => e.action)).toContain("assessment.created");

    const full = await listAuditEntriesByEntity({ entityType: "assessment", entityId: draft.id });
    const publicView = await listAuditEntriesByEntity({ entityType: "assessment", entityId: draft.id, includeRefusals: false });
    expect(full.map((e) => e.action)).toContain("access.denied");
    expect(publicView.map((e) => e.action)).not.toContain("access.denied");
  });
});

describe("guards found in review", () => {
  it("refuses an admin removing their own administrator role", async () => {
    const admin = await actor(demo.admin);
    expect(await codeOf(updateUserAccess({ actor: admin, userId: admin.id, role: "viewer", organisationIds: [] }))).toBe("conflict");
    expect((await getUserWithScope({ userId: admin.id }))!.role).toBe("admin");
  });

  it("answers a target for an organisation that does not exist with not found, not a server error", async () => {
    const s = await seeded();
    const input = targetInputSchema.parse({ scope: "organisation", scopeId: randomUUID(), frameworkId: s.dmi.id, domainId: s.domainId("C1"), financialYear: "2019/20", score: "50" });
    expect(await codeOf(setTarget({ actor: await actor(demo.cioOuh), input }))).toBe("not_found");
  });

  it("says a year already has a target when one is added twice", async () => {
    const s = await seeded();
    const input = targetInputSchema.parse({ scope: "organisation", scopeId: s.byOds("RTH"), frameworkId: s.dmi.id, domainId: s.domainId("C3"), financialYear: "2019/20", score: "50" });
    const cio = await actor(demo.cioOuh);
    await setTarget({ actor: cio, input });
    const error = await setTarget({ actor: cio, input }).catch((e: unknown) => e as AppError);
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).message).toMatch(/There is already a 2019\/20 target for Orders & Results Management \(50%\)/);
  });
});
