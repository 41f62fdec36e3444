import { and, count, eq, isNotNull } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { importJobs } from "@/db/schema";
import { fuzzCase, shortLimits } from "../fuzz/generators";
import { forgetPreviews, newTally, record, runCase, sampleMemory, summaryTable, type CaseResult } from "../fuzz/harness";
import { actor, demo } from "../support/fixtures";

// The short pass of the import fuzzer (the long one is `npm run fuzz`, docs/fuzzing.md):
// generated and damaged CSV and XLSX files through checkImport, the import path the route
// handler uses, each answered with a preview or an error a person can act on, in bounded
// memory. A fixed seed, so that a failure here is the same failure on every machine;
// FUZZ_SEED and FUZZ_RUNS try others.

// 40 cases: each workbook starts two reading workers (the DMA check and the rows), about
// half a second of CPU, and the pass must stay within CI's budget (docs/fuzzing.md).
const RUNS = Number(process.env.FUZZ_RUNS ?? 40);
const SEED = Number(process.env.FUZZ_SEED ?? 20261208);
/** A case with no answer in this long has hung (the long pass gives 60 s). */
const CASE_TIMEOUT_MS = 20_000;
/** The memory bound of docs/fuzzing.md, for the test process as a whole. */
const RSS_BOUND = 1536 * 1024 * 1024;
const MAX_FAILURES = 5;

function withTimeout(work: Promise<CaseResult>): Promise<CaseResult> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<CaseResult>((resolve) => {
    timer = setTimeout(() => resolve({ outcome: "failure", message: `no answer after ${CASE_TIMEOUT_MS / 1000} s`, ms: CASE_TIMEOUT_MS }), CASE_TIMEOUT_MS);
  });
  return Promise.race([work, late]).finally(() => clearTimeout(timer));
}

describe("import fuzzing, the short pass", () => {
  it(`answers ${RUNS} generated and damaged files with a preview or a clear error, in bounded memory`, async () => {
    const admin = await actor(demo.admin);
    const tally = newTally();
    const sampler = setInterval(() => sampleMemory(tally), 50);
    let pending = -1;
    try {
      for (let index = 0; index < RUNS; index++) {
        const c = fuzzCase(shortLimits, SEED, index);
        record(tally, index, c, await withTimeout(runCase(admin, c)));
        sampleMemory(tally);
        // A few failures say enough; hangs would otherwise run the test past its limit.
        if (tally.failures.length >= MAX_FAILURES) break;
      }
      // Each kept file was discarded once judged (the cap is 10 a user): none is left waiting.
      const db = await getDb();
      const [left] = await db.select({ pending: count() }).from(importJobs).where(and(eq(importJobs.userId, admin.id), eq(importJobs.status, "checked"), isNotNull(importJobs.contents)));
      pending = left?.pending ?? -1;
    } finally {
      clearInterval(sampler);
      await forgetPreviews(admin);
    }
    console.log(summaryTable(tally, `Import fuzzing, short pass: seed ${SEED}`));
    expect(tally.failures).toEqual([]);
    expect(pending).toBe(0);
    // The run tried both ends: files that pass and files that do not.
    expect(tally.preview).toBeGreaterThan(RUNS / 20);
    expect(tally.refused).toBeGreaterThan(RUNS / 2);
    expect(tally.peakRss).toBeLessThan(RSS_BOUND);
  }, 600_000);
});
