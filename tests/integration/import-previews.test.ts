// Checked files waiting to be imported (previews) keep the whole file in the database: they
// expire after PREVIEW_LIFETIME_HOURS and each user may keep only so many (docs/request-limits.md).
import { and, eq, isNotNull, sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { assertPreviewRoom, checkImport, commitImport, discardImport, expireStalePreviews } from "@/db/commands/imports";
import { getImportJob, listImportJobs } from "@/db/queries/imports";
import { auditLog, importJobs } from "@/db/schema";
import { AppError } from "@/lib/errors";
import { MAX_PENDING_PREVIEW_BYTES_PER_USER, MAX_PENDING_PREVIEWS_PER_USER, PREVIEW_LIFETIME_HOURS } from "@/lib/request-limits";
import { actor, demo, seeded } from "../support/fixtures";
import { testDb } from "../support/test-database";

type Seeded = Awaited<ReturnType<typeof seeded>>;
let s: Seeded;
beforeAll(async () => {
  s = await seeded();
});

const errorOf = (p: Promise<unknown>) => p.then(() => null, (e: unknown) => (e instanceof AppError ? e : Promise.reject(e)));

/** A targets file with one OUH row that passes: kept for a commit. */
function targetsFile(score: number): Uint8Array {
  return new TextEncoder().encode(`scope,place,framework,domain,financial_year,score\r\norganisation,RTH,DMI-2016,${s.dmiDomains[0]!.code},2018/19,${score}\r\n`);
}

async function checkTargets(email: string, score: number) {
  return checkImport({ actor: await actor(email), kind: "targets", fileName: `t${score}.csv`, bytes: targetsFile(score) });
}

/** The check happened `hours` ago (the database's clock decides expiry). */
async function age(jobId: string, hours: number) {
  const db = await testDb();
  await db.update(importJobs).set({ createdAt: sql`now() - ${`${hours} hours`}::interval` }).where(eq(importJobs.id, jobId));
}

/** Every checked file of a user that still holds its contents, discarded (a clean slate per test). */
async function discardAllOf(email: string) {
  const user = await actor(email);
  const db = await testDb();
  const pending = await db
    .select({ id: importJobs.id })
    .from(importJobs)
    .where(and(eq(importJobs.userId, user.id), eq(importJobs.status, "checked"), isNotNull(importJobs.contents)));
  for (const job of pending) await discardImport({ actor: user, jobId: job.id });
}

describe("expiry", () => {
  it("a checked file older than its lifetime reads as expired and cannot be imported, with a clear message", async () => {
    const job = await checkTargets(demo.cioOuh, 41);
    expect(job).toMatchObject({ status: "checked", errorCount: 0 });
    await age(job.id, PREVIEW_LIFETIME_HOURS + 1);
    // Read before any sweep: the page already shows it expired.
    expect((await getImportJob({ jobId: job.id }))!.status).toBe("expired");
    expect((await listImportJobs({ userId: job.userId })).find((j) => j.id === job.id)!.status).toBe("expired");
    const refused = await errorOf(commitImport({ actor: await actor(demo.cioOuh), jobId: job.id }));
    expect(refused).toMatchObject({ code: "conflict", message: `This file was checked more than ${PREVIEW_LIFETIME_HOURS} hours ago and not imported, so it was discarded: upload it again to check it afresh.` });
    const db = await testDb();
    const [stored] = await db.select().from(importJobs).where(eq(importJobs.id, job.id));
    expect(stored).toMatchObject({ status: "expired", contents: null });
    const history = await db.select().from(auditLog).where(and(eq(auditLog.entityType, "import"), eq(auditLog.entityId, job.id)));
    expect(history.map((h) => [h.action, h.actorId])).toEqual([["import.expired", null]]);
    expect(history[0]!.after).toMatchObject({ status: "expired" });
  });

  it("any user's new check sweeps everyone's expired files (no scheduler; shared through the database)", async () => {
    const old = await checkTargets(demo.cioOuh, 42);
    const fresh = await checkTargets(demo.cioOuh, 43);
    await age(old.id, PREVIEW_LIFETIME_HOURS + 0.5);
    await age(fresh.id, PREVIEW_LIFETIME_HOURS - 0.5);
    await checkTargets(demo.admin, 44);
    const db = await testDb();
    const rows = await db.select({ id: importJobs.id, status: importJobs.status, kept: sql<boolean>`${importJobs.contents} is not null` }).from(importJobs);
    expect(rows.find((r) => r.id === old.id)).toMatchObject({ status: "expired", kept: false });
    expect(rows.find((r) => r.id === fresh.id)).toMatchObject({ status: "checked", kept: true });
    // A second sweep finds nothing more to do.
    expect(await expireStalePreviews()).toBe(0);
    await discardAllOf(demo.cioOuh);
    await discardAllOf(demo.admin);
  });
});

describe("a cap per user", () => {
  it(`refuses a new check past ${MAX_PENDING_PREVIEWS_PER_USER} files waiting, telling the user to import or discard one; files with errors do not count`, async () => {
    await discardAllOf(demo.cioRbft);
    const cio = await actor(demo.cioRbft);
    // A file with errors keeps no contents, so it does not count.
    const withErrors = await checkImport({ actor: cio, kind: "targets", fileName: "bad.csv", bytes: new TextEncoder().encode(`scope,place,framework,domain,financial_year,score\r\norganisation,RHW,DMI-2016,${s.dmiDomains[0]!.code},2018/19,101\r\n`) });
    expect(withErrors.errorCount).toBe(1);
    const kept = [];
    for (let i = 0; i < MAX_PENDING_PREVIEWS_PER_USER; i++) {
      kept.push(
        await checkImport({
          actor: cio,
          kind: "targets",
          fileName: `t${i}.csv`,
          bytes: new TextEncoder().encode(`scope,place,framework,domain,financial_year,score\r\norganisation,RHW,DMI-2016,${s.dmiDomains[0]!.code},2018/19,${50 + i}\r\n`),
        }),
      );
    }
    expect(kept.every((j) => j.errorCount === 0)).toBe(true);
    const refused = await errorOf(
      checkImport({ actor: cio, kind: "targets", fileName: "more.csv", bytes: new TextEncoder().encode(`scope,place,framework,domain,financial_year,score\r\norganisation,RHW,DMI-2016,${s.dmiDomains[0]!.code},2018/19,70\r\n`) }),
    );
    expect(refused).toMatchObject({ code: "conflict" });
    expect(refused!.message).toBe(
      `Nothing was checked: you have ${MAX_PENDING_PREVIEWS_PER_USER} checked files waiting to be imported, the most anyone may keep. Import or discard one of them (under “Your recent imports” on the Imports page) first; files not imported are discarded ${PREVIEW_LIFETIME_HOURS} hours after their check.`,
    );
    // Another user is not affected.
    expect((await checkTargets(demo.admin, 45)).errorCount).toBe(0);
    // Discarding one makes room, and the discard is in the history.
    await discardImport({ actor: cio, jobId: kept[0]!.id });
    const db = await testDb();
    const [discarded] = await db.select().from(auditLog).where(and(eq(auditLog.action, "import.discarded"), eq(auditLog.entityId, kept[0]!.id)));
    expect(discarded).toMatchObject({ actorId: cio.id, before: { status: "checked", file: "t0.csv" }, after: { status: "discarded" } });
    const again = await checkImport({ actor: cio, kind: "targets", fileName: "again.csv", bytes: new TextEncoder().encode(`scope,place,framework,domain,financial_year,score\r\norganisation,RHW,DMI-2016,${s.dmiDomains[0]!.code},2018/19,71\r\n`) });
    expect(again.errorCount).toBe(0);
    await discardAllOf(demo.cioRbft);
    await discardAllOf(demo.admin);
  });

  it(`refuses a file that would take the user's waiting files past ${MAX_PENDING_PREVIEW_BYTES_PER_USER / 1024 / 1024} MB`, async () => {
    await discardAllOf(demo.cioOuh);
    const cio = await actor(demo.cioOuh);
    const job = await checkTargets(demo.cioOuh, 46);
    const held = targetsFile(46).length;
    await expect(assertPreviewRoom(cio, MAX_PENDING_PREVIEW_BYTES_PER_USER - held)).resolves.toBeUndefined();
    const refused = await errorOf(assertPreviewRoom(cio, MAX_PENDING_PREVIEW_BYTES_PER_USER - held + 1));
    expect(refused).toMatchObject({ code: "conflict" });
    expect(refused!.message).toMatch(/^Nothing was checked: your checked files waiting to be imported hold 0 MB, and this one would take them past 60 MB\. Import or discard one of them/);
    // An expired file no longer counts.
    await age(job.id, PREVIEW_LIFETIME_HOURS + 1);
    await expect(assertPreviewRoom(cio, MAX_PENDING_PREVIEW_BYTES_PER_USER)).resolves.toBeUndefined();
  });
});
