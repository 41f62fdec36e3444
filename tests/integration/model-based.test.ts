import fc from "fast-check";
import { beforeAll, expect, it } from "vitest";
import { databaseHandle, useDatabaseHandle, type Database } from "@/db/client";
import { createAssessment } from "@/db/commands/assessments";
import {
  ChangeAssessmentStatus,
  CloseCondition,
  CompletePhase,
  CreateAssessment,
  CreateProject,
  DecideReview,
  EditProject,
  RemoveTarget,
  RequestReview,
  SaveScores,
  SetDeliverable,
  SetTarget,
  stats,
  type Attendance,
} from "./model/commands";
import { cloneModel, type Decision, type DeliverableStatus, type Model } from "./model/model";
import { lastAuditId, type Real } from "./model/real";
import { ACTORS, loadWorld, ORGS, WORKSTREAMS, type ActorName, type WorkstreamCode, type World } from "./model/world";

// Model-based test of the command layer: random sequences of user actions (assessments,
// targets, projects, deliverables, tollgate reviews) by random demo users of every role,
// with fresh and out-of-date versions and out-of-range scores. Each action is predicted
// from a model (allowed, or refused with which AppError), run through the real command
// on the seeded database, and followed by checks of the history, the state, the score
// ranges, the phase sequence and the actors' scope (see model/invariants.ts).
//
// Each run works inside one transaction that is rolled back at its end (the commands'
// own transactions become savepoints in it), so every run starts from the seed.

const NUM_RUNS = Number(process.env.MODEL_RUNS ?? 15);
const MAX_COMMANDS = Number(process.env.MODEL_COMMANDS ?? 50);

let world: World;
beforeAll(async () => {
  world = await loadWorld();
});

class RollBack extends Error {}

async function inRolledBackTransaction(work: () => Promise<void>) {
  const handle = await databaseHandle();
  try {
    await handle.db.transaction(async (tx) => {
      useDatabaseHandle({ ...handle, db: tx as unknown as Database } as typeof handle);
      try {
        await work();
      } finally {
        useDatabaseHandle(handle);
      }
      throw new RollBack();
    });
  } catch (error) {
    if (!(error instanceof RollBack)) throw error;
  }
}

/** Anyone, though mostly those whose work this is (or a sequence would be little but refusals). */
const actorFavouring = (...usual: ActorName[]) => fc.oneof({ weight: 2, arbitrary: fc.constantFrom(...usual) }, { weight: 1, arbitrary: fc.constantFrom(...ACTORS) });
const scoring = actorFavouring("admin", "cio.ouh", "cio.rbft");
const approving = actorFavouring("admin", "board", "board.chair");
const targeting = actorFavouring("admin", "board", "cio.ouh", "cio.rbft");
const leading = actorFavouring("admin", "ccio", "ccio.bw");
const deciding = actorFavouring("board", "board.chair");
const closing = actorFavouring("admin", "board", "ccio");
// RECORDS (led by ccio) comes up most, so that sequences get through its phases.
const workstream = fc.oneof({ weight: 2, arbitrary: fc.constant<WorkstreamCode>("RECORDS") }, { weight: 2, arbitrary: fc.constantFrom(...WORKSTREAMS) });
const freshness = fc.constantFrom("fresh" as const, "fresh" as const, "stale" as const);
const owners = fc.subarray([...ORGS], { minLength: 1 });
/** An index into the model's assessments: mostly the drafts the run starts with (RTH's, RHW's, RXQ's first). */
const assessment = fc.oneof({ weight: 2, arbitrary: fc.nat(2) }, { weight: 1, arbitrary: fc.nat(8) });
/** Someone at work on their own organisation's draft, or anyone on any assessment. */
const scorer = fc.oneof(
  { weight: 2, arbitrary: fc.constantFrom<[ActorName, number]>(["cio.ouh", 0], ["cio.rbft", 1], ["admin", 2]) },
  { weight: 1, arbitrary: fc.tuple(scoring, assessment) },
);
/** A board member or administrator on a draft's way, or its own CIO trying to approve it (refused), or anyone on any. */
const reviewer = fc.oneof(
  { weight: 2, arbitrary: fc.constantFrom<[ActorName, number]>(["board", 0], ["board.chair", 1], ["admin", 2], ["cio.ouh", 0], ["cio.rbft", 1]) },
  { weight: 1, arbitrary: fc.tuple(approving, assessment) },
);
/** Someone setting a target that is theirs to set, or anyone setting any. */
const targetSetter = fc.oneof(
  {
    weight: 2,
    arbitrary: fc.constantFrom<[ActorName, "system" | "footprint" | "organisation", number]>(
      ["board", "system", 0],
      ["board.chair", "footprint", 1],
      ["admin", "footprint", 2],
      ["cio.ouh", "organisation", 0],
      ["cio.rbft", "organisation", 1],
    ),
  },
  { weight: 1, arbitrary: fc.tuple(targeting, fc.constantFrom("system" as const, "footprint" as const, "organisation" as const), fc.nat(2)) },
);

/** Mostly whole numbers 0–100; sometimes out of range, fractional, with a %, or not a number. */
const scoreValue: fc.Arbitrary<number | string> = fc.oneof(
  { weight: 20, arbitrary: fc.integer({ min: 0, max: 100 }) },
  { weight: 1, arbitrary: fc.integer({ min: -20, max: -1 }) },
  { weight: 1, arbitrary: fc.integer({ min: 101, max: 250 }) },
  { weight: 1, arbitrary: fc.constantFrom(55.5, "70%", "n/a", "") },
);
// A set of 14 at once: a single bad value refuses the whole save, so most sets are clean.
const scoreSet = fc.oneof(
  { weight: 3, arbitrary: fc.array(fc.integer({ min: 0, max: 100 }), { minLength: 14, maxLength: 14 }) },
  { weight: 1, arbitrary: fc.array(scoreValue, { minLength: 14, maxLength: 14 }) },
);
const targetScore = fc.oneof(
  { weight: 6, arbitrary: fc.integer({ min: 0, max: 100 }).map(String) },
  { weight: 1, arbitrary: fc.integer({ min: 0, max: 100 }).map((n) => `${n}%`) },
  { weight: 1, arbitrary: fc.constantFrom("101", "150", "-5", "12.5", "", "abc") },
);

/** A workstream's lead (or an administrator) at work on it, or anyone on any workstream. */
const lead = fc.oneof(
  {
    weight: 3,
    arbitrary: fc.constantFrom<[ActorName, WorkstreamCode]>(["ccio", "RECORDS"], ["admin", "RECORDS"], ["ccio", "CITIZEN"], ["admin", "IG"], ["ccio.bw", "INTELLIGENCE"]),
  },
  { weight: 1, arbitrary: fc.tuple(leading, workstream) },
);
const requestReview = fc.tuple(lead, freshness).map(([[a, w], f]) => new RequestReview(a, w, f));
const decideReview = fc
  .tuple(
    deciding,
    workstream,
    fc.constantFrom<Decision>("proceed", "proceed_with_conditions", "rework", "stop", "proceed"),
    fc.constantFrom<Attendance>("one member", "both members", "one member", "both members", "with a CCIO", "nobody"),
    fc.constantFrom(false, false, false, false, false, true),
  )
  .map(([a, w, d, att, tomorrow]) => new DecideReview(a, w, d, att, tomorrow));
const setDeliverable = fc
  .tuple(lead, fc.nat(6), fc.constantFrom<DeliverableStatus>("in_progress", "ready", "not_required", "not_started"), freshness)
  .map(([[a, w], d, status, f]) => new SetDeliverable(a, w, d, status, f));
const completePhase = lead.map(([a, w]) => new CompletePhase(a, w));
const closeCondition = fc.tuple(closing, workstream, fc.nat(3)).map(([a, w, c]) => new CloseCondition(a, w, c));

const everything = [
  fc.tuple(scoring, fc.constantFrom(...ORGS), fc.boolean()).map(([a, o, closed]) => new CreateAssessment(a, o, closed)),
  fc.tuple(scorer, scoreSet, fc.boolean(), freshness).map(([[a, i], v, submit, f]) => new SaveScores(a, i, v, submit, f)),
  fc
    .tuple(reviewer, fc.constantFrom("approve" as const, "return" as const, "reopen" as const), fc.constantFrom("", "Leadership score needs evidence"), freshness)
    .map(([[a, i], t, reason, f]) => new ChangeAssessmentStatus(a, i, t, reason, f)),
  fc
    .tuple(targetSetter, fc.nat(13), fc.integer({ min: 2016, max: 2018 }), targetScore, fc.constantFrom("none" as const, "fresh" as const, "stale" as const))
    .map(([[a, scope, place], domain, year, score, version]) => new SetTarget(a, scope, place, domain, year, score, version)),
  fc.tuple(targeting, fc.nat(40), freshness).map(([a, i, f]) => new RemoveTarget(a, i, f)),
  fc.tuple(scoring, owners).map(([a, o]) => new CreateProject(a, o)),
  fc
    .tuple(scoring, fc.nat(10), fc.option(fc.nat(2)), fc.option(owners), freshness)
    .map(([a, i, title, o, f]) => new EditProject(a, i, title, o, f)),
  setDeliverable,
  completePhase,
  // Twice each: a review needs a complete phase first, and most attempts come too early or too late.
  requestReview,
  requestReview,
  decideReview,
  decideReview,
  closeCondition,
];
const tollgates = [setDeliverable, completePhase, completePhase, requestReview, requestReview, decideReview, decideReview, decideReview, closeCondition];

/** Runs random sequences of these commands, each run from the seed (see inRolledBackTransaction). */
async function checkSequences(arbitraries: fc.Arbitrary<fc.AsyncCommand<Model, Real>>[], numRuns: number) {
  let ran = 0;
  await fc.assert(
    fc.asyncProperty(fc.commands(arbitraries, { maxCommands: MAX_COMMANDS, size: "max" }), async (cmds) => {
      await inRolledBackTransaction(async () => {
        const setup = async () => {
          const model: Model = cloneModel(world.initial);
          // The reassessment period opens with a draft for each organisation (the administrator
          // starts them), so that sequences have drafts to score, submit, approve and return.
          const admin = world.actors.find((a) => a.name === "admin")!;
          const drafts = [];
          for (const org of world.orgs) {
            const draft = await createAssessment({ actor: admin, organisationId: org.id, periodId: world.openPeriodId });
            drafts.push({ id: draft.id, organisationId: org.id, periodId: world.openPeriodId, status: "draft" as const, version: draft.version, scores: {} });
          }
          model.assessments = [...drafts, ...model.assessments];
          const start = await lastAuditId();
          const real: Real = { world, startAuditId: start, seenAuditId: start, scopeCheckedId: start };
          return { model, real };
        };
        await fc.asyncModelRun(setup, cmds);
      });
      ran++;
    }),
    { numRuns },
  );
  expect(ran).toBeGreaterThanOrEqual(numRuns);
  if (process.env.MODEL_STATS) console.log(JSON.stringify(Object.entries(stats).sort()));
}

it("keeps every invariant through random sequences of user actions by every role", () => checkSequences(everything, NUM_RUNS), 600_000);

// The same, with only the workstream actions: long enough sequences to take workstreams
// through several phases, reworks, stops and closures.
it("keeps every invariant through random tollgate sequences", () => checkSequences(tollgates, NUM_RUNS), 600_000);
