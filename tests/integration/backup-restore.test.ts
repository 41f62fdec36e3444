import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { randomUUID } from "node:crypto";
import { getTableName, is, sql, TransactionRollbackError } from "drizzle-orm";
import { PgTable } from "drizzle-orm/pg-core";
import postgres from "postgres";
import { afterAll, describe, expect, it, inject } from "vitest";
import { databaseHandle, getDb } from "@/db/client";
import { exportPgliteDatabase, restoreEmbeddedDatabase } from "@/db/backup/embedded";
import { readDatabaseFingerprint } from "@/db/backup/fingerprint";
import { rowsOf } from "@/db/result-rows";
import { backupPostgresDatabase, restorePostgresDatabase } from "@/db/backup/postgres";
import { bookSignInAttempt, recordSignInAttempt } from "@/db/commands/sign-in-throttle";
import { createPeriod, setPeriodOpen } from "@/db/commands/periods";
import { updateUserAccess } from "@/db/commands/users";
import * as schema from "@/db/schema";
import { fingerprintDifferences, type DatabaseFingerprint } from "@/lib/database-fingerprint";
import { actor, demo, seeded } from "../support/fixtures";

// The same test on both projects: on PGlite it exports the data folder and loads it into
// a new folder; on PostgreSQL it runs pg_dump and pg_restore into a second, new database.
const work = fs.mkdtempSync(path.join(os.tmpdir(), "dr-backup-"));
afterAll(() => fs.rmSync(work, { recursive: true, force: true }));

// Changes after the seed, so that history, throttling and awkward text are in the backup.
async function changeThings() {
  const admin = await actor(demo.admin);
  const { byOds, dmi } = await seeded();
  const viewer = await actor(demo.viewer);
  await updateUserAccess({ actor: admin, userId: viewer.id, role: "cio", organisationIds: [byOds("RXQ")] });
  const period = await createPeriod({ actor: admin, frameworkId: dmi.id, code: "2099", name: "Siân O'Brien's period — \"quoted\", tab\tand\nnew line", assessedOn: "2099-03-31" });
  await setPeriodOpen({ actor: admin, periodId: period.id, isOpen: false });
  await recordSignInAttempt({ email: "nobody@nhs.net", userId: null, address: "192.0.2.1", outcome: "failed" });
  await bookSignInAttempt({ keys: ["account:nobody@nhs.net"] });
}

/** Backs up the test's database, restores it somewhere new, and reads the restored copy. */
async function backUpAndRestore(): Promise<{ restored: DatabaseFingerprint; againstManifest: string[] | null; auditLogEstimate?: number }> {
  const handle = await databaseHandle();
  if (handle.kind === "pglite") {
    const file = path.join(work, "embedded.tar.gz");
    await exportPgliteDatabase({ client: handle.client, db: handle.db, file });
    const result = await restoreEmbeddedDatabase({ file, dataDir: path.join(work, "restored", "pglite") });
    return { restored: result.fingerprint, againstManifest: result.differences };
  }
  const file = path.join(work, "postgres.dump");
  const adminUrl = inject("postgresAdminUrl");
  await backupPostgresDatabase({ url: await currentDatabaseUrl(), file });
  const target = `dr_restore_${randomUUID().replaceAll("-", "").slice(0, 16)}`;
  const admin = postgres(adminUrl, { max: 1, onnotice: () => {} });
  try {
    await admin.unsafe(`create database ${target}`);
    const result = await restorePostgresDatabase({ file, url: databaseUrl(target) });
    // A dump holds no planner statistics: the restore gathers them.
    const restoredDb = postgres(databaseUrl(target), { max: 1, onnotice: () => {} });
    const [stats] = await restoredDb<{ estimate: number }[]>`select reltuples::float8 as estimate from pg_class where relname = 'audit_log'`;
    await restoredDb.end();
    return { restored: result.fingerprint, againstManifest: result.differences, auditLogEstimate: Math.round(stats!.estimate) };
  } finally {
    await admin.unsafe(`drop database if exists ${target} with (force)`);
    await admin.end();
  }
}

const databaseUrl = (name: string) => inject("postgresAdminUrl").replace(/\/[^/]*$/, `/${name}`);
async function currentDatabaseUrl(): Promise<string> {
  const [row] = rowsOf<{ name: string }>(await (await getDb()).execute(sql`select current_database() as name`));
  return databaseUrl(row!.name);
}

describe("a backup, restored", () => {
  it("is written readable by its owner only (folders 0700, files 0600), whatever the umask", async () => {
    const mode = (file: string) => fs.statSync(file).mode & 0o777;
    const previous = process.umask(0); // the most permissive: every mode left to the umask would be 0777 or 0666
    try {
      const handle = await databaseHandle();
      const folder = path.join(work, "private", "nested");
      const file = path.join(folder, handle.kind === "pglite" ? "private.tar.gz" : "private.dump");
      if (handle.kind === "pglite") await exportPgliteDatabase({ client: handle.client, db: handle.db, file });
      else await backupPostgresDatabase({ url: await currentDatabaseUrl(), file });
      expect(mode(file).toString(8)).toBe("600");
      expect(mode(`${file}.manifest.json`).toString(8)).toBe("600");
      expect(mode(folder).toString(8)).toBe("700");
      expect(mode(path.dirname(folder)).toString(8)).toBe("700");
    } finally {
      process.umask(previous);
    }
  });

  it("brings back every table and every row, the sequences and the structure", async () => {
    await changeThings();
    const original = await readDatabaseFingerprint(await getDb());

    // The fingerprint covers every table the schema declares, and drizzle's migrations.
    const declared = Object.values(schema)
      .filter((value) => is(value, PgTable))
      .map((table) => `public.${getTableName(table)}`);
    const read = original.tables.map((t) => t.table);
    expect(read).toEqual(expect.arrayContaining([...declared, "drizzle.__drizzle_migrations"]));
    const rows = Object.fromEntries(original.tables.map((t) => [t.table, t.rows]));
    expect(rows["drizzle.__drizzle_migrations"]).toBeGreaterThan(0);
    expect(rows["public.audit_log"]).toBeGreaterThan(0);
    expect(rows["public.sign_in_throttles"]).toBeGreaterThan(0);
    expect(original.structure.triggers).toBeGreaterThanOrEqual(2); // audit_log's append-only guards

    const { restored, againstManifest, auditLogEstimate } = await backUpAndRestore();
    if (auditLogEstimate !== undefined) expect(auditLogEstimate).toBe(rows["public.audit_log"]);
    expect(fingerprintDifferences(original, restored)).toEqual([]);
    expect(againstManifest).toEqual([]);
    expect(restored.tables.map((t) => [t.table, t.rows])).toEqual(original.tables.map((t) => [t.table, t.rows]));
  });

  it("would notice a lost row, a changed row and a missing table", async () => {
    const db = await getDb();
    const original = await readDatabaseFingerprint(db);
    // Counted here, not by the fingerprint: the demo's and England's organisations.
    const [organisationCount] = rowsOf<{ n: number }>(await db.execute(sql`select count(*)::int as n from organisations`));
    let broken: DatabaseFingerprint | undefined;
    await db
      .transaction(async (tx) => {
        await tx.execute(sql`delete from domain_scores where (assessment_id, domain_id) = (select assessment_id, domain_id from domain_scores limit 1)`);
        await tx.execute(sql`update organisations set name = name || ' ' where id = (select id from organisations limit 1)`);
        await tx.execute(sql`drop table tranche_capabilities`);
        broken = await readDatabaseFingerprint(tx);
        tx.rollback();
      })
      .catch((error: unknown) => {
        if (!(error instanceof TransactionRollbackError)) throw error;
      });
    expect(broken).toBeDefined();
    expect(fingerprintDifferences(original, broken!)).toEqual([
      expect.stringMatching(/^table public\.domain_scores: \d+ rows instead of \d+$/),
      `table public.organisations: same number of rows (${organisationCount!.n}) but different contents`,
      expect.stringMatching(/^table public\.tranche_capabilities is missing/),
      expect.stringMatching(/^the structure differs/),
    ]);
    expect(fingerprintDifferences(original, await readDatabaseFingerprint(db))).toEqual([]);
  });

  it("refuses to restore over a database that has data, or while the embedded one is open elsewhere", async () => {
    const handle = await databaseHandle();
    if (handle.kind === "postgres") {
      await expect(restorePostgresDatabase({ file: path.join(work, "postgres.dump"), url: await currentDatabaseUrl() })).rejects.toThrow(/already has \d+ tables/);
      return;
    }
    const file = path.join(work, "embedded.tar.gz");
    const dataDir = path.join(work, "restored", "pglite");
    await expect(restoreEmbeddedDatabase({ file, dataDir })).rejects.toThrow(/already holds a database/);
    // Another live process (our parent will do) holds the folder, as the app server would.
    fs.writeFileSync(path.join(work, "restored", "pglite.lock"), String(process.ppid));
    await expect(restoreEmbeddedDatabase({ file, dataDir, force: true })).rejects.toThrow(/stop it first[\s\S]*in use by process/);
    fs.rmSync(path.join(work, "restored", "pglite.lock"));
  });
});
