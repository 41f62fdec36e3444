import type { Database } from "../client";
import type { Cell } from "@/lib/import/cells";
import type { ColumnSpec } from "@/lib/import/formats";
import type { ImportKind } from "@/lib/import/kinds";
import type { Actor } from "@/lib/permissions";

export type Outcome = "created" | "changed" | "unchanged";

export interface CellProblem {
  column: string | null;
  message: string;
}

export type ParseResult<T> = { ok: true; key: string; item: T } | { ok: false; problems: CellProblem[] };

export interface ParsedRow<T> {
  line: number;
  key: string;
  item: T;
}

/** What the database says about a parsed row: its outcome (and what it was before), or why not. */
export type Classified<T> = (ParsedRow<T> & { outcome: Outcome; before: unknown }) | { line: number; problems: CellProblem[] };
export type Accepted<T> = Extract<Classified<T>, { outcome: Outcome }>;

/**
 * One kind of import. `parse` needs no database (lookups were loaded once); `classify`
 * checks a chunk of rows against the database; `apply` writes a chunk inside the commit's
 * transaction, and `finish` runs once after the last chunk.
 */
export interface ImportProcessor<T> {
  parse(get: (column: string) => Cell): ParseResult<T>;
  /** Why two rows with the same key are one too many, for the duplicate message. */
  describeKey: string;
  classify(db: Database, rows: ParsedRow<T>[], options: { lock: boolean }): Promise<Classified<T>[]>;
  apply(tx: Database, rows: Accepted<T>[]): Promise<void>;
  finish(tx: Database): Promise<void>;
}

export interface ImportDefinition<T = unknown> {
  kind: ImportKind;
  columns: readonly ColumnSpec[];
  load(db: Database, actor: Actor): Promise<ImportProcessor<T>>;
}
