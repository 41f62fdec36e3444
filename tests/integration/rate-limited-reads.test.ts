// Through the route handlers: downloads and API lists answer 429 with Retry-After once the
// caller is over the limit, and the scores download of all England is written as its
// pages are read (the first bytes go out before the later pages are fetched).
import { NextRequest } from "next/server";
import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";
const session = vi.hoisted(() => ({ user: null as unknown }));
vi.mock("@/lib/auth/session", () => ({ getCurrentUser: vi.fn(async () => session.user) }));
import { GET as exportTable } from "@/app/export/[table]/route";
import { GET as listScores } from "@/app/api/v1/scores/route";
import { queryCounter } from "@/db/client";
import { DOMAIN_SCORE_PAGE_SIZE, listDomainScoresWithCodes, pagesOfDomainScoresWithCodes } from "@/db/queries/domain-scores";
import { rateLimitCounters } from "@/db/schema";
import { RATE_LIMIT_WINDOW_MS, rateLimitPerMinute } from "@/lib/rate-limit";
import { parse } from "csv-parse/sync";
import { actor, demo } from "../support/fixtures";
import { testDb } from "../support/test-database";
import { apiRequest, call, tokenFor } from "./api-support";

const windowOf = (now: Date) => {
  const start = Math.floor(now.getTime() / RATE_LIMIT_WINDOW_MS) * RATE_LIMIT_WINDOW_MS;
  return { windowStart: new Date(start), windowEnd: new Date(start + RATE_LIMIT_WINDOW_MS) };
};

/** Uses up a counter's current minute (as other requests, on any instance, would have). */
async function useUp(key: string, hits: number) {
  const db = await testDb();
  // Both this minute and the next, so that a test running across a minute's turn still sees it.
  const now = new Date();
  for (const at of [now, new Date(now.getTime() + RATE_LIMIT_WINDOW_MS)]) {
    await db
      .insert(rateLimitCounters)
      .values({ key, ...windowOf(at), hits })
      .onConflictDoUpdate({ target: [rateLimitCounters.key, rateLimitCounters.windowStart], set: { hits } });
  }
}

const download = (path: string) => exportTable(new NextRequest(`http://localhost:3000${path}`), { params: Promise.resolve({ table: path.split("/")[2]!.split("?")[0]! }) });

let viewer: Awaited<ReturnType<typeof actor>>;
beforeAll(async () => {
  viewer = await actor(demo.viewer);
});
afterEach(() => {
  vi.restoreAllMocks();
  session.user = null;
});

describe("over the limit", () => {
  it("a download answers 429 with Retry-After and a message saying how long to wait", async () => {
    const board = await actor(demo.board);
    session.user = board;
    await useUp(`export:user:${board.id}`, rateLimitPerMinute("export"));
    const response = await download("/export/scores?format=csv");
    expect(response.status).toBe(429);
    const retryAfter = Number(response.headers.get("Retry-After"));
    expect(retryAfter).toBeGreaterThanOrEqual(1);
    expect(retryAfter).toBeLessThanOrEqual(60);
    const body = (await response.json()) as { error: { code: string; message: string } };
    expect(body.error.code).toBe("rate_limited");
    expect(body.error.message).toMatch(/^You have made more than \d+ downloads in a minute\. Please wait \d+ seconds? and try again\.$/);
    // Another user may still download.
    session.user = viewer;
    expect((await download("/export/scores?format=csv&organisation=RTH")).status).toBe(200);
  });

  it("an API list answers 429 with Retry-After for that token, while another token of the same user is served", async () => {
    const first = await tokenFor(demo.ccio);
    const second = await tokenFor(demo.ccio);
    await useUp(`api-list:token:${first.token.id}`, rateLimitPerMinute("api-list"));
    const refused = await call(listScores, apiRequest("/scores?limit=1", { secret: first.secret }));
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get("Retry-After"))).toBeGreaterThanOrEqual(1);
    expect(refused.body.error.code).toBe("rate_limited");
    expect((await call(listScores, apiRequest("/scores?limit=1", { secret: second.secret }))).status).toBe(200);
  });
});

describe("the scores download of all England", () => {
  const pageQueriesWhile = async <T>(work: () => Promise<T>, seen: string[]) => {
    const log = queryCounter.logQuery.bind(queryCounter);
    vi.spyOn(queryCounter, "logQuery").mockImplementation((query, params) => {
      if (query.includes('from "domain_scores"') && / limit \$\d+$/.test(query)) seen.push(query);
      log(query, params);
    });
    try {
      return await work();
    } finally {
      vi.restoreAllMocks();
    }
  };

  it("is read in keyset pages that hold exactly the rows of one read, one query a page", async () => {
    const all = await listDomainScoresWithCodes();
    expect(all.length).toBeGreaterThan(2_000);
    const seen: string[] = [];
    const pages = await pageQueriesWhile(async () => {
      const out = [];
      for await (const page of pagesOfDomainScoresWithCodes({}, 300)) out.push(page);
      return out;
    }, seen);
    expect(pages.map((p) => p.length).slice(0, -1).every((n) => n === 300)).toBe(true);
    expect(seen).toHaveLength(Math.floor(all.length / 300) + 1);
    expect(pages.flat()).toEqual(all);
  });

  it("sends its first bytes before any page of scores is read, and then every score", async () => {
    session.user = await actor(demo.admin);
    const seen: string[] = [];
    const chunks: Uint8Array[] = [];
    await pageQueriesWhile(async () => {
      const response = await download("/export/scores?format=csv");
      expect(response.status).toBe(200);
      const reader = response.body!.getReader();
      chunks.push((await reader.read()).value!);
      expect(seen).toHaveLength(0);
      for (let next = await reader.read(); !next.done; next = await reader.read()) chunks.push(next.value);
    }, seen);
    expect(seen).toHaveLength(1 + Math.floor(((await listDomainScoresWithCodes()).length) / DOMAIN_SCORE_PAGE_SIZE));
    const records = parse(Buffer.concat(chunks), { bom: true }) as string[][];
    expect(records[0]).toEqual(["ods_code", "framework", "period", "domain", "score"]);
    // An admin sees drafts too: every score with an ODS code.
    expect(records.length - 1).toBe((await listDomainScoresWithCodes()).length);
  });
});
