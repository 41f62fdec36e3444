import { eq } from "drizzle-orm";
import { checkImport, discardImport } from "@/db/commands/imports";
import { getDb } from "@/db/client";
import { importJobs } from "@/db/schema";
import { AppError } from "@/lib/errors";
import type { ImportRowError } from "@/lib/import/header";
import type { Actor } from "@/lib/permissions";
import type { FuzzCase } from "./generators";

// Runs a case through the import path the route handler uses (checkImport, on a real
// database) and says how it ended: a preview (the file can be committed), a refusal a person
// can act on (a field error, or the preview's list of row errors), or a failure — any other
// exception, a message that is an exception's text rather than a sentence, a file built to
// be valid that was refused, or (counted by the caller) a hang or a crash.

export type Outcome = "preview" | "refused" | "failure";
export interface CaseResult {
  outcome: Outcome;
  /** What the user was told (the first message), or what went wrong. */
  message: string;
  ms: number;
}

// Text that belongs to a program, not to a person: stack frames, exception names, raw error
// codes, object dumps. Quoted file contents (“…”, or '…' as the DMA reader quotes) are
// left out before looking.
const unclear = [
  /\n\s+at\s/,
  /\b(TypeError|RangeError|SyntaxError|ReferenceError|Error:)/,
  /\bundefined\b|\bNaN\b|\[object \w+\]/,
  /\b[A-Z][A-Z0-9]*(_[A-Z0-9]+){1,}\b/, // CSV_QUOTE_NOT_CLOSED, ERR_OUT_OF_RANGE, ENOENT-like codes
  /\bE(NOENT|ACCES|MFILE|PIPE|CONNRESET|NOMEM|PERM|OF)\b/,
  /Cannot read|is not a function|Maximum call stack|heap|Unexpected token|Invalid (string|array) length/i,
];

/** A message a person can act on: a sentence, not an exception's text. */
export function isClearMessage(message: unknown): message is string {
  if (typeof message !== "string") return false;
  const own = message.replace(/“[^”]*”/g, "“…”").replace(/(^|[\s(])'[^']*'(?=[\s).,:;]|$)/g, "$1'…'");
  if (own.trim().length < 10 || own.length > 1000) return false;
  return !unclear.some((pattern) => pattern.test(own));
}

export async function runCase(actor: Actor, c: FuzzCase): Promise<CaseResult> {
  const started = performance.now();
  const done = (outcome: Outcome, message: string): CaseResult => ({ outcome, message, ms: performance.now() - started });
  try {
    const job = await checkImport({ actor, kind: c.kind, fileName: c.fileName, bytes: c.bytes });
    // A kept file is a pending preview, and each user may keep only a few: discarded (by the
    // command the Imports page uses) once judged, so that a long run's valid files stay
    // valid previews instead of being refused for the ones before them.
    if (job.contents !== null) await discardImport({ actor, jobId: job.id });
    if (job.errorCount === 0) return done("preview", `${job.rowCount} rows`);
    const errors = (job.errors ?? []) as ImportRowError[];
    if (errors.length === 0) return done("failure", `${job.errorCount} errors counted but none kept`);
    const bad = errors.find((e) => !isClearMessage(e.message));
    if (bad) return done("failure", `unclear row error: ${JSON.stringify(bad).slice(0, 300)}`);
    if (c.valid) return done("failure", `a valid file was refused: ${JSON.stringify(errors[0]).slice(0, 300)}`);
    return done("refused", errors[0]!.message);
  } catch (error) {
    if (error instanceof AppError && (error.code === "invalid" || error.code === "forbidden") && isClearMessage(error.message)) {
      return c.valid ? done("failure", `a valid file was refused: ${error.message}`) : done("refused", error.message);
    }
    const text = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
    return done("failure", `threw ${text.slice(0, 300)}`);
  }
}

/** Drops the previews a run made, so that the database does not grow with the run. */
export async function forgetPreviews(actor: Actor): Promise<void> {
  const db = await getDb();
  await db.delete(importJobs).where(eq(importJobs.userId, actor.id));
}

export interface Tally {
  runs: number;
  preview: number;
  refused: number;
  failure: number;
  byGenerator: Map<string, { runs: number; preview: number; refused: number; failure: number; maxMs: number }>;
  failures: { index: number; generator: string; kind: string; message: string }[];
  peakRss: number;
  peakHeap: number;
  peakExternal: number;
}

export function newTally(): Tally {
  return { runs: 0, preview: 0, refused: 0, failure: 0, byGenerator: new Map(), failures: [], peakRss: 0, peakHeap: 0, peakExternal: 0 };
}

export function record(tally: Tally, index: number, c: Pick<FuzzCase, "generator" | "kind">, result: Pick<CaseResult, "outcome" | "message" | "ms">): void {
  tally.runs++;
  tally[result.outcome]++;
  const g = tally.byGenerator.get(c.generator) ?? { runs: 0, preview: 0, refused: 0, failure: 0, maxMs: 0 };
  g.runs++;
  g[result.outcome]++;
  g.maxMs = Math.max(g.maxMs, result.ms);
  tally.byGenerator.set(c.generator, g);
  if (result.outcome === "failure") tally.failures.push({ index, generator: c.generator, kind: c.kind, message: result.message });
}

export function sampleMemory(tally: Tally): void {
  const m = process.memoryUsage();
  tally.peakRss = Math.max(tally.peakRss, m.rss, process.resourceUsage().maxRSS * 1024);
  tally.peakHeap = Math.max(tally.peakHeap, m.heapUsed);
  tally.peakExternal = Math.max(tally.peakExternal, m.external + m.arrayBuffers);
}

const mb = (n: number) => `${Math.round(n / 1024 / 1024).toLocaleString("en-GB")} MB`;

/** The summary table, in Markdown (it goes into docs/fuzzing.md and the README). */
export function summaryTable(tally: Tally, title = "Import fuzzing"): string {
  const n = (x: number) => x.toLocaleString("en-GB");
  const lines = [
    `### ${title}`,
    "",
    "| Runs | Valid previews | Clear errors | Failures | Peak RSS | Peak heap |",
    "| ---: | ---: | ---: | ---: | ---: | ---: |",
    `| ${n(tally.runs)} | ${n(tally.preview)} | ${n(tally.refused)} | ${n(tally.failure)} | ${mb(tally.peakRss)} | ${mb(tally.peakHeap)} |`,
    "",
    "| Generator | Runs | Previews | Clear errors | Failures | Slowest |",
    "| --- | ---: | ---: | ---: | ---: | ---: |",
    ...[...tally.byGenerator.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([name, g]) => `| ${name} | ${n(g.runs)} | ${n(g.preview)} | ${n(g.refused)} | ${n(g.failure)} | ${(g.maxMs / 1000).toFixed(1)} s |`),
  ];
  return lines.join("\n");
}

/**
 * A case through the reader layer checkImport uses, in this thread: the same zip guard,
 * limits and sheet reader (`readXlsxRows`, the body of the reading worker; `readRows` for
 * CSV), and for NHS England's workbook its size and zip checks and then the whole-workbook
 * reader. What it leaves out: the worker thread (its start costs ~0.25 s a workbook and
 * its memory limit), the DMA recognition of a row-kind workbook, the row checks against
 * the database, and the insert of the preview. Every row is taken, as an import takes
 * them. A file read to its end is a "preview"; a FileFormatError or a DMA error list with
 * clear messages is a clear error; anything else is a failure.
 */
export async function runReaderCase(c: FuzzCase): Promise<CaseResult> {
  const started = performance.now();
  const done = (outcome: Outcome, message: string): CaseResult => ({ outcome, message, ms: performance.now() - started });
  const { detectFileType, readRows, FileFormatError } = await import("@/lib/import/read");
  const { readXlsxRows } = await import("@/lib/import/xlsx-rows");
  try {
    if (c.kind === "dma-results") {
      const result = await readDmaHere(c.bytes);
      if (result.ok) return done("preview", `${result.rows.length} rows`);
      const bad = result.errors.find((e) => !isClearMessage(e.message));
      if (bad) return done("failure", `unclear error: ${JSON.stringify(bad).slice(0, 300)}`);
      return done("refused", result.errors[0]?.message ?? "");
    }
    let rows = 0;
    const source = detectFileType(c.bytes) === "xlsx" ? readXlsxRows(c.bytes) : readRows(c.bytes);
    for await (const row of source) {
      rows++;
      if (row.cells.some((cell) => cell.kind === "text" && cell.value.includes("\u0000"))) return done("failure", `a NUL in a cell of line ${row.line}`);
    }
    return done("preview", `${rows} rows read`);
  } catch (error) {
    if (error instanceof FileFormatError && isClearMessage(error.message)) {
      return c.valid ? done("failure", `a valid file was refused: ${error.message}`) : done("refused", error.message);
    }
    const text = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
    return done("failure", `threw ${text.slice(0, 300)}`);
  }
}

/** NHS England's workbook as readDmaWorkbook reads it (its size and zip checks), without its worker. */
async function readDmaHere(bytes: Uint8Array) {
  const { refusedOutright } = await import("@/lib/dma/workbook");
  const { readDmaWorkbookHere } = await import("@/lib/dma/workbook-parse");
  const refused = refusedOutright(bytes);
  return refused ? { ok: false as const, errors: [refused] } : readDmaWorkbookHere(bytes);
}
