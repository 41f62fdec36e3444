import { parentPort, workerData } from "node:worker_threads";
import { FileFormatError } from "./file-format-error";
import { workerLimits } from "./limits";
import type { FromWorker, ReadWorkerData, ToWorker } from "./read-worker-protocol";
import { readXlsxRows, type SheetRow } from "./xlsx-rows";

// A worker thread that reads one uploaded workbook, started with memory limits by
// read-in-worker.ts: if the file still costs too much, this thread ends, not the server.

const port = parentPort!;
const { task, bytes } = workerData as ReadWorkerData;
const send = (message: FromWorker) => port.postMessage(message);

let credit: number = workerLimits.batchesAhead;
let wake: (() => void) | null = null;
port.on("message", (message: ToWorker) => {
  if (message.type === "more") {
    credit++;
    wake?.();
    wake = null;
  }
});

async function sendRows(rows: SheetRow[], fraction: number): Promise<void> {
  if (credit <= 0) {
    // A reader that stops taking rows without closing would keep this worker, and its turn,
    // for ever: past the limit the worker ends itself.
    const idle = setTimeout(() => process.exit(1), workerLimits.idleSeconds * 1000);
    while (credit <= 0) await new Promise<void>((resolve) => (wake = resolve));
    clearTimeout(idle);
  }
  credit--;
  send({ type: "rows", rows, fraction });
}

async function run(): Promise<void> {
  try {
    if (task === "xlsx-rows") {
      let fraction = 0;
      let batch: SheetRow[] = [];
      for await (const row of readXlsxRows(bytes, (f) => (fraction = f))) {
        batch.push(row);
        if (batch.length >= workerLimits.batchRows) {
          await sendRows(batch, fraction);
          batch = [];
        }
      }
      if (batch.length > 0) await sendRows(batch, 1);
      send({ type: "done" });
    } else {
      // Loaded only when needed: ExcelJS is large, and the sheet reader does without it.
      const dma = await import("@/lib/dma/workbook-parse");
      send({ type: "done", result: task === "dma-read" ? await dma.readDmaWorkbookHere(bytes) : await dma.isDmaWorkbookHere(bytes) });
    }
  } catch (error) {
    if (error instanceof FileFormatError) send({ type: "refused", message: error.message, line: error.line });
    else {
      console.error("Reading an uploaded workbook failed:", error);
      send({ type: "refused", message: "The workbook could not be read: it may be damaged or not really an Excel workbook. Open it in Excel, save it as .xlsx again, and upload that.", line: null });
    }
  }
}

void run();
