import fc from "fast-check";
import { count, sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { checkImport, commitImport, discardImport } from "@/db/commands/imports";
import { getImportJob } from "@/db/queries/imports";
import { scoresImport } from "@/db/imports/scores";
import { ImportRejected, runImport } from "@/db/imports/run";
import { domainScores } from "@/db/schema";
import { AppError } from "@/lib/errors";
import { actor, demo, seeded } from "../support/fixtures";
import { testDb } from "../support/test-database";

// Any file, however malformed, ends in one of two ways: every row written (with its history),
// or a list of row errors and nothing written. Never a crash, never part of a file.

type Seeded = Awaited<ReturnType<typeof seeded>>;
let s: Seeded;
beforeAll(async () => {
  s = await seeded();
});

/** Everything an import can touch, as one comparable value. */
async function fingerprint() {
  const db = await testDb();
  const rows = await db.execute(sql`
    select
      (select count(*) from assessments)::int as assessments,
      (select coalesce(sum(version), 0) from assessments)::int as versions,
      (select count(*) from domain_scores)::int as scores,
      (select md5(coalesce(string_agg(assessment_id::text || ':' || domain_id::text || '=' || score::text, ',' order by assessment_id, domain_id), '')) from domain_scores) as checksum,
      (select count(*) from audit_log)::int as history`);
  const list = Array.isArray(rows) ? rows : (rows as { rows: unknown[] }).rows;
  return list[0] as { assessments: number; versions: number; scores: number; checksum: string; history: number };
}

const ods = fc.constantFrom("RTH", "RHW", "rth", " RXQ ", "XXX", "");
const framework = fc.constantFrom("DMI-2016", "Digital Maturity Index 2016", "dmi-2016", "NOPE", "");
const period = fc.constantFrom("2017-REASSESSMENT", "Reassessment 2017", "2016-BASELINE", "2099", "");
const domain = fc.constantFrom("R1", "R2", "C4", "Leadership", "i2", "Z9", "");
const score = fc.oneof(
  { weight: 6, arbitrary: fc.integer({ min: 0, max: 100 }).map(String) },
  { weight: 1, arbitrary: fc.constantFrom("101", "-1", "6.5", "=A1+1", "+5", "@SUM(A1)", "sixty", "", "65%", '"7"') },
);
const field = (value: string) => (/[",\r\n]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value);
const row = fc.tuple(ods, framework, period, domain, score).map((cells) => cells.map(field).join(","));
const header = fc.oneof(
  { weight: 8, arbitrary: fc.constant("ods_code,framework,period,domain,score") },
  { weight: 1, arbitrary: fc.constantFrom("ods_code,framework,period,score", "ods_code,framework,period,domain,score,notes", "", '"ods_code,framework') },
);
/** A file of plausible rows, with the damage a real file can have. */
const messyFile = fc
  .tuple(header, fc.array(row, { minLength: 0, maxLength: 12 }), fc.constantFrom("\r\n", "\n"), fc.constantFrom("none", "latin1", "stray-quote", "extra-cell"), fc.nat())
  .map(([head, rows, eol, damage, at]) => {
    const lines = [head, ...rows];
    const target = 1 + (at % Math.max(1, rows.length));
    if (damage === "stray-quote" && rows.length) lines[target] = `${lines[target]}"`;
    if (damage === "extra-cell" && rows.length) lines[target] = `${lines[target]},surplus`;
    const bytes = new TextEncoder().encode(lines.join(eol) + eol);
    if (damage !== "latin1" || rows.length === 0) return bytes;
    return new Uint8Array([...bytes, 0x52, 0x54, 0x48, 0xa3, 0x0a]);
  });

const codes = ["R1", "R2", "R3", "R4", "R5", "C1", "C2", "C3", "C4", "C5", "C6", "C7", "I1", "I2"];
/** A file with no mistakes: distinct organisation and domain pairs, scores in range. */
const cleanFile = fc
  .uniqueArray(fc.tuple(fc.constantFrom("RTH", "RHW", "RNU"), fc.constantFrom(...codes), fc.integer({ min: 0, max: 100 })), {
    minLength: 1,
    maxLength: 20,
    selector: ([o, d]) => `${o}|${d}`,
  })
  .map((rows) => new TextEncoder().encode(["ods_code,framework,period,domain,score", ...rows.map(([o, d, v]) => `${o},DMI-2016,2017-REASSESSMENT,${d},${v}`)].join("\n")));
const file = fc.oneof(messyFile, cleanFile);

describe("any score file", () => {
  it("is either committed whole or refused with row errors, writing nothing", async () => {
    const admin = await actor(demo.admin);
    const outcomes = { committed: 0, refused: 0 };
    await fc.assert(
      fc.asyncProperty(file, async (bytes) => {
        const before = await fingerprint();
        const job = await checkImport({ actor: admin, kind: "scores", fileName: "prop.csv", bytes });
        // A preview writes nothing.
        expect(await fingerprint()).toEqual(before);
        if (job.errorCount > 0) {
          outcomes.refused++;
          const view = await getImportJob({ jobId: job.id });
          expect(view!.errors.length).toBe(Math.min(job.errorCount, 1000));
          for (const e of view!.errors) expect(e.message.length).toBeGreaterThan(0);
          const refused = await commitImport({ actor: admin, jobId: job.id }).then(() => null, (e: unknown) => e);
          expect(refused).toBeInstanceOf(AppError);
          expect(await fingerprint()).toEqual(before);
          return;
        }
        outcomes.committed++;
        await commitImport({ actor: admin, jobId: job.id });
        // Committed: the file again has nothing left to do.
        const again = await checkImport({ actor: admin, kind: "scores", fileName: "prop.csv", bytes });
        expect({ created: again.created, changed: again.changed, errors: again.errorCount }).toEqual({ created: 0, changed: 0, errors: 0 });
        expect(again.unchanged).toBe(job.rowCount);
        // Each user may keep only so many checked files waiting (lib/request-limits.ts).
        await discardImport({ actor: admin, jobId: again.id });
      }),
      { numRuns: 40 },
    );
    // Both outcomes were reached often enough for the property to mean something.
    expect(outcomes.committed).toBeGreaterThan(3);
    expect(outcomes.refused).toBeGreaterThan(3);
  });

  it("rolls back a commit that meets a bad row after earlier chunks were written", async () => {
    const admin = await actor(demo.admin);
    const db = await testDb();
    const chunkRows = 10;
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 0, max: 13 }), fc.constantFrom("101", "=1", "x"), fc.integer({ min: 0, max: 100 }), async (badDomain, badScore, base) => {
        // Five trusts' scores (70 rows: seven chunks written), then one bad row.
        const good = ["RXQ", "RWX", "RYE", "RHW", "RTH"].flatMap((o, i) => codes.map((d, j) => `${o},DMI-2016,2017-REASSESSMENT,${d},${(base + i + j) % 101}`));
        const bad = `RNU,DMI-2016,2017-REASSESSMENT,${codes[badDomain]},${badScore}`;
        const bytes = new TextEncoder().encode(["ods_code,framework,period,domain,score", ...good, bad].join("\n"));
        const before = await fingerprint();
        // What the transaction itself saw written before the bad row: proof that chunks were written, then undone.
        let writtenInside = 0;
        const error = await db
          .transaction((tx) =>
            runImport({
              db: tx,
              actor: admin,
              definition: scoresImport,
              bytes,
              commit: true,
              chunkRows,
              onProgress: async () => {
                const [row] = await tx.select({ n: count() }).from(domainScores);
                writtenInside = Math.max(writtenInside, row!.n - before.scores);
              },
            }),
          )
          .then(() => null, (e: unknown) => e);
        expect(error).toBeInstanceOf(ImportRejected);
        expect((error as ImportRejected).summary.errors.map((e) => e.line)).toEqual([good.length + 2]);
        expect(writtenInside).toBeGreaterThan(0);
        expect(await fingerprint()).toEqual(before);
      }),
      { numRuns: 5 },
    );
  });
});
