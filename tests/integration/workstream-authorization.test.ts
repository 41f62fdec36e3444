import { and, asc, eq, isNull } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import type { z } from "zod";
import { closeCondition, decideReview, requestReview } from "@/db/commands/tollgate-reviews";
import { assignLead, setNextReviewDate, updateDeliverable, updateWorkstreamItem } from "@/db/commands/workstreams";
import { auditLog, deliverables, reviewConditions, tollgateReviews, users, workstreamItems, workstreams } from "@/db/schema";
import { londonDate } from "@/lib/as-at";
import { AppError } from "@/lib/errors";
import type { Action, Actor } from "@/lib/permissions";
import {
  closeConditionSchema,
  decisionSchema,
  deliverableUpdateSchema,
  itemUpdateSchema,
  leadSchema,
  requestReviewSchema,
  reviewDateSchema,
} from "@/lib/schemas/workstream";
import type { Decision } from "@/lib/tollgate";
import { actor, demo } from "../support/fixtures";
import { testDb } from "../support/test-database";

// Who may do what to a workstream, command by command. The subject is RECORDS, led by the
// demo CCIO; the other CCIO leads INTELLIGENCE and INFRASTRUCTURE. Allowed attempts are
// arranged so that they succeed; refused ones must be "forbidden" and leave an
// access.denied row on the workstream, and nothing else.

const today = londonDate();
const addDays = (iso: string, days: number) => new Date(Date.parse(`${iso}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

function parse<S extends z.ZodType>(schema: S, raw: unknown): z.output<S> {
  const parsed = schema.safeParse(raw);
  if (!parsed.success) throw new Error(`test input refused by its schema: ${parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ")}`);
  return parsed.data;
}

const roles = ["admin", "board", "lead CCIO", "other CCIO", "CIO", "viewer"] as const;
type Role = (typeof roles)[number];
const emails: Record<Role, string> = {
  admin: demo.admin,
  board: demo.board,
  "lead CCIO": demo.ccio,
  "other CCIO": "ccio.bw@demo.nhs.uk",
  CIO: demo.cioOuh,
  viewer: demo.viewer,
};

const commandNames = [
  "update an objective",
  "update a deliverable",
  "set the review date",
  "close a condition",
  "request the review",
  "decide the review",
  // Last: the administrator's success changes the lead.
  "assign the lead",
] as const;
type CommandName = (typeof commandNames)[number];

const Y = true;
const N = false;
const matrix: Record<CommandName, [admin: boolean, board: boolean, lead: boolean, otherCcio: boolean, cio: boolean, viewer: boolean]> = {
  "update an objective":  [Y, N, Y, N, N, N],
  "update a deliverable": [Y, N, Y, N, N, N],
  "set the review date":  [Y, N, Y, N, N, N],
  "close a condition":    [Y, Y, Y, N, N, N],
  "request the review":   [Y, N, Y, N, N, N],
  // Separation of duties: administrators keep the data but do not decide.
  "decide the review":    [N, Y, N, N, N, N],
  "assign the lead":      [Y, N, N, N, N, N],
};

let people: Record<Role, Actor>;
let chair: Actor;
let wsId: string;
const db = () => testDb();

async function fresh(id = wsId) {
  const [row] = await (await db()).select().from(workstreams).where(eq(workstreams.id, id));
  return row!;
}
async function auditOf(id = wsId) {
  return (await db())
    .select()
    .from(auditLog)
    .where(and(eq(auditLog.entityType, "workstream"), eq(auditLog.entityId, id)))
    .orderBy(asc(auditLog.id));
}
async function current(id = wsId) {
  const ws = await fresh(id);
  return (await db())
    .select()
    .from(deliverables)
    .where(and(eq(deliverables.workstreamId, id), eq(deliverables.phase, ws.phase)))
    .orderBy(asc(deliverables.position));
}
async function firstItem(id = wsId) {
  const [item] = await (await db()).select().from(workstreamItems).where(eq(workstreamItems.workstreamId, id)).orderBy(asc(workstreamItems.kind), asc(workstreamItems.position));
  return item!;
}
async function pendingReview(id = wsId) {
  const [review] = await (await db()).select().from(tollgateReviews).where(and(eq(tollgateReviews.workstreamId, id), isNull(tollgateReviews.decision)));
  return review;
}

// ---- commands as the forms call them --------------------------------------------------------

async function editItem(by: Actor, id = wsId) {
  const item = await firstItem(id);
  const status = item.status === "in_progress" ? "at_risk" : "in_progress";
  return updateWorkstreamItem({ actor: by, input: parse(itemUpdateSchema, { itemId: item.id, status, note: `set by ${by.id}`, version: String(item.version) }) });
}
async function editDeliverable(by: Actor, id = wsId) {
  const [d] = await current(id);
  const status = d!.status === "in_progress" ? "not_started" : "in_progress";
  return updateDeliverable({ actor: by, input: parse(deliverableUpdateSchema, { deliverableId: d!.id, status, reason: "", note: "", evidenceUrl: "", version: String(d!.version) }) });
}
let dateOffset = 10;
async function setDate(by: Actor, id = wsId) {
  const ws = await fresh(id);
  return setNextReviewDate({ actor: by, input: parse(reviewDateSchema, { workstreamId: id, nextReviewOn: addDays(today, dateOffset++), version: String(ws.version) }) });
}
async function request(by: Actor, id = wsId) {
  return requestReview({ actor: by, input: parse(requestReviewSchema, { workstreamId: id, version: String((await fresh(id)).version) }) });
}
async function readyAll(by: Actor, id = wsId) {
  for (const d of await current(id)) {
    if (d.status === "ready" || d.status === "not_required") continue;
    await updateDeliverable({ actor: by, input: parse(deliverableUpdateSchema, { deliverableId: d.id, status: "ready", reason: "", note: "", evidenceUrl: "", version: String(d.version) }) });
  }
}
function decide(by: Actor, reviewId: string, decision: Decision, conditions: { description: string; owner: string; dueOn: string }[] = []) {
  const input = parse(decisionSchema, {
    reviewId,
    heldOn: today,
    attendees: [people.board.id, chair.id],
    recommendations: { [people.board.id]: decision, [chair.id]: decision },
    decision,
    reasons: `Decided: ${decision}`,
    conditions,
  });
  return decideReview({ actor: by, input, today });
}

/** Board asks for rework if a review is pending, so the workstream is back in its phase. */
async function ensureActive() {
  const pending = await pendingReview();
  if (pending) await decide(people.board, pending.id, "rework");
}
/** The lead readies everything and asks for the review, unless one is pending already. */
async function ensureRequested() {
  const pending = await pendingReview();
  if (pending) return pending;
  await readyAll(people["lead CCIO"]);
  return request(people["lead CCIO"]);
}

interface Command {
  /** The permission checked, as recorded in the refusal. */
  action: Action;
  /** The audit action of a success. */
  audit: string;
  /** Arranges a state in which the command can succeed; returns the attempt. */
  prepare(): Promise<(by: Actor) => Promise<unknown>>;
}

const commands: Record<CommandName, Command> = {
  "update an objective": { action: "workstream.edit", audit: "workstream.item.updated", prepare: async () => (by) => editItem(by) },
  "update a deliverable": {
    action: "workstream.edit",
    audit: "deliverable.updated",
    prepare: async () => {
      await ensureActive();
      return (by) => editDeliverable(by);
    },
  },
  "set the review date": { action: "workstream.edit", audit: "workstream.review-date.set", prepare: async () => (by) => setDate(by) },
  "close a condition": {
    action: "condition.close",
    audit: "condition.closed",
    prepare: async () => {
      const [open] = await (await db())
        .select()
        .from(reviewConditions)
        .where(and(eq(reviewConditions.workstreamId, wsId), isNull(reviewConditions.closedAt)))
        .orderBy(asc(reviewConditions.position));
      return (by) => closeCondition({ actor: by, input: parse(closeConditionSchema, { conditionId: open!.id, closureNote: "Met, with evidence on file" }) });
    },
  },
  "request the review": {
    action: "tollgate.request",
    audit: "tollgate.requested",
    prepare: async () => {
      await ensureActive();
      await readyAll(people["lead CCIO"]);
      return (by) => request(by);
    },
  },
  "decide the review": {
    action: "tollgate.decide",
    audit: "tollgate.decided",
    prepare: async () => {
      const review = await ensureRequested();
      return (by) => decide(by, review.id, "rework");
    },
  },
  "assign the lead": {
    action: "workstream.assign-lead",
    audit: "workstream.lead.set",
    prepare: async () => {
      const ws = await fresh();
      const to = ws.leadUserId === people["other CCIO"].id ? people["lead CCIO"] : people["other CCIO"];
      return (by) => assignLead({ actor: by, input: parse(leadSchema, { workstreamId: wsId, leadUserId: to.id, version: String(ws.version) }) });
    },
  },
};

const outcome = (p: Promise<unknown>) => p.then(() => "ok", (e: unknown) => (e instanceof AppError ? e.code : `unexpected: ${String(e)}`));

beforeAll(async () => {
  const found: Partial<Record<Role, Actor>> = {};
  for (const role of roles) found[role] = await actor(emails[role]);
  people = found as Record<Role, Actor>;
  chair = await actor("board.chair@demo.nhs.uk");
  const [records] = await (await db()).select().from(workstreams).where(eq(workstreams.code, "RECORDS"));
  wsId = records!.id;
  expect(records!.leadUserId).toBe(people["lead CCIO"].id);
  // Into phase 2 with an open condition for every role to try to close.
  const review = await ensureRequested();
  await decide(
    people.board,
    review.id,
    "proceed_with_conditions",
    roles.map((_, n) => ({ description: `Condition ${n + 1}`, owner: "Programme office", dueOn: addDays(today, 30 + n) })),
  );
  expect((await fresh()).phase).toBe(2);
});

describe("who may do what to a workstream", () => {
  const cases = commandNames.flatMap((command) => roles.map((role, i) => ({ command, role, allowed: matrix[command][i]! })));

  it.each(cases)("$role: $command → allowed $allowed", async ({ command, role, allowed }) => {
    const by = people[role];
    const c = commands[command];
    const attempt = await c.prepare();
    const [auditBefore, wsBefore] = await Promise.all([auditOf(), fresh()]);
    const result = await outcome(attempt(by));
    const written = (await auditOf()).slice(auditBefore.length);
    if (allowed) {
      expect(result).toBe("ok");
      expect(written.map((w) => [w.action, w.actorId])).toEqual([[c.audit, by.id]]);
    } else {
      expect(result).toBe("forbidden");
      expect(written.map((w) => [w.action, w.actorId, w.after])).toEqual([["access.denied", by.id, { attempted: c.action, role: by.role }]]);
      expect(await fresh()).toEqual(wsBefore);
    }
  });

  it("gives refusals a message that says who may", async () => {
    const [review] = await (await db()).select().from(tollgateReviews).where(eq(tollgateReviews.workstreamId, wsId)).orderBy(asc(tollgateReviews.requestedAt)).limit(1);
    const refusal = await decide(people.admin, review!.id, "proceed").catch((e: unknown) => e as AppError);
    expect(refusal).toBeInstanceOf(AppError);
    expect((refusal as AppError).message).toBe("Only programme board members can record a tollgate decision.");
    const edit = await editItem(people.viewer).catch((e: unknown) => e as AppError);
    expect((edit as AppError).message).toMatch(/^Only the workstream's lead and administrators/);
  });
});

describe("a workstream without a lead (IG)", () => {
  let igId: string;
  beforeAll(async () => {
    const [ig] = await (await db()).select().from(workstreams).where(eq(workstreams.code, "IG"));
    expect(ig!.leadUserId).toBeNull();
    igId = ig!.id;
  });

  it("cannot be edited by any CCIO, but can by an administrator", async () => {
    const before = (await auditOf(igId)).length;
    for (const ccio of [people["lead CCIO"], people["other CCIO"]]) {
      expect(await outcome(editItem(ccio, igId))).toBe("forbidden");
      expect(await outcome(editDeliverable(ccio, igId))).toBe("forbidden");
      expect(await outcome(setDate(ccio, igId))).toBe("forbidden");
      expect(await outcome(request(ccio, igId))).toBe("forbidden");
    }
    const refusals = (await auditOf(igId)).slice(before);
    expect(refusals.map((r) => r.action)).toEqual(Array(8).fill("access.denied"));
    expect(refusals.map((r) => (r.after as { attempted: string }).attempted)).toEqual(
      Array(2).fill(["workstream.edit", "workstream.edit", "workstream.edit", "tollgate.request"]).flat(),
    );
    expect(await outcome(editItem(people.admin, igId))).toBe("ok");
  });

  it("takes a lead only if the lead is an active CCIO, and nothing is written otherwise", async () => {
    const [someCcio] = await (await db()).insert(users).values({ email: "ccio.left@demo.nhs.uk", name: "Dr Left Early", role: "ccio", disabledAt: new Date() }).returning();
    const assign = async (leadUserId: string) => {
      const ws = await fresh(igId);
      return assignLead({ actor: people.admin, input: parse(leadSchema, { workstreamId: igId, leadUserId, version: String(ws.version) }) });
    };
    for (const notACcio of [people.viewer.id, people.board.id, people.CIO.id, people.admin.id, someCcio!.id, "00000000-0000-4000-8000-000000000000"]) {
      const [auditBefore, wsBefore] = await Promise.all([auditOf(igId), fresh(igId)]);
      const error = await assign(notACcio).catch((e: unknown) => e);
      expect(error instanceof AppError ? error.code : String(error)).toBe("invalid");
      expect((error as AppError).fieldErrors).toEqual({ leadUserId: "Choose an active CCIO from the list" });
      expect(await auditOf(igId)).toHaveLength(auditBefore.length);
      expect(await fresh(igId)).toEqual(wsBefore);
    }

    // Once named, the CCIO may edit it; the other may not.
    await assign(people["other CCIO"].id);
    expect((await fresh(igId)).leadUserId).toBe(people["other CCIO"].id);
    expect(await outcome(editItem(people["other CCIO"], igId))).toBe("ok");
    expect(await outcome(editItem(people["lead CCIO"], igId))).toBe("forbidden");
  });
});

describe("the permission is checked again on the locked workstream", () => {
  it("refuses a step whose actor stopped being the lead after the first check", async () => {
    const db = await testDb();
    const [citizen] = await db.select().from(workstreams).where(eq(workstreams.code, "CITIZEN"));
    const lead = await actor(demo.ccio);
    const other = await actor("ccio.bw@demo.nhs.uk");
    const { lockWorkstream } = await import("@/db/commands/workstreams");
    const still = { actor: lead, action: "workstream.edit" as Action, message: "no longer the lead" };
    // Unchanged lead: the row comes back locked.
    expect((await db.transaction((tx) => lockWorkstream(tx, citizen!.id, still))).id).toBe(citizen!.id);
    // The lead changes before the lock is taken: the step is refused and nothing is kept.
    const attempt = db.transaction(async (tx) => {
      await tx.update(workstreams).set({ leadUserId: other.id }).where(eq(workstreams.id, citizen!.id));
      await lockWorkstream(tx, citizen!.id, still);
    });
    await expect(attempt).rejects.toMatchObject({ code: "forbidden", message: "no longer the lead" });
    const [after] = await db.select().from(workstreams).where(eq(workstreams.id, citizen!.id));
    expect(after!.leadUserId).toBe(lead.id);
  });
});
