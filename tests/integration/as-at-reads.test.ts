// The "as at" reads (trajectories and the board pack) fetch only the history of the place,
// framework and period asked for: adding other systems' target changes and other
// assessments' score changes does not add a single row to what they read.
import { randomUUID } from "node:crypto";
import { ne } from "drizzle-orm";
import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { databaseHandle, queryCounter } from "@/db/client";
import { getBoardPackData } from "@/db/queries/board-pack";
import { getTrajectoryData } from "@/db/queries/trajectories";
import { auditLog, systems } from "@/db/schema";
import { londonDate } from "@/lib/as-at";
import { seeded } from "../support/fixtures";
import { testDb } from "../support/test-database";

let s: Awaited<ReturnType<typeof seeded>>;
beforeAll(async () => {
  s = await seeded();
});
afterEach(() => {
  vi.restoreAllMocks();
});

/** Runs a read, then runs each statement it issued again and adds up the rows they return. */
async function rowsFetchedBy(read: () => Promise<unknown>): Promise<{ result: unknown; rows: number; statements: number }> {
  const issued: { query: string; params: unknown[] }[] = [];
  const log = queryCounter.logQuery.bind(queryCounter);
  vi.spyOn(queryCounter, "logQuery").mockImplementation((query, params) => {
    issued.push({ query, params });
    log(query, params);
  });
  const result = await read();
  vi.restoreAllMocks();
  const handle = await databaseHandle();
  let rows = 0;
  for (const { query, params } of issued) {
    rows += handle.kind === "pglite" ? (await handle.client.query(query, params)).rows.length : (await handle.client.unsafe(query, params as never[])).length;
  }
  return { result, rows, statements: issued.length };
}

const today = londonDate();
const PAST = "2020-12-31";

const reads: Record<string, () => Promise<unknown>> = {
  "BOB's trajectories as at 31 December 2020": () =>
    getTrajectoryData({ frameworkId: s.dmi.id, careSetting: "all", domainIds: s.dmiDomains.map((d) => d.id), scope: { type: "system", id: s.bob.id }, asAt: PAST }),
  "RTH's trajectories as at 31 December 2020": () =>
    getTrajectoryData({ frameworkId: s.dmi.id, careSetting: "all", domainIds: s.dmiDomains.map((d) => d.id), scope: { type: "organisation", id: s.byOds("RTH") }, asAt: PAST }),
  "BOB's board pack as at 31 December 2020": () => getBoardPackData({ asAt: PAST, today }),
};

describe("the as-at reads", () => {
  it("read the same rows, with the same result, after 3,000 target changes elsewhere and 3,000 score changes of other assessments", async () => {
    const before: Record<string, { rows: number; result: string }> = {};
    for (const [what, read] of Object.entries(reads)) {
      const { result, rows } = await rowsFetchedBy(read);
      expect(rows, what).toBeGreaterThan(0);
      before[what] = { rows, result: JSON.stringify(result) };
    }

    const db = await testDb();
    const others = await db.select({ id: systems.id }).from(systems).where(ne(systems.id, s.bob.id));
    const at = new Date("2019-06-01T12:00:00Z");
    const noise = [
      // Other systems' targets, set and removed.
      ...Array.from({ length: 3000 }, (_, i) => ({
        at,
        action: i % 10 === 0 ? "target.removed" : "target.set",
        entityType: "target",
        entityId: randomUUID(),
        before: i % 10 === 0 ? { scope: "system", scopeId: others[i % others.length]!.id, domainId: s.dmiDomains[i % s.dmiDomains.length]!.id, financialYear: 2019, score: 50 } : null,
        after: i % 10 === 0 ? null : { scope: "system", scopeId: others[i % others.length]!.id, domainId: s.dmiDomains[i % s.dmiDomains.length]!.id, financialYear: 2019, score: 50 },
      })),
      // Score changes of BOB's own providers, but of assessments these reads are not about.
      ...Array.from({ length: 3000 }, (_, i) => ({
        at,
        action: "score.changed",
        entityType: "domain_score",
        entityId: `${randomUUID()}:${s.dmiDomains[i % s.dmiDomains.length]!.id}`,
        organisationId: s.byOds("RTH"),
        before: null,
        after: { score: 99 },
      })),
    ];
    for (let i = 0; i < noise.length; i += 1000) await db.insert(auditLog).values(noise.slice(i, i + 1000));

    for (const [what, read] of Object.entries(reads)) {
      const { result, rows } = await rowsFetchedBy(read);
      expect(JSON.stringify(result), what).toBe(before[what]!.result);
      expect(rows, what).toBe(before[what]!.rows);
    }
  });
});
