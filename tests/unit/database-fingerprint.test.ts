import { describe, expect, it } from "vitest";
import { fingerprintDifferences, formatTableCounts, type DatabaseFingerprint } from "@/lib/database-fingerprint";

const original: DatabaseFingerprint = {
  tables: [
    { table: "drizzle.__drizzle_migrations", rows: 8, checksum: "a" },
    { table: "public.users", rows: 3, checksum: "b" },
  ],
  sequences: { "public.audit_log_id_seq": "38", "public.unused_seq": null },
  structure: { columns: 10, indexes: 4, constraints: 6, triggers: 2, checksum: "s" },
};

describe("comparing a restored database with its backup", () => {
  it("finds nothing when everything came back, even with sequences ahead", () => {
    const restored = { ...original, sequences: { "public.audit_log_id_seq": "66", "public.unused_seq": "1" } };
    expect(fingerprintDifferences(original, restored)).toEqual([]);
  });

  it("reports a sequence behind (ids would be reused), missing or extra tables and sequences", () => {
    const restored: DatabaseFingerprint = {
      tables: [{ table: "public.users", rows: 3, checksum: "b" }, { table: "public.newer", rows: 0, checksum: "c" }],
      sequences: { "public.audit_log_id_seq": "37", "public.extra_seq": null },
      structure: { ...original.structure, checksum: "t" },
    };
    expect(fingerprintDifferences(original, restored)).toEqual([
      "table drizzle.__drizzle_migrations is missing (had 8 rows)",
      "table public.newer was not in the original (0 rows)",
      "sequence public.audit_log_id_seq is at 37, behind 38: new rows would reuse ids",
      "sequence public.unused_seq is missing",
      "sequence public.extra_seq was not in the original",
      "the structure differs: 10 columns, 4 indexes, 6 constraints, 2 triggers instead of 10, 4, 6, 2",
    ]);
  });

  it("lists every table's rows and the total", () => {
    expect(formatTableCounts(original).split("\n")).toEqual([
      "  table                             rows",
      "  drizzle.__drizzle_migrations         8",
      "  public.users                         3",
      "  total                               11 in 2 tables",
    ]);
  });
});
