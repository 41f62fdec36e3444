// GET /api/v1/targets?status=: every scope with targets is judged to filter by status,
// in a few queries per framework however many scopes have targets (it was several queries
// a scope), and its pages together are exactly the filtered list.
import { beforeAll, describe, expect, it, vi } from "vitest";
vi.mock("@/lib/auth/session", () => ({ getCurrentUser: vi.fn(async () => null) }));
import { GET as listTargets } from "@/app/api/v1/targets/route";
import { queryCounter } from "@/db/client";
import { organisations, systems, targets } from "@/db/schema";
import { demo, seeded } from "../support/fixtures";
import { testDb } from "../support/test-database";
import { apiRequest, call, tokenFor } from "./api-support";

let secret: string;
let s: Awaited<ReturnType<typeof seeded>>;
beforeAll(async () => {
  s = await seeded();
  secret = (await tokenFor(demo.viewer)).secret;
});

async function answer(path: string) {
  const before = queryCounter.count;
  const got = await call(listTargets, apiRequest(path, { secret }));
  expect(got.status, JSON.stringify(got.body)).toBe(200);
  return { body: got.body as { data: { id: string; trajectory: { status: string } }[]; paging: { total: number } }, queries: queryCounter.count - before };
}

const statuses = ["off-track", "at-risk", "on-track", "no-target", "no-data"];

describe("the targets list filtered by status", () => {
  it("issues no more queries with 60 more organisations' and 20 more systems' targets (it was several more a scope)", async () => {
    const before: Record<string, number> = {};
    for (const status of statuses) before[status] = (await answer(`/targets?status=${status}&limit=5`)).queries;

    const db = await testDb();
    const others = await db.select({ id: organisations.id }).from(organisations).limit(60);
    const otherSystems = await db.select({ id: systems.id }).from(systems).limit(20);
    const domainId = s.domainId("C1");
    await db.insert(targets).values([
      ...others.map((o, i) => ({ scope: "organisation" as const, organisationId: o.id, domainId, financialYear: 2030 + (i % 3), score: 50 + (i % 40) })),
      ...otherSystems.map((x) => ({ scope: "system" as const, systemId: x.id, domainId, financialYear: 2031, score: 80 })),
    ]).onConflictDoNothing();

    // Fewer at most: a query for a kind of place with no targets is skipped.
    for (const status of statuses) expect((await answer(`/targets?status=${status}&limit=5`)).queries, status).toBeLessThanOrEqual(before[status]!);
  });

  it("pages through exactly the filtered list, with its total", async () => {
    const all = await answer("/targets?limit=1000");
    for (const status of statuses) {
      const wanted = all.body.data.filter((t) => t.trajectory.status === status).map((t) => t.id);
      const seen: string[] = [];
      let total = -1;
      for (let offset = 0; offset < wanted.length + 7; offset += 7) {
        const page = await answer(`/targets?status=${status}&limit=7&offset=${offset}`);
        total = page.body.paging.total;
        seen.push(...page.body.data.map((t) => t.id));
        for (const t of page.body.data) expect(t.trajectory.status).toBe(status);
      }
      expect(total, status).toBe(wanted.length);
      expect(seen, status).toEqual(wanted);
    }
    // Something to page through: the seed's targets are judged into more than one status.
    expect(new Set(all.body.data.map((t) => t.trajectory.status)).size).toBeGreaterThan(1);
  });
});
