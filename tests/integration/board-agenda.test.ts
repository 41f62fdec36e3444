// The board view's agenda: what a meeting decides on, what is coming, and what it decided.
import { and, asc, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { decideReview, requestReview } from "@/db/commands/tollgate-reviews";
import { setNextReviewDate, updateDeliverable } from "@/db/commands/workstreams";
import { getBoardAgenda, getWorkstreamById } from "@/db/queries/workstreams";
import { deliverables, workstreams, type Workstream } from "@/db/schema";
import { londonDate } from "@/lib/as-at";
import type { Actor } from "@/lib/permissions";
import { decisionSchema, deliverableUpdateSchema, requestReviewSchema, reviewDateSchema } from "@/lib/schemas/workstream";
import { actor, demo } from "../support/fixtures";
import { testDb } from "../support/test-database";

const today = londonDate();
const plusDays = (days: number) => new Date(Date.parse(`${today}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

let lead: Actor;
let bwLead: Actor;
let board: Actor;
const byCode = async (code: string): Promise<Workstream> => (await (await testDb()).select().from(workstreams).where(eq(workstreams.code, code)))[0]!;

beforeAll(async () => {
  lead = await actor(demo.ccio);
  bwLead = await actor("ccio.bw@demo.nhs.uk");
  board = await actor(demo.board);
});

async function readyAll(by: Actor, ws: Workstream, withNote: string) {
  const db = await testDb();
  const rows = await db.select().from(deliverables).where(and(eq(deliverables.workstreamId, ws.id), eq(deliverables.phase, ws.phase))).orderBy(asc(deliverables.position));
  for (const [i, d] of rows.entries()) {
    const input = deliverableUpdateSchema.parse({
      deliverableId: d.id,
      status: i === 1 ? "not_required" : "ready",
      reason: i === 1 ? "Covered by the STP case" : "",
      note: i === 0 ? withNote : "",
      evidenceUrl: i === 0 ? "https://example.nhs.uk/charter" : "",
      version: d.version,
    });
    await updateDeliverable({ actor: by, input });
  }
}
const request = async (by: Actor, ws: Workstream) => requestReview({ actor: by, input: requestReviewSchema.parse({ workstreamId: ws.id, version: (await byCode(ws.code)).version }) });

describe("the board's agenda", () => {
  it("lists each review awaiting a decision with the deliverables it decides on: status, reason, note and evidence", async () => {
    const citizen = await byCode("CITIZEN");
    await readyAll(lead, citizen, "Agreed at the CCIO forum");
    const review = await request(lead, citizen);
    const pending = (await getBoardAgenda({ decidedSince: today })).pending.find((r) => r.id === review.id)!;
    expect([pending.ready, pending.notRequired]).toEqual([4, 1]);
    expect(pending.deliverables.map((d) => d.name)).toEqual(["Strategic imperatives", "Transformational scope", "Define strategic outcomes", "Outline strategic benefits", "Develop strategic business case"]);
    expect(pending.deliverables[0]).toMatchObject({ status: "ready", note: "Agreed at the CCIO forum", evidenceUrl: "https://example.nhs.uk/charter" });
    expect(pending.deliverables[1]).toMatchObject({ status: "not_required", reason: "Covered by the STP case" });
  });

  it("lists the reviews planned, soonest first, and leaves out a workstream once its review is requested", async () => {
    for (const [code, days] of [["INFRASTRUCTURE", 30], ["INTELLIGENCE", 10]] as const) {
      const ws = await byCode(code);
      await setNextReviewDate({ actor: bwLead, input: reviewDateSchema.parse({ workstreamId: ws.id, nextReviewOn: plusDays(days), version: ws.version }) });
    }
    const planned = (await getBoardAgenda({ decidedSince: today })).planned;
    expect(planned.map((p) => [p.name, p.nextReviewOn, p.leadName])).toEqual([
      ["Whole system intelligence", plusDays(10), "Dr Fatima Rahman"],
      ["Infrastructure & network connectivity", plusDays(30), "Dr Fatima Rahman"],
    ]);
    const intelligence = await byCode("INTELLIGENCE");
    await readyAll(bwLead, intelligence, "");
    await request(bwLead, intelligence);
    expect((await getBoardAgenda({ decidedSince: today })).planned.map((p) => p.name)).toEqual(["Infrastructure & network connectivity"]);
  });

  it("numbers a phase's second review after rework, and lists decisions by meeting date, latest first", async () => {
    const records = await byCode("RECORDS");
    await readyAll(lead, records, "");
    const first = await request(lead, records);
    const decide = (reviewId: string, decision: "rework" | "proceed", heldOn: string) =>
      decideReview({
        actor: board,
        input: decisionSchema.parse({ reviewId, heldOn, attendees: [board.id], recommendations: { [board.id]: decision }, decision, reasons: `${decision} it`, conditions: [] }),
      });
    await decide(first.id, "rework", today);
    const second = await request(lead, records);
    const detail = (await getWorkstreamById({ workstreamId: records.id }))!;
    expect(detail.reviews.map((r) => [r.id, r.phase, r.attempt])).toEqual([
      [second.id, 1, 2],
      [first.id, 1, 1],
    ]);
    await decide(second.id, "proceed", today);
    const recent = (await getBoardAgenda({ decidedSince: today })).recent.filter((r) => r.workstreamId === records.id);
    expect(recent.map((r) => [r.decision, r.attempt])).toEqual([
      ["proceed", 2],
      ["rework", 1],
    ]);
  });
});
