import { eq, inArray, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { setUserDisabled, updateUserAccess } from "@/db/commands/users";
import { listAuditEntriesByEntity } from "@/db/queries/audit";
import { lifecycles, stpGoals, users, workstreams } from "@/db/schema";
import { seedDemoIfEmpty, seedWorkstreams } from "@/db/seed/seed";
import { describeChange } from "@/lib/history";
import { actor, demo } from "../support/fixtures";
import { testDb } from "../support/test-database";
import { getAlignmentMatrix, getWorkstreamById, listWorkstreamOverview } from "@/db/queries/workstreams";
import { bobLifecycle, bobWorkstreams } from "@/db/seed/bob-workstreams";

describe("the seeded workstreams", () => {
  it("are the roadmap's five, each at the start of phase 1 with its Initiation outputs as deliverables", async () => {
    const overview = await listWorkstreamOverview();
    expect(overview.map((w) => w.code)).toEqual(bobWorkstreams.map((w) => w.code));
    for (const w of overview) {
      expect([w.phase, w.status, w.phases.length]).toEqual([1, "active", 8]);
      expect(w.deliverablesOutstanding).toBe(bobLifecycle.phases[0]!.outputs.length);
    }
    expect(overview.find((w) => w.code === "RECORDS")!.leadName).toBe("Dr Chris Clarke");
    expect(overview.find((w) => w.code === "IG")!.leadName).toBeNull();
  });

  it("keep each objective and requirement as its own item, and the lifecycle's phases with their outputs", async () => {
    const records = (await listWorkstreamOverview()).find((w) => w.code === "RECORDS")!;
    const detail = (await getWorkstreamById({ workstreamId: records.id }))!;
    const seed = bobWorkstreams.find((w) => w.code === "RECORDS")!;
    expect(detail.objectives.map((i) => i.text)).toEqual(seed.objectives);
    expect(detail.requirements.map((i) => i.text)).toEqual(seed.requirements);
    expect(detail.phases.map((p) => p.name)).toEqual(bobLifecycle.phases.map((p) => p.name));
    expect(detail.phases[3]!.outputs).toContain("Design Blueprint");
    expect(detail.phases[7]!.reviewName).toBe("Closure Review");
    expect(detail.footprints.map((f) => f.code).sort()).toEqual(["BERKSW", "BUCKS", "OXON"]);
  });

  it("map every workstream to the STP goals with the roadmap's examples", async () => {
    const m = await getAlignmentMatrix();
    expect(m.goals).toHaveLength(7);
    const expected = bobWorkstreams.reduce((n, w) => n + w.goalExamples.length, 0);
    expect(m.cells).toHaveLength(expected);
    const ig = m.workstreams.find((w) => w.code === "IG")!;
    const prevention = m.goals.find((g) => g.code === "PREVENTION")!;
    expect(m.cells.find((c) => c.workstreamId === ig.id && c.goalId === prevention.id)!.examples.join(" ")).toContain("how data is used");
  });
});

describe("a demo database made before workstreams existed", () => {
  it("gets the workstreams on its next start, led by the demo CCIOs; a deleted account stays deleted; a second start adds nothing", async () => {
    const db = await testDb();
    // Back to how such a database looked: no workstream data; an account deleted since.
    await db.delete(workstreams);
    await db.delete(stpGoals);
    await db.delete(lifecycles);
    await db.delete(users).where(inArray(users.email, ["board.chair@demo.nhs.uk"]));
    const before = (await db.select({ email: users.email }).from(users)).map((u) => u.email).sort();
    expect(await seedDemoIfEmpty(db, { accounts: "demo" })).toEqual({ seeded: false, firstAdmin: null });
    const overview = await listWorkstreamOverview();
    expect(overview.map((w) => [w.code, w.leadName])).toEqual([
      ["RECORDS", "Dr Chris Clarke"],
      ["CITIZEN", "Dr Chris Clarke"],
      ["INTELLIGENCE", "Dr Fatima Rahman"],
      ["INFRASTRUCTURE", "Dr Fatima Rahman"],
      ["IG", null],
    ]);
    // A start never makes accounts again, demo or not: the deleted one is not back.
    await seedDemoIfEmpty(db, { accounts: "first-admin" });
    expect((await db.select({ email: users.email }).from(users)).map((u) => u.email).sort()).toEqual(before);
    const count = async () => (await db.select({ n: sql<number>`count(*)::int` }).from(workstreams))[0]!.n;
    expect(await seedWorkstreams(db)).toBe(false);
    await seedDemoIfEmpty(db, { accounts: "demo" });
    expect(await count()).toBe(5);
  });
});

describe("a lead who stops being an active CCIO", () => {
  it("no longer leads: their workstreams are left for an admin to give a new lead, with the change in each one's history", async () => {
    const db = await testDb();
    const admin = await actor(demo.admin);
    const [bw] = await db.select().from(users).where(eq(users.email, "ccio.bw@demo.nhs.uk"));
    await updateUserAccess({ actor: admin, userId: bw!.id, role: "viewer", organisationIds: [] });
    const [chris] = await db.select().from(users).where(eq(users.email, demo.ccio));
    await setUserDisabled({ actor: admin, userId: chris!.id, disabled: true });
    const overview = await listWorkstreamOverview();
    expect(overview.map((w) => w.leadName)).toEqual([null, null, null, null, null]);
    const intelligence = overview.find((w) => w.code === "INTELLIGENCE")!;
    const [entry] = await listAuditEntriesByEntity({ entityType: "workstream", entityId: intelligence.id });
    expect(entry).toMatchObject({ action: "workstream.lead.set", actorName: "Alex Morgan" });
    expect(describeChange(entry!)).toBe("Changed the lead from Dr Fatima Rahman to nobody (Dr Fatima Rahman is no longer a CCIO)");
    const records = overview.find((w) => w.code === "RECORDS")!;
    const [recordsEntry] = await listAuditEntriesByEntity({ entityType: "workstream", entityId: records.id });
    expect(describeChange(recordsEntry!)).toBe("Changed the lead from Dr Chris Clarke to nobody (Dr Chris Clarke's account was disabled)");
  });
});
