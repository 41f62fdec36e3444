import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { removeTarget, setTarget } from "@/db/commands/targets";
import { listAuditEntriesByEntity } from "@/db/queries/audit";
import { listFootprints, listSystems } from "@/db/queries/places";
import { getTrajectoryData } from "@/db/queries/trajectories";
import { frameworkDomains, frameworks, targets } from "@/db/schema";
import { AppError } from "@/lib/errors";
import { targetInputSchema, type TargetInput } from "@/lib/schemas/target";
import { actor, demo, seeded } from "../support/fixtures";
import { testDb } from "../support/test-database";

let s: Awaited<ReturnType<typeof seeded>>;
let systemId: string;
let oxonId: string;
beforeAll(async () => {
  s = await seeded();
  systemId = (await listSystems())[0]!.id;
  oxonId = (await listFootprints()).find((f) => f.code === "OXON")!.id;
});

const input = (overrides: Partial<Record<keyof TargetInput, string>>): TargetInput => {
  const parsed = targetInputSchema.safeParse({ scope: "footprint", scopeId: oxonId, frameworkId: s.dmi.id, domainId: s.domainId("C4"), financialYear: "2019/20", score: "75", ...overrides });
  if (!parsed.success) throw new Error(parsed.error.issues.map((i) => i.message).join("; "));
  return parsed.data;
};
const code = (p: Promise<unknown>) => p.then(() => "ok", (e: unknown) => (e instanceof AppError ? e.code : String(e)));

describe("the seeded BOB targets", () => {
  it("are the trajectory table's targets for the seven capability domains", async () => {
    const data = await getTrajectoryData({ frameworkId: s.dmi.id, careSetting: "all", domainIds: s.dmiDomains.map((d) => d.id), scope: { type: "system", id: systemId } });
    const c1 = data.targets.filter((t) => t.domainId === s.domainId("C1")).sort((a, b) => a.financialYear - b.financialYear);
    expect(c1.map((t) => [t.financialYear, t.score])).toEqual([
      [2016, 55],
      [2017, 69],
      [2018, 86],
    ]);
    expect(data.targets).toHaveLength(21);
  });
});

describe("setting targets", () => {
  it("lets a board member set a footprint target, then change it, with both changes in the history", async () => {
    const board = await actor(demo.board);
    const created = await setTarget({ actor: board, input: input({}) });
    expect(created.score).toBe(75);
    const changed = await setTarget({ actor: board, input: input({ score: "80", version: String(created.version) }) });
    expect([changed.score, changed.version]).toEqual([80, 2]);
    const history = await listAuditEntriesByEntity({ entityType: "target", entityId: created.id });
    expect(history.map((h) => [(h.before as { score: number } | null)?.score ?? null, (h.after as { score: number }).score])).toEqual([
      [75, 80],
      [null, 75],
    ]);
  });

  it("refuses a change based on an out-of-date version, and an add over an existing target", async () => {
    const board = await actor(demo.board);
    const first = await setTarget({ actor: board, input: input({ domainId: s.domainId("C5"), score: "60" }) });
    await setTarget({ actor: board, input: input({ domainId: s.domainId("C5"), score: "61", version: String(first.version) }) });
    expect(await code(setTarget({ actor: board, input: input({ domainId: s.domainId("C5"), score: "99", version: String(first.version) }) }))).toBe("conflict");
    expect(await code(setTarget({ actor: board, input: input({ domainId: s.domainId("C5"), score: "99" }) }))).toBe("conflict");
    const db = await testDb();
    const [row] = await db.select().from(targets).where(eq(targets.id, first.id));
    expect(row!.score).toBe(61);
  });

  it("lets a CIO set their own organisation's targets only, and refuses viewers and CCIOs", async () => {
    const cio = await actor(demo.cioOuh);
    const own = input({ scope: "organisation", scopeId: s.byOds("RTH") });
    expect(await code(setTarget({ actor: cio, input: own }))).toBe("ok");
    expect(await code(setTarget({ actor: cio, input: input({ scope: "organisation", scopeId: s.byOds("RHW") }) }))).toBe("forbidden");
    expect(await code(setTarget({ actor: cio, input: input({ domainId: s.domainId("C6") }) }))).toBe("forbidden");
    expect(await code(setTarget({ actor: await actor(demo.board), input: input({ scope: "organisation", scopeId: s.byOds("RHW") }) }))).toBe("forbidden");
    for (const email of [demo.viewer, demo.ccio]) {
      expect(await code(setTarget({ actor: await actor(email), input: input({ domainId: s.domainId("C7") }) }))).toBe("forbidden");
    }
    const denied = await listAuditEntriesByEntity({ entityType: "target", entityId: `${s.byOds("RHW")}:${s.domainId("C4")}:2019` });
    expect(denied.map((d) => d.action)).toEqual(["access.denied", "access.denied"]);
  });

  it("refuses a domain of another framework, and rejects bad scores and years before they reach the database", async () => {
    const db = await testDb();
    const [other] = await db.insert(frameworks).values({ code: "OTHER", name: "Other", version: "1" }).returning();
    const board = await actor(demo.board);
    expect(await code(setTarget({ actor: board, input: input({ frameworkId: other!.id }) }))).toBe("invalid");
    const messages = (raw: Record<string, string>) => {
      const r = targetInputSchema.safeParse({ scope: "system", scopeId: systemId, frameworkId: s.dmi.id, domainId: s.domainId("C1"), financialYear: "2019/20", score: "50", ...raw });
      return r.success ? [] : r.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`);
    };
    // The form's schema reads any number; the framework's scale (0–100 whole numbers here)
    // is checked by setTarget, which refuses before writing anything.
    expect(messages({ score: "101" })).toEqual([]);
    for (const [score, message] of [
      ["101", "The target must be from 0 to 100 (not 101)"],
      ["12.5", "The target must be a whole number (not 12.5)"],
    ] as const) {
      const refused = await setTarget({ actor: board, input: input({ domainId: s.domainId("C3"), score }) }).catch((e: unknown) => e);
      expect(refused, score).toBeInstanceOf(AppError);
      expect([(refused as AppError).code, (refused as AppError).fieldErrors], score).toEqual(["invalid", { score: message }]);
    }
    const saved = await db.select().from(targets).where(and(eq(targets.footprintId, oxonId), eq(targets.domainId, s.domainId("C3")), eq(targets.financialYear, 2019)));
    expect(saved).toEqual([]);
    expect(messages({ score: "-3" })).toEqual(["score: The target must be a number, like 75 or 3.5"]);
    expect(messages({ score: "" })).toEqual(["score: Enter the target score"]);
    expect(messages({ financialYear: "2019/21" })).toEqual(["financialYear: Enter the financial year like 2017/18 (“2019/21” is not one)"]);
    const domains = await db.select().from(frameworkDomains).where(eq(frameworkDomains.frameworkId, other!.id));
    expect(domains).toEqual([]);
  });

  it("removes a target with a version check, recording what it was", async () => {
    const board = await actor(demo.board);
    const t = await setTarget({ actor: board, input: input({ domainId: s.domainId("C2"), score: "66" }) });
    expect(await code(removeTarget({ actor: board, targetId: t.id, version: t.version + 1 }))).toBe("conflict");
    expect(await code(removeTarget({ actor: await actor(demo.viewer), targetId: t.id, version: t.version }))).toBe("forbidden");
    await removeTarget({ actor: board, targetId: t.id, version: t.version });
    const history = await listAuditEntriesByEntity({ entityType: "target", entityId: t.id });
    expect(history[0]).toMatchObject({ action: "target.removed", after: null, before: { score: 66 } });
  });
});
