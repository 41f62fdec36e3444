import { createHash } from "node:crypto";
import { sql } from "drizzle-orm";
import type { Database, Transaction } from "../client";
import type { DatabaseFingerprint, TableFingerprint } from "@/lib/database-fingerprint";
import { rowsOf } from "../result-rows";

// Schemas of PostgreSQL itself; everything else is ours (public, and drizzle's book of migrations).
const systemSchemas = sql`('pg_catalog', 'information_schema', 'pg_toast')`;

/**
 * Reads every table's row count and an order-independent checksum of its rows, every
 * sequence's position and a checksum of the structure. Tables are listed from
 * information_schema, so a table added by a later migration is covered without a change here.
 */
export async function readDatabaseFingerprint(db: Database | Transaction): Promise<DatabaseFingerprint> {
  // A savepoint inside a caller's transaction (the backup's snapshot), a transaction otherwise.
  return (db as Database).transaction(async (tx) => {
    // Rows are compared as text: fix every setting that changes how a value is written.
    await tx.execute(sql`set local timezone = 'UTC'`);
    await tx.execute(sql`set local datestyle = 'ISO, YMD'`);
    await tx.execute(sql`set local intervalstyle = 'postgres'`);
    await tx.execute(sql`set local extra_float_digits = 1`);
    await tx.execute(sql`set local bytea_output = 'hex'`);
    const names = rowsOf<{ schema: string; name: string }>(
      await tx.execute(sql`
        select table_schema as schema, table_name as name from information_schema.tables
        where table_type = 'BASE TABLE' and table_schema not in ${systemSchemas}
        order by table_schema collate "C", table_name collate "C"`),
    );
    const [tables, sequences, structure] = [await readTables(tx, names), await readSequences(tx), await readStructure(tx)];
    return { tables, sequences, structure };
  });
}

async function readTables(tx: Transaction, names: { schema: string; name: string }[]): Promise<TableFingerprint[]> {
  if (names.length === 0) return [];
  // One statement for all tables. Each row's text is hashed, and the hashes are sorted
  // byte-wise, so the checksum depends on the rows alone, not their order or the collation.
  const perTable = names.map(
    ({ schema, name }) => sql`
      select ${`${schema}.${name}`}::text as table, count(*)::int as rows,
        md5(coalesce(string_agg(md5(backup_row::text), '' order by md5(backup_row::text) collate "C"), '')) as checksum
      from ${sql.identifier(schema)}.${sql.identifier(name)} as backup_row`,
  );
  const rows = rowsOf<TableFingerprint>(await tx.execute(sql.join(perTable, sql` union all `)));
  const byName = new Map(rows.map((r) => [r.table, { table: r.table, rows: Number(r.rows), checksum: r.checksum }]));
  return names.map(({ schema, name }) => byName.get(`${schema}.${name}`)!);
}

async function readSequences(tx: Transaction): Promise<Record<string, string | null>> {
  const rows = rowsOf<{ name: string; value: string | null }>(
    await tx.execute(sql`
      select schemaname || '.' || sequencename as name, last_value::text as value from pg_sequences
      where schemaname not in ${systemSchemas}`),
  );
  return Object.fromEntries(rows.map((r) => [r.name, r.value]).sort(([a], [b]) => (a! < b! ? -1 : 1)));
}

async function readStructure(tx: Transaction): Promise<DatabaseFingerprint["structure"]> {
  // Names and types, not definitions: PostgreSQL rewrites a CHECK or a default when it
  // parses it again (pg_restore), e.g. ((a AND b) AND c) comes back as (a AND b AND c).
  const rows = rowsOf<{ kind: string; definition: string }>(
    await tx.execute(sql`
      select 'column' as kind, concat_ws(' ', table_schema, table_name, column_name, data_type, is_nullable) as definition
        from information_schema.columns where table_schema not in ${systemSchemas}
      union all
      select 'index', concat_ws(' ', schemaname, tablename, indexname) from pg_indexes where schemaname not in ${systemSchemas}
      union all
      select 'constraint', concat_ws(' ', n.nspname, c.conrelid::regclass::text, c.conname, c.contype)
        from pg_constraint c join pg_namespace n on n.oid = c.connamespace where n.nspname not in ${systemSchemas}
      union all
      select 'trigger', concat_ws(' ', n.nspname, c.relname, t.tgname, t.tgtype, t.tgenabled)
        from pg_trigger t join pg_class c on c.oid = t.tgrelid join pg_namespace n on n.oid = c.relnamespace
        where not t.tgisinternal and n.nspname not in ${systemSchemas}`),
  );
  const lines = rows.map((r) => `${r.kind} ${r.definition}`).sort();
  const count = (kind: string) => rows.filter((r) => r.kind === kind).length;
  return {
    columns: count("column"),
    indexes: count("index"),
    constraints: count("constraint"),
    triggers: count("trigger"),
    checksum: createHash("md5").update(lines.join("\n")).digest("hex"),
  };
}
