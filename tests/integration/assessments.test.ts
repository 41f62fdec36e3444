import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { changeAssessmentStatus, createAssessment, saveAssessmentScores } from "@/db/commands/assessments";
import { getAssessmentById } from "@/db/queries/assessments";
import { listReportedScoresByPeriod } from "@/db/queries/maturity";
import { assessments, auditLog, domainScores } from "@/db/schema";
import { AppError } from "@/lib/errors";
import { actor, allScores, demo, seeded } from "../support/fixtures";
import { testDb } from "../support/test-database";

type Seeded = Awaited<ReturnType<typeof seeded>>;
let s: Seeded;
let codes: string[];

beforeAll(async () => {
  s = await seeded();
  codes = s.dmiDomains.map((d) => d.code);
});

async function expectAppError(promise: Promise<unknown>, code: AppError["code"], message?: RegExp): Promise<AppError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AppError);
  expect((error as AppError).code).toBe(code);
  if (message) expect((error as AppError).message).toMatch(message);
  return error as AppError;
}

async function auditRows(entityId: string) {
  const db = await testDb();
  return db.select().from(auditLog).where(eq(auditLog.entityId, entityId)).orderBy(auditLog.id);
}

async function scoresOf(assessmentId: string) {
  const db = await testDb();
  const rows = await db.select().from(domainScores).where(eq(domainScores.assessmentId, assessmentId));
  return Object.fromEntries(rows.map((r) => [r.domainId, r.score]));
}

describe("starting an assessment", () => {
  it("lets a CIO start one for their own organisation in an open period, and records it", async () => {
    const cio = await actor(demo.cioOuh);
    const created = await createAssessment({ actor: cio, organisationId: s.byOds("RTH"), periodId: s.period("2017-REASSESSMENT").id });
    expect(created.status).toBe("draft");
    const history = await auditRows(created.id);
    expect(history.map((h) => [h.action, h.actorId])).toEqual([["assessment.created", cio.id]]);
    await expectAppError(
      createAssessment({ actor: cio, organisationId: s.byOds("RTH"), periodId: s.period("2017-REASSESSMENT").id }),
      "conflict",
      /already has an assessment/,
    );
  });

  it("refuses a closed period, and another organisation (recording the refusal)", async () => {
    const cio = await actor(demo.cioRbft);
    await expectAppError(
      createAssessment({ actor: cio, organisationId: s.byOds("RHW"), periodId: s.period("2016-BASELINE").id }),
      "invalid",
      /closed/,
    );
    await expectAppError(
      createAssessment({ actor: cio, organisationId: s.byOds("RXQ"), periodId: s.period("2017-REASSESSMENT").id }),
      "forbidden",
    );
    const denied = await auditRows(s.byOds("RXQ"));
    expect(denied.map((d) => [d.action, d.actorId])).toContainEqual(["access.denied", cio.id]);
  });

  it("refuses viewers, board members and CCIOs", async () => {
    for (const email of [demo.viewer, demo.board, demo.ccio]) {
      await expectAppError(
        createAssessment({ actor: await actor(email), organisationId: s.byOds("RXQ"), periodId: s.period("2017-REASSESSMENT").id }),
        "forbidden",
      );
    }
  });
});

describe("saving scores", () => {
  let draftId: string;
  let cio: Awaited<ReturnType<typeof actor>>;

  beforeAll(async () => {
    cio = await actor(demo.cioRbft);
    draftId = (await createAssessment({ actor: cio, organisationId: s.byOds("RHW"), periodId: s.period("2017-REASSESSMENT").id })).id;
  });

  it("saves every domain, bumps the version and records each score with before and after", async () => {
    const saved = await saveAssessmentScores({ actor: cio, assessmentId: draftId, version: 1, scores: allScores(codes, 50) });
    expect(saved.changed).toBe(14);
    expect(saved.assessment.version).toBe(2);
    const second = await saveAssessmentScores({ actor: cio, assessmentId: draftId, version: 2, scores: allScores(codes, 50, { C1: 61, C2: "62" }) });
    expect(second.changed).toBe(2);
    expect(await scoresOf(draftId)).toMatchObject({ [s.domainId("C1")]: 61, [s.domainId("C2")]: 62, [s.domainId("R1")]: 50 });
    const c1History = await auditRows(`${draftId}:${s.domainId("C1")}`);
    // Each with the framework's unit, which the history prints after the score.
    const entry = (score: number) => ({ score, domain: "Records, Assessments & Plans", period: "Reassessment 2017", unit: "%" });
    expect(c1History.map((h) => [h.before, h.after, h.actorId])).toEqual([
      [null, entry(50), cio.id],
      [entry(50), entry(61), cio.id],
    ]);
  });

  it.each([
    ["blank", "", "Enter a score for Leadership"],
    ["text", "abc", "Score for Leadership must be a number, like 65"],
    ["over 100", 150, "Score for Leadership must be from 0 to 100 (not 150)"],
    ["negative", "-1", "Score for Leadership must be from 0 to 100 (not -1)"],
    ["a fraction", "65.5", "Score for Leadership must be a whole number (not 65.5)"],
  ])("refuses a %s score with a message for that field, and saves nothing", async (_label, value, message) => {
    const before = await getAssessmentById({ assessmentId: draftId });
    const error = await expectAppError(
      saveAssessmentScores({ actor: cio, assessmentId: draftId, version: before!.assessment.version, scores: allScores(codes, 70, { R2: value }) }),
      "invalid",
    );
    expect(error.fieldErrors).toEqual({ [s.domainId("R2")]: message });
    const after = await getAssessmentById({ assessmentId: draftId });
    expect(after!.assessment.version).toBe(before!.assessment.version);
    expect(after!.scores).toEqual(before!.scores);
  });

  it("refuses a domain of another framework and a missing domain", async () => {
    const { assessment } = (await getAssessmentById({ assessmentId: draftId }))!;
    const extra = await expectAppError(
      saveAssessmentScores({ actor: cio, assessmentId: draftId, version: assessment.version, scores: allScores(codes, 70, { "WGLL-1": 40 }) }),
      "invalid",
      /not part of this assessment's framework \(WGLL-1\)/,
    );
    expect(extra.fieldErrors).toEqual({});
    const { R1: _dropped, ...withoutR1 } = allScores(codes, 70);
    const missing = await expectAppError(
      saveAssessmentScores({ actor: cio, assessmentId: draftId, version: assessment.version, scores: withoutR1 }),
      "invalid",
    );
    expect(missing.fieldErrors).toEqual({ [s.domainId("R1")]: "Enter a score for Strategic Alignment" });
  });

  it("refuses a save based on an old version instead of overwriting the newer one", async () => {
    const { assessment } = (await getAssessmentById({ assessmentId: draftId }))!;
    await saveAssessmentScores({ actor: cio, assessmentId: draftId, version: assessment.version, scores: allScores(codes, 71) });
    await expectAppError(
      saveAssessmentScores({ actor: cio, assessmentId: draftId, version: assessment.version, scores: allScores(codes, 99) }),
      "conflict",
      /Rachel Brook saved this assessment at .* after you opened it/,
    );
    expect(Object.values(await scoresOf(draftId))).toEqual(Array(14).fill(71));
  });

  it("refuses another trust's CIO, a viewer and a board member, and records each refusal", async () => {
    const { assessment } = (await getAssessmentById({ assessmentId: draftId }))!;
    for (const email of [demo.cioOuh, demo.viewer, demo.board]) {
      const intruder = await actor(email);
      await expectAppError(
        saveAssessmentScores({ actor: intruder, assessmentId: draftId, version: assessment.version, scores: allScores(codes, 1) }),
        "forbidden",
      );
      const denied = (await auditRows(draftId)).filter((r) => r.action === "access.denied" && r.actorId === intruder.id);
      expect(denied).toHaveLength(1);
      expect(denied[0]!.after).toEqual({ attempted: "assessment.edit", role: intruder.role });
    }
    expect(Object.values(await scoresOf(draftId))).toEqual(Array(14).fill(71));
  });

  it("lets an admin correct any organisation's draft", async () => {
    const admin = await actor(demo.admin);
    const { assessment } = (await getAssessmentById({ assessmentId: draftId }))!;
    const saved = await saveAssessmentScores({ actor: admin, assessmentId: draftId, version: assessment.version, scores: allScores(codes, 71, { I2: 72 }) });
    expect(saved.changed).toBe(1);
  });
});

describe("submitting and approving", () => {
  it("takes an assessment from draft to submitted to approved, and into the reported figures", async () => {
    const cio = await actor(demo.cioOuh);
    const board = await actor(demo.board);
    const period = s.period("2017-REASSESSMENT");
    const db = await testDb();
    const [existing] = await db
      .select()
      .from(assessments)
      .where(and(eq(assessments.organisationId, s.byOds("RTH")), eq(assessments.periodId, period.id)));
    const id = existing?.id ?? (await createAssessment({ actor: cio, organisationId: s.byOds("RTH"), periodId: period.id })).id;
    const version = existing?.version ?? 1;
    const submitted = await saveAssessmentScores({ actor: cio, assessmentId: id, version, scores: allScores(codes, 88), submit: true });
    expect(submitted.assessment.status).toBe("submitted");
    expect(submitted.assessment.submittedById).toBe(cio.id);

    // Submitted scores are locked, and a CIO cannot approve their own.
    await expectAppError(saveAssessmentScores({ actor: cio, assessmentId: id, version: submitted.assessment.version, scores: allScores(codes, 1) }), "conflict", /can no longer be changed/);
    await expectAppError(changeAssessmentStatus({ actor: cio, assessmentId: id, version: submitted.assessment.version, transition: "approve" }), "forbidden");
    await expectAppError(changeAssessmentStatus({ actor: await actor(demo.viewer), assessmentId: id, version: submitted.assessment.version, transition: "approve" }), "forbidden");
    await expectAppError(
      changeAssessmentStatus({ actor: board, assessmentId: id, version: submitted.assessment.version, transition: "return", reason: "  " }),
      "invalid",
    );

    const approved = await changeAssessmentStatus({ actor: board, assessmentId: id, version: submitted.assessment.version, transition: "approve" });
    expect(approved.status).toBe("approved");
    expect(approved.approvedById).toBe(board.id);
    await expectAppError(changeAssessmentStatus({ actor: board, assessmentId: id, version: approved.version, transition: "approve" }), "conflict", /only a submitted assessment/);
    await expectAppError(changeAssessmentStatus({ actor: board, assessmentId: id, version: approved.version, transition: "reopen", reason: "x" }), "forbidden");

    const reported = await listReportedScoresByPeriod({ periodId: period.id, careSetting: "all" });
    expect(reported.find((r) => r.odsCode === "RTH")?.scores[s.domainId("C4")]).toBe(88);

    const statusHistory = (await auditRows(id)).filter((r) => r.action.startsWith("assessment."));
    expect(statusHistory.slice(-2).map((r) => [r.action, r.before, (r.after as { status: string }).status])).toEqual([
      ["assessment.submitted", { status: "draft" }, "submitted"],
      ["assessment.approved", { status: "submitted" }, "approved"],
    ]);

    const admin = await actor(demo.admin);
    const reopened = await changeAssessmentStatus({ actor: admin, assessmentId: id, version: approved.version, transition: "reopen", reason: "Typo in C4" });
    expect(reopened.status).toBe("draft");
    expect(reopened.approvedAt).toBeNull();
  });

  it("keeps drafts out of the reported figures", async () => {
    const cio = await actor(demo.admin);
    const period = s.period("2017-REASSESSMENT");
    const created = await createAssessment({ actor: cio, organisationId: s.byOds("RYE"), periodId: period.id });
    await saveAssessmentScores({ actor: cio, assessmentId: created.id, version: 1, scores: allScores(codes, 10) });
    const reported = await listReportedScoresByPeriod({ periodId: period.id, careSetting: "all" });
    expect(reported.map((r) => r.odsCode)).not.toContain("RYE");
  });
});
