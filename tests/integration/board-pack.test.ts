// The board pack's data for a footprint and a date, against what the seed says (expected
// figures are worked out here from db/seed/*, not copied from the app's output), and as
// at dates before and after changes made in the app.
import { and, asc, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { changeAssessmentStatus, createAssessment, saveAssessmentScores } from "@/db/commands/assessments";
import { saveProject } from "@/db/commands/projects";
import { closeCondition, decideReview, requestReview } from "@/db/commands/tollgate-reviews";
import { updateDeliverable } from "@/db/commands/workstreams";
import { getBoardPackData } from "@/db/queries/board-pack";
import { deliverables, footprints, projects, reviewConditions, tollgateReviews, workstreamFootprints, workstreams, type Workstream } from "@/db/schema";
import { baselineProviders, baselineScores, bobFootprints, bobOrganisations, bobSectionGoal, bobTargetYears, bobTrajectoryTargets, dmi2016, dmiPeriods } from "@/db/seed/bob-data";
import { projects as seedProjects, universalCapabilities as seedCapabilities } from "@/db/seed/bob-portfolio";
import { bobWorkstreams } from "@/db/seed/bob-workstreams";
import { londonDate } from "@/lib/as-at";
import { assembleBoardPack } from "@/lib/board-pack";
import { addDays } from "@/lib/dates";
import { financialYearEnd } from "@/lib/financial-year";
import type { Actor } from "@/lib/permissions";
import { projectInputSchema } from "@/lib/schemas/project";
import { closeConditionSchema, decisionSchema, deliverableUpdateSchema, requestReviewSchema } from "@/lib/schemas/workstream";
import { actor, allScores, demo, seeded } from "../support/fixtures";
import { testDb } from "../support/test-database";

const today = londonDate();
const yesterday = addDays(today, -1);
const AS_AT = "2016-12-31";
const scores = baselineScores();
const domainCodes = dmi2016.sections.flatMap((s) => s.domains.map((d) => d.code));

let s: Awaited<ReturnType<typeof seeded>>;
beforeAll(async () => {
  s = await seeded();
});

const packFor = async (footprint: string | undefined, asAt: string) => {
  const data = (await getBoardPackData({ footprint, asAt, today }))!;
  return { data, pack: assembleBoardPack(data) };
};

/** The seed's trusts with baseline scores that serve a footprint (all of them for the system). */
const trustsIn = (footprint?: string) => bobOrganisations.filter((o) => baselineProviders.some((p) => p === o.key) && (!footprint || o.footprints.some((f) => f === footprint)));
const meanOf = (odsCodes: readonly string[], code: string) => odsCodes.reduce((sum, ods) => sum + scores[ods as keyof typeof scores][code]!, 0) / odsCodes.length;
/** The seed's projects that apply to a footprint: those naming it, and those whose owners serve it. */
const seedProjectsIn = (footprint: string) =>
  seedProjects.filter((p) => p.footprints.includes(footprint) || p.ownerOdsCodes.some((ods) => bobOrganisations.find((o) => o.odsCode === ods)!.footprints.some((f) => f === footprint)));

describe("the board pack as at 31 December 2016, from the seed alone", () => {
  it("Oxfordshire: the baseline heatmap of its three trusts against national", async () => {
    const { data, pack } = await packFor("OXON", AS_AT);
    const expectedPeriod = dmiPeriods.filter((p) => p.assessedOn <= AS_AT).sort((a, b) => b.assessedOn.localeCompare(a.assessedOn))[0]!;
    expect(data.period?.code).toBe(expectedPeriod.code);
    const trusts = trustsIn("OXON").map((o) => o.odsCode!);
    expect(trusts.sort()).toEqual(["RNU", "RTH", "RYE"]);
    expect(pack.heatmap.rows.map((r) => r.organisation.odsCode).sort()).toEqual(trusts);
    for (const row of pack.heatmap.rows) {
      expect(row.organisation.status).toBe("approved");
      for (const code of domainCodes) expect(row.organisation.scores[s.domainId(code)], `${row.organisation.odsCode} ${code}`).toBe(scores[row.organisation.odsCode as "RTH"][code]);
    }
    for (const [i, code] of domainCodes.entries()) {
      const summary = pack.heatmap.domainSummaries[i]!;
      expect(summary.national).toBe(scores.NATIONAL[code]);
      expect(summary.mean).toBeCloseTo(meanOf(trusts, code));
      expect(summary.providersAbove, code).toBe(trusts.filter((t) => scores[t as "RTH"][code]! > scores.NATIONAL[code]!).length);
    }
  });

  it("Oxfordshire: every capability domain judged against the BOB targets it has none of its own for, with only the baseline to go on", async () => {
    const { pack } = await packFor("OXON", AS_AT);
    const trusts = trustsIn("OXON").map((o) => o.odsCode!);
    const targeted = Object.keys(bobTrajectoryTargets);
    expect([...pack.borrowedDomainIds].sort()).toEqual(targeted.map((c) => s.domainId(c)).sort());
    // The BOB targets were set on 31 October 2016, so they stood on 31 December 2016.
    for (const code of domainCodes) {
      const t = pack.trajectories.find((x) => x.domainId === s.domainId(code))!;
      expect(t.actuals.map((a) => a.date)).toEqual([dmiPeriods[0].assessedOn]);
      if (!targeted.includes(code)) {
        expect(t.assessment.status, code).toBe("no-target");
        continue;
      }
      // The target judged is the next one due on or after the date: the end of 2016/17.
      const nextYear = bobTargetYears.findIndex((y) => financialYearEnd(y) >= AS_AT);
      const next = bobTrajectoryTargets[code]![nextYear]!;
      expect(t.assessment.target).toMatchObject({ financialYear: bobTargetYears[nextYear], value: next });
      // With no score since the baseline there is no rate: on track only if already there, else at risk.
      const baseline = meanOf(trusts, code);
      expect(t.assessment.status, code).toBe(baseline >= next ? "on-track" : "at-risk");
    }
    expect(pack.goal).toMatchObject({ threshold: bobSectionGoal.threshold, tolerance: bobSectionGoal.tolerance, financialYear: bobSectionGoal.financialYear });
    expect(pack.goalBorrowed).toBe(true);
  });

  it("Oxfordshire: no card carries a universal capability or a rating, no review is on the agenda", async () => {
    const { data, pack } = await packFor("OXON", AS_AT);
    expect(data.capabilityColumns.map((c) => c.code)).toEqual(["OXON"]);
    const inOxfordshire = seedProjectsIn("OXON");
    expect(inOxfordshire.length).toBeGreaterThan(0);
    // The seed's cards lost their UC marks in conversion, so nothing enables or supports any capability yet.
    expect(inOxfordshire.filter((p) => (p.ucs ?? []).length > 0)).toEqual([]);
    for (const uc of seedCapabilities) {
      expect(pack.matrix.get(uc.number)!.get(data.capabilityColumns[0]!.id), `UC ${uc.number}`).toEqual({ progress: "nothing", projectIds: [] });
    }
    expect(pack.attention).toEqual([]);
    expect(pack.projects).toHaveLength(seedProjects.length);
    expect(pack.agenda).toEqual({ awaiting: [], conditions: [] });
  });

  it("the whole system: all six trusts, its own targets and goal, every footprint in the matrix", async () => {
    const { data, pack } = await packFor(undefined, AS_AT);
    expect(pack.heatmap.rows.map((r) => r.organisation.odsCode).sort()).toEqual(trustsIn().map((o) => o.odsCode).sort());
    expect(pack.borrowedDomainIds.size).toBe(0);
    expect(pack.goalBorrowed).toBe(false);
    expect(data.capabilityColumns.map((c) => c.code).sort()).toEqual(bobFootprints.map((f) => f.code).sort());
    const c1 = pack.trajectories.find((t) => t.domainId === s.domainId("C1"))!;
    expect(c1.actuals).toHaveLength(1);
    expect(c1.actuals[0]!.value).toBeCloseTo(meanOf(trustsIn().map((o) => o.odsCode!), "C1"));
  });

  it("before the targets were set (31 October 2016), nothing has a target", async () => {
    const { pack } = await packFor("OXON", "2016-10-30");
    expect(pack.trajectories.every((t) => t.assessment.status === "no-target")).toBe(true);
    expect(pack.borrowedDomainIds.size).toBe(0);
  });
});

describe("the board pack today and as at the day before changes", () => {
  it("shows a reassessment submitted today in today's pack only", async () => {
    const cio = await actor(demo.cioOuh);
    const board = await actor(demo.board);
    const rth = s.byOds("RTH");
    const period = s.period("2017-REASSESSMENT");
    const created = await createAssessment({ actor: cio, organisationId: rth, periodId: period.id });
    const submitted = await saveAssessmentScores({ actor: cio, assessmentId: created.id, version: 1, scores: allScores(domainCodes, 60), submit: true });

    const now = await packFor("OXON", today);
    expect(now.data.period?.code).toBe("2017-REASSESSMENT");
    expect(now.pack.heatmap.rows.map((r) => [r.organisation.odsCode, r.organisation.status])).toEqual([["RTH", "submitted"]]);
    // The footprint's actual in 2017 keeps the others' baseline scores until they report again.
    const others = trustsIn("OXON").map((o) => o.odsCode!).filter((o) => o !== "RTH");
    const c1 = now.pack.trajectories.find((t) => t.domainId === s.domainId("C1"))!;
    expect(c1.actuals.at(-1)).toEqual({ date: period.assessedOn, value: expect.closeTo((60 + others.reduce((sum, o) => sum + scores[o as "RTH"].C1!, 0)) / 3, 6) });

    const before = await packFor("OXON", yesterday);
    expect(before.data.period?.code).toBe("2016-BASELINE");
    expect(before.pack.heatmap.rows).toHaveLength(3);

    // Approved later today: the pack as at today says approved, not awaiting approval.
    await changeAssessmentStatus({ actor: board, assessmentId: created.id, version: submitted.assessment.version, transition: "approve" });
    expect((await packFor("OXON", today)).pack.heatmap.rows[0]!.organisation.status).toBe("approved");
  });

  it("shows a card rated red today, and a project added today, only from today; the day before, as they were", async () => {
    const cio = await actor(demo.cioOuh);
    const db = await testDb();
    // A seeded card owned by OUH alone in 2017–19 (OUH serves Oxfordshire only).
    const seed = seedProjects.find((p) => p.period === "2017/18-2018/19" && p.ownerOdsCodes.length === 1 && p.ownerOdsCodes[0] === "RTH")!;
    const [card] = await db.select().from(projects).where(eq(projects.code, seed.code));
    const [oxon] = await db.select().from(footprints).where(eq(footprints.code, "OXON"));
    const base = {
      title: seed.title,
      description: "",
      domainId: card!.domainId,
      stpPriority: seed.stpPriority,
      programmeId: card!.programmeId ?? "",
      ownerIds: [s.byOds("RTH")],
      footprintIds: [],
      fromYear: "2017/18",
      toYear: "2018/19",
      startOn: "",
      endOn: "",
    };
    await saveProject({
      actor: cio,
      input: projectInputSchema.parse({ ...base, projectId: card!.id, version: card!.version, status: "in_flight", rag: "red", ragReason: "The scanning contract is late.", capabilities: { "3": "E" } }),
    });
    const added = await saveProject({
      actor: cio,
      input: projectInputSchema.parse({ ...base, title: "Board pack test: electronic observations", footprintIds: [oxon!.id], status: "planned", rag: "amber", ragReason: "Funding not yet agreed.", capabilities: {} }),
    });

    const now = await packFor("OXON", today);
    expect(now.pack.attention.map((p) => [p.code, p.rag, p.ragReason])).toEqual([
      [seed.code, "red", "The scanning contract is late."],
      [added.code, "amber", "Funding not yet agreed."],
    ]);
    expect(now.pack.matrix.get(3)!.get(oxon!.id)).toEqual({ progress: "in_progress", projectIds: [card!.id] });

    const before = await packFor("OXON", yesterday);
    expect(before.pack.attention).toEqual([]);
    expect(before.pack.projects.find((p) => p.id === added.id)).toBeUndefined();
    expect(before.pack.projects.find((p) => p.id === card!.id)).toMatchObject({ status: "planned", rag: null, capabilities: [], changedSince: true, owners: [{ name: bobOrganisations.find((o) => o.key === "RTH")!.name }] });
    expect(before.pack.matrix.get(3)!.get(oxon!.id)).toEqual({ progress: "nothing", projectIds: [] });

    // Berkshire West is not OUH's footprint: neither project is on its pack.
    expect((await packFor("BERKSW", today)).pack.attention).toEqual([]);
  });
});

describe("tollgate reviews and conditions as at a date", () => {
  let lead: Actor;
  let board: Actor;
  const byCode = async (code: string): Promise<Workstream> => (await (await testDb()).select().from(workstreams).where(eq(workstreams.code, code)))[0]!;
  const readyAll = async (ws: Workstream) => {
    const db = await testDb();
    const rows = await db.select().from(deliverables).where(and(eq(deliverables.workstreamId, ws.id), eq(deliverables.phase, ws.phase))).orderBy(asc(deliverables.position));
    for (const d of rows) await updateDeliverable({ actor: lead, input: deliverableUpdateSchema.parse({ deliverableId: d.id, status: "ready", reason: "", note: "", evidenceUrl: "", version: d.version }) });
  };
  const request = async (code: string) => {
    await readyAll(await byCode(code));
    return requestReview({ actor: lead, input: requestReviewSchema.parse({ workstreamId: (await byCode(code)).id, version: (await byCode(code)).version }) });
  };
  // The timeline, backdated below: requested 85 days ago, decided 76 days ago with two
  // conditions, B closed 70 days ago; A due 66 days ago, B 67 days ago.
  const day = (n: number) => addDays(today, -n);

  beforeAll(async () => {
    lead = await actor(demo.ccio);
    board = await actor(demo.board);
    const db = await testDb();
    const records = await request("RECORDS");
    await decideReview({
      actor: board,
      input: decisionSchema.parse({
        reviewId: records.id,
        heldOn: today,
        attendees: [board.id],
        recommendations: { [board.id]: "proceed_with_conditions" },
        decision: "proceed_with_conditions",
        reasons: "Sound case; two things to settle.",
        conditions: [
          { description: "Condition A: name the benefit owners", owner: "Dr Chris Clarke", dueOn: addDays(today, 30) },
          { description: "Condition B: agree the scope with social care", owner: "Dr Chris Clarke", dueOn: addDays(today, 30) },
        ],
      }),
    });
    const conditions = await db.select().from(reviewConditions).where(eq(reviewConditions.reviewId, records.id)).orderBy(asc(reviewConditions.position));
    await closeCondition({ actor: lead, input: closeConditionSchema.parse({ conditionId: conditions[1]!.id, closureNote: "Agreed at the joint board." }) });
    await db.update(tollgateReviews).set({ requestedAt: new Date(`${day(85)}T09:00:00Z`), heldOn: day(76), decidedAt: new Date(`${day(76)}T15:00:00Z`) }).where(eq(tollgateReviews.id, records.id));
    await db.update(reviewConditions).set({ dueOn: day(66) }).where(eq(reviewConditions.id, conditions[0]!.id));
    await db.update(reviewConditions).set({ dueOn: day(67), closedAt: new Date(`${day(70)}T12:00:00Z`) }).where(eq(reviewConditions.id, conditions[1]!.id));
    // And a review requested today, still awaiting the board.
    await request("CITIZEN");
  });

  const agenda = async (asAt: string, footprint = "OXON") => (await packFor(footprint, asAt)).pack.agenda;
  const names = (rows: { workstreamName: string }[]) => rows.map((r) => r.workstreamName);
  const seedName = (code: string) => bobWorkstreams.find((w) => w.code === code)!.name;

  it("before the request: nothing", async () => {
    expect(await agenda(day(90))).toEqual({ awaiting: [], conditions: [] });
  });

  it("between the request and the decision: the review awaits, with what was decided later", async () => {
    const { awaiting, conditions } = await agenda(day(80));
    expect(names(awaiting)).toEqual([seedName("RECORDS")]);
    expect(awaiting[0]!.decidedLater).toEqual({ decision: "proceed_with_conditions", heldOn: day(76) });
    expect(conditions).toEqual([]);
  });

  it("after the decision: both conditions open and due within 14 days, B closed only later", async () => {
    const { awaiting, conditions } = await agenda(day(72));
    expect(awaiting).toEqual([]);
    expect(conditions.map((c) => [c.description.slice(0, 11), c.state, c.dueOn, c.closedLater])).toEqual([
      ["Condition B", "due_soon", day(67), true],
      ["Condition A", "due_soon", day(66), false],
    ]);
  });

  it("after A fell due: A overdue, B closed and gone", async () => {
    const { conditions } = await agenda(day(60));
    expect(conditions.map((c) => [c.description.slice(0, 11), c.state])).toEqual([["Condition A", "overdue"]]);
  });

  it("today: A still overdue and Citizen facing technology awaiting the board", async () => {
    const { awaiting, conditions } = await agenda(today);
    expect(names(awaiting)).toEqual([seedName("CITIZEN")]);
    expect(awaiting[0]!.decidedLater).toBeNull();
    expect(conditions.map((c) => [c.workstreamName, c.state])).toEqual([[seedName("RECORDS"), "overdue"]]);
  });

  it("a footprint's pack leaves out a workstream that names only other footprints", async () => {
    const db = await testDb();
    const records = await byCode("RECORDS");
    const [berks] = await db.select().from(footprints).where(eq(footprints.code, "BERKSW"));
    await db.delete(workstreamFootprints).where(eq(workstreamFootprints.workstreamId, records.id));
    await db.insert(workstreamFootprints).values({ workstreamId: records.id, footprintId: berks!.id });
    expect((await agenda(day(60), "OXON")).conditions).toEqual([]);
    expect(names((await agenda(day(60), "BERKSW")).conditions)).toEqual([seedName("RECORDS")]);
    expect(names((await agenda(day(60), "")).conditions)).toEqual([seedName("RECORDS")]);
  });
});
