// What a backup must bring back: every table's rows (count and checksum), every
// sequence's position and the structure (columns, indexes, constraints, triggers).
export interface TableFingerprint {
  /** schema.table */
  table: string;
  rows: number;
  /** md5 over the rows' text, independent of their order on disk */
  checksum: string;
}

export interface DatabaseFingerprint {
  tables: TableFingerprint[];
  /** schema.sequence → last value handed out (null: never used) */
  sequences: Record<string, string | null>;
  structure: { columns: number; indexes: number; constraints: number; triggers: number; checksum: string };
}

/** Every way `restored` differs from `original`, one line each; empty when they match. */
export function fingerprintDifferences(original: DatabaseFingerprint, restored: DatabaseFingerprint): string[] {
  const differences: string[] = [];
  const restoredTables = new Map(restored.tables.map((t) => [t.table, t]));
  for (const table of original.tables) {
    const other = restoredTables.get(table.table);
    if (!other) differences.push(`table ${table.table} is missing (had ${table.rows} rows)`);
    else if (other.rows !== table.rows) differences.push(`table ${table.table}: ${other.rows} rows instead of ${table.rows}`);
    else if (other.checksum !== table.checksum) differences.push(`table ${table.table}: same number of rows (${table.rows}) but different contents`);
  }
  const originalNames = new Set(original.tables.map((t) => t.table));
  for (const table of restored.tables) {
    if (!originalNames.has(table.table)) differences.push(`table ${table.table} was not in the original (${table.rows} rows)`);
  }
  for (const [name, value] of Object.entries(original.sequences)) {
    if (!(name in restored.sequences)) differences.push(`sequence ${name} is missing`);
    else if (sequenceBehind(restored.sequences[name] ?? null, value)) {
      differences.push(`sequence ${name} is at ${restored.sequences[name] ?? "unused"}, behind ${value}: new rows would reuse ids`);
    }
  }
  for (const name of Object.keys(restored.sequences)) {
    if (!(name in original.sequences)) differences.push(`sequence ${name} was not in the original`);
  }
  const a = original.structure;
  const b = restored.structure;
  if (a.checksum !== b.checksum) {
    differences.push(
      `the structure differs: ${b.columns} columns, ${b.indexes} indexes, ${b.constraints} constraints, ${b.triggers} triggers ` +
        `instead of ${a.columns}, ${a.indexes}, ${a.constraints}, ${a.triggers}`,
    );
  }
  return differences;
}

// Ahead is fine: PostgreSQL logs a sequence 32 values ahead, and a copy of a running
// database's files (PGlite's dumpDataDir) resumes from there. Only behind would reuse ids.
function sequenceBehind(restored: string | null, original: string | null): boolean {
  if (original === null) return false;
  return restored === null || BigInt(restored) < BigInt(original);
}

/** A table of row counts, for people to read after a backup or a restore. */
export function formatTableCounts(fingerprint: DatabaseFingerprint): string {
  const width = Math.max(...fingerprint.tables.map((t) => t.table.length), 5);
  const lines = fingerprint.tables.map((t) => `  ${t.table.padEnd(width)}  ${String(t.rows).padStart(8)}`);
  const total = fingerprint.tables.reduce((sum, t) => sum + t.rows, 0);
  return [`  ${"table".padEnd(width)}  ${"rows".padStart(8)}`, ...lines, `  ${"total".padEnd(width)}  ${String(total).padStart(8)} in ${fingerprint.tables.length} tables`].join("\n");
}
