import type { SheetRow } from "./xlsx-rows";

// The messages between a reading worker (read-worker.ts) and the code that started it
// (read-in-worker.ts).

export type ReadTask = "xlsx-rows" | "dma-read" | "dma-detect";

export interface ReadWorkerData {
  task: ReadTask;
  bytes: Uint8Array;
}

export type FromWorker =
  | { type: "rows"; rows: SheetRow[]; fraction: number }
  | { type: "done"; result?: unknown }
  | { type: "refused"; message: string; line: number | null };

/** The reader has taken a batch of rows: the worker may send another. */
export type ToWorker = { type: "more" };
