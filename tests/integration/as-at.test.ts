import { beforeAll, describe, expect, it } from "vitest";
import { changeAssessmentStatus, createAssessment, saveAssessmentScores } from "@/db/commands/assessments";
import { setTarget } from "@/db/commands/targets";
import { listSystems } from "@/db/queries/places";
import { getTrajectoryData } from "@/db/queries/trajectories";
import { targetInputSchema } from "@/lib/schemas/target";
import { actor, allScores, demo, seeded } from "../support/fixtures";

let s: Awaited<ReturnType<typeof seeded>>;
beforeAll(async () => {
  s = await seeded();
});
const pause = () => new Promise((r) => setTimeout(r, 25));

describe("as at a past moment", () => {
  it("gives the score as it stood between two changes, and today's after them", async () => {
    const cio = await actor(demo.cioOuh);
    const board = await actor(demo.board);
    const admin = await actor(demo.admin);
    const period = s.period("2017-REASSESSMENT");
    const codes = s.dmiDomains.map((d) => d.code);
    const scope = { type: "organisation" as const, id: s.byOds("RTH") };
    const domainIds = s.dmiDomains.map((d) => d.id);
    const c1 = s.domainId("C1");
    const scoreAt = async (asAt?: string) =>
      (await getTrajectoryData({ frameworkId: s.dmi.id, careSetting: "all", domainIds, scope, asAt })).rows.find((r) => r.periodId === period.id && r.domainId === c1)?.score;

    const created = await createAssessment({ actor: cio, organisationId: scope.id, periodId: period.id });
    const submitted = await saveAssessmentScores({ actor: cio, assessmentId: created.id, version: 1, scores: allScores(codes, 60), submit: true });
    const approved = await changeAssessmentStatus({ actor: board, assessmentId: created.id, version: submitted.assessment.version, transition: "approve" });
    await pause();
    const afterFirst = new Date().toISOString();
    await pause();
    const reopened = await changeAssessmentStatus({ actor: admin, assessmentId: created.id, version: approved.version, transition: "reopen", reason: "C1 was mis-keyed" });
    await pause();
    const whileReopened = new Date().toISOString();
    await pause();
    const resubmitted = await saveAssessmentScores({ actor: cio, assessmentId: created.id, version: reopened.version, scores: allScores(codes, 60, { C1: 65 }), submit: true });
    await pause();
    const whileResubmitted = new Date().toISOString();
    await pause();
    const again = await changeAssessmentStatus({ actor: board, assessmentId: created.id, version: resubmitted.assessment.version, transition: "approve" });
    const reopenedAgain = await changeAssessmentStatus({ actor: admin, assessmentId: created.id, version: again.version, transition: "reopen", reason: "one more" });
    await saveAssessmentScores({ actor: cio, assessmentId: created.id, version: reopenedAgain.version, scores: allScores(codes, 60, { C1: 70 }), submit: true });

    expect(await scoreAt(afterFirst)).toBe(60);
    expect(await scoreAt(whileResubmitted)).toBe(65);
    // While it was reopened as a draft, nothing of it was reported.
    expect(await scoreAt(whileReopened)).toBeUndefined();
    expect(await scoreAt()).toBe(70);
    expect(await scoreAt(new Date().toISOString())).toBe(70);
    // Before the assessment existed there was nothing to report for 2017.
    expect(await scoreAt("2017-01-01")).toBeUndefined();
    // The 2016 baseline was imported in February 2016.
    const baseline = (await getTrajectoryData({ frameworkId: s.dmi.id, careSetting: "all", domainIds, scope, asAt: "2016-03-01" })).rows.filter((r) => r.domainId === c1);
    expect(baseline.map((r) => r.score)).toEqual([54]);
  });

  it("gives the targets as they stood on a past date", async () => {
    const board = await actor(demo.board);
    const systemId = (await listSystems())[0]!.id;
    const scope = { type: "system" as const, id: systemId };
    const domainIds = s.dmiDomains.map((d) => d.id);
    const target = async (asAt?: string) =>
      (await getTrajectoryData({ frameworkId: s.dmi.id, careSetting: "all", domainIds, scope, asAt })).targets.find((t) => t.domainId === s.domainId("C4") && t.financialYear === 2017)?.score;
    const before = await getTrajectoryData({ frameworkId: s.dmi.id, careSetting: "all", domainIds, scope });
    const existing = before.targets.find((t) => t.domainId === s.domainId("C4") && t.financialYear === 2017)!;
    await pause();
    const beforeEdit = new Date().toISOString();
    await pause();
    const input = targetInputSchema.parse({ scope: "system", scopeId: systemId, frameworkId: s.dmi.id, domainId: s.domainId("C4"), financialYear: "2017/18", score: "50", version: String(existing.version) });
    await setTarget({ actor: board, input });
    expect(await target(beforeEdit)).toBe(63);
    expect(await target()).toBe(50);
    expect(await target("2016-06-30")).toBeUndefined(); // the roadmap set its targets in October 2016
  });
});
