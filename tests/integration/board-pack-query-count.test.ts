// The board pack reads in a fixed number of queries, whatever the number of projects,
// project changes, reviews, conditions and scores.
import { and, asc, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { queryCounter } from "@/db/client";
import { decideReview, requestReview } from "@/db/commands/tollgate-reviews";
import { updateDeliverable } from "@/db/commands/workstreams";
import { createAssessment, saveAssessmentScores } from "@/db/commands/assessments";
import { getBoardPackData } from "@/db/queries/board-pack";
import { auditLog, deliverables, frameworkDomains, organisations, projectCapabilities, projectOwners, projects, reviewConditions, systems, tollgateReviews, universalCapabilities, users, workstreams, type Workstream } from "@/db/schema";
import { londonDate } from "@/lib/as-at";
import type { Actor } from "@/lib/permissions";
import { decisionSchema, deliverableUpdateSchema, requestReviewSchema } from "@/lib/schemas/workstream";
import { actor, allScores, demo, seeded } from "../support/fixtures";
import { testDb } from "../support/test-database";

const today = londonDate();

async function queriesFor(read: () => Promise<unknown>): Promise<number> {
  const before = queryCounter.count;
  await read();
  return queryCounter.count - before;
}

const reads = {
  "Oxfordshire today": () => getBoardPackData({ footprint: "OXON", asAt: today, today }),
  "Oxfordshire as at 31 December 2016": () => getBoardPackData({ footprint: "OXON", asAt: "2016-12-31", today }),
  "the whole system today": () => getBoardPackData({ asAt: today, today }),
  "the whole system as at 31 December 2016": () => getBoardPackData({ asAt: "2016-12-31", today }),
};

let lead: Actor;
let board: Actor;
const byCode = async (code: string): Promise<Workstream> => (await (await testDb()).select().from(workstreams).where(eq(workstreams.code, code)))[0]!;
async function request(code: string) {
  const db = await testDb();
  const ws = await byCode(code);
  const rows = await db.select().from(deliverables).where(and(eq(deliverables.workstreamId, ws.id), eq(deliverables.phase, ws.phase))).orderBy(asc(deliverables.position));
  for (const d of rows) await updateDeliverable({ actor: lead, input: deliverableUpdateSchema.parse({ deliverableId: d.id, status: "ready", reason: "", note: "", evidenceUrl: "", version: d.version }) });
  return requestReview({ actor: lead, input: requestReviewSchema.parse({ workstreamId: ws.id, version: (await byCode(code)).version }) });
}

// One review awaiting a decision and one decided with a condition, so that every read the
// pack composes runs in full from the start.
beforeAll(async () => {
  lead = await actor(demo.ccio);
  board = await actor(demo.board);
  const decided = await request("RECORDS");
  await decideReview({
    actor: board,
    input: decisionSchema.parse({
      reviewId: decided.id,
      heldOn: today,
      attendees: [board.id],
      recommendations: { [board.id]: "proceed_with_conditions" },
      decision: "proceed_with_conditions",
      reasons: "Go on, with one condition.",
      conditions: [{ description: "Name the benefit owners", owner: "Dr Chris Clarke", dueOn: today }],
    }),
  });
  await request("CITIZEN");
});

describe("the board pack's reads", () => {
  it("issue the same number of queries with 200 more projects and their changes, 40 more decisions with conditions, and new scores", async () => {
    const counts: Record<string, number> = {};
    for (const [what, read] of Object.entries(reads)) counts[what] = await queriesFor(read);
    for (const n of Object.values(counts)) expect(n).toBeGreaterThan(0);

    const db = await testDb();
    const s = await seeded();
    // BOB's (the pack's system) projects, owned by BOB's organisations; not England's other systems.
    const [system] = await db.select().from(systems).where(eq(systems.code, "BOB"));
    const [domain] = await db.select().from(frameworkDomains).where(and(eq(frameworkDomains.frameworkId, s.dmi.id), eq(frameworkDomains.code, "C2")));
    const orgs = await db.select().from(organisations).where(eq(organisations.systemId, system!.id));
    const ucs = await db.select().from(universalCapabilities);
    const [admin] = await db.select().from(users).where(eq(users.email, demo.admin));
    const added = await db
      .insert(projects)
      .values(Array.from({ length: 200 }, (_, i) => ({ systemId: system!.id, code: `PACK-${i}`, title: `Pack load ${i}`, domainId: domain!.id, fromYear: 2017, toYear: 2018, rag: i % 2 ? ("red" as const) : ("amber" as const), ragReason: "Load" })))
      .returning({ id: projects.id });
    await db.insert(projectOwners).values(added.map((p, i) => ({ projectId: p.id, organisationId: orgs[i % orgs.length]!.id })));
    await db.insert(projectCapabilities).values(added.map((p, i) => ({ projectId: p.id, capabilityId: ucs[i % ucs.length]!.id, role: i % 3 ? ("E" as const) : ("S" as const) })));
    // Each "changed" after the past date, with the state before the change.
    await db.insert(auditLog).values(
      added.map((p, i) => ({
        at: new Date("2020-01-01T12:00:00Z"),
        actorId: admin!.id,
        action: "project.updated",
        entityType: "project",
        entityId: p.id,
        before: { title: `Pack load ${i} before`, status: "planned", rag: null, ragReason: null, stpPriority: "", ownerIds: [orgs[0]!.id], footprintIds: [], capabilities: [] },
        after: {},
      })),
    );
    const records = await byCode("RECORDS");
    for (let i = 0; i < 40; i++) {
      const [review] = await db
        .insert(tollgateReviews)
        .values({ workstreamId: records.id, phase: 1, requestedAt: new Date(`2026-0${(i % 9) + 1}-01T09:00:00Z`), heldOn: `2026-0${(i % 9) + 1}-02`, decision: "proceed_with_conditions", reasons: "Load", decidedAt: new Date(`2026-0${(i % 9) + 1}-02T15:00:00Z`) })
        .returning({ id: tollgateReviews.id });
      await db.insert(reviewConditions).values([1, 2, 3].map((position) => ({ reviewId: review!.id, workstreamId: records.id, position, description: `Load ${i}.${position}`, owner: "Load", dueOn: `2026-0${(i % 9) + 1}-20` })));
    }
    const cio = await actor(demo.cioOuh);
    const assessment = await createAssessment({ actor: cio, organisationId: s.byOds("RTH"), periodId: s.period("2017-REASSESSMENT").id });
    await saveAssessmentScores({ actor: cio, assessmentId: assessment.id, version: 1, scores: allScores(s.dmiDomains.map((d) => d.code), 65), submit: true });

    const oxfordshire = (await getBoardPackData({ footprint: "OXON", asAt: today, today }))!;
    expect(oxfordshire.projects.length).toBeGreaterThanOrEqual(200);
    expect(oxfordshire.reviews.length).toBeGreaterThanOrEqual(42);
    expect(oxfordshire.period?.code).toBe("2017-REASSESSMENT");
    for (const [what, read] of Object.entries(reads)) expect(await queriesFor(read), what).toBe(counts[what]);
  });
});
