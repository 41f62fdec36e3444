import { FileFormatError } from "@/lib/import/file-format-error";
import { dmaZipLimits } from "@/lib/import/limits";
import { runInWorker, type WorkerLane } from "@/lib/import/read-in-worker";
import { readZipDirectory } from "@/lib/import/zip-guard";
import type { DmaError, DmaWorkbookResult } from "./results";

export type { DmaError, DmaRow, DmaSheet, DmaWorkbookResult } from "./results";

// NHS England's Digital Maturity Assessment results workbook (read in workbook-parse.ts),
// opened in a worker thread with memory limits: a file that costs too much ends the
// worker with a clear error, never the server.

/** NHS England's file is under 100 kB; anything this large is not one, and would be slow to open whole. */
export const maxWorkbookBytes = 20 * 1024 * 1024;

const fileError = (message: string): DmaError => ({ sheet: null, line: null, column: null, message });
const isZip = (bytes: Uint8Array) => bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;

/** Why these bytes cannot be NHS England's workbook, before any worker is started; null when they may be. */
export function refusedOutright(bytes: Uint8Array): DmaError | null {
  if (bytes.byteLength > maxWorkbookBytes) {
    const mb = (bytes.byteLength / 1024 / 1024).toFixed(1);
    return fileError(`The file is ${mb} MB, over the 20 MB limit: NHS England's DMA results workbook is far smaller, so this is not it.`);
  }
  // Every .xlsx is a zip archive; checking first saves parsing a CSV or an old .xls as one.
  if (!isZip(bytes)) return fileError("The file is not an Excel workbook (.xlsx). Upload the DMA results data file as NHS England published it.");
  try {
    readZipDirectory(bytes, dmaZipLimits);
  } catch (error) {
    if (error instanceof FileFormatError) return fileError(error.message);
    throw error;
  }
  return null;
}

/** `lane` "transaction" when the caller reads inside a database transaction (lib/import/read-in-worker.ts). */
export async function readDmaWorkbook(bytes: Uint8Array, lane: WorkerLane = "shared"): Promise<DmaWorkbookResult> {
  const refused = refusedOutright(bytes);
  if (refused) return { ok: false, errors: [refused] };
  try {
    return await runInWorker<DmaWorkbookResult>("dma-read", bytes, undefined, lane);
  } catch (error) {
    if (error instanceof FileFormatError) return { ok: false, errors: [fileError(error.message)] };
    throw error;
  }
}

/** Whether these bytes are a DMA results workbook, for an importer told only "here is a file". */
export async function looksLikeDmaWorkbook(bytes: Uint8Array): Promise<boolean> {
  if (refusedOutright(bytes)) return false;
  try {
    return await runInWorker<boolean>("dma-detect", bytes);
  } catch (error) {
    if (error instanceof FileFormatError) return false;
    throw error;
  }
}
