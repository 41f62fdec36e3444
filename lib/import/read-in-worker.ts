import { mkdir, rename } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { Worker, type ResourceLimits } from "node:worker_threads";
import { FileFormatError } from "./file-format-error";
import { workerLimits } from "./limits";
import type { FromWorker, ReadTask, ReadWorkerData, ToWorker } from "./read-worker-protocol";
import type { SheetRow } from "./xlsx-rows";

// Workbooks are read in a worker thread with memory limits (read-worker.ts), a few at a
// time: whatever a file does, the worst it can do is end its own worker, and the caller
// gets a clear FileFormatError.

export const tooComplex =
  "The workbook is too large or complex to read: it needs more memory than an upload may use. Split it into smaller files, or save it as CSV UTF-8, and upload that.";

// A bundled server (Next.js, where Turbopack builds read-worker.ts as a worker chunk) starts
// the built worker. Tests and scripts run from source: there the worker is bundled once per
// process with esbuild (which tsx and vitest bring), as starting it through tsx took ~1.5 s.
// Turbopack only recognises the worker with its options written out in the call.
async function startWorker(workerData: ReadWorkerData, resourceLimits: ResourceLimits): Promise<Worker> {
  if (process.env.NEXT_RUNTIME) return new Worker(new URL("./read-worker.ts", import.meta.url), { workerData, resourceLimits });
  // Without the parent's loader flags (tsx's would load in every worker).
  return new Worker(await (builtFromSource ??= buildFromSource()), { workerData, resourceLimits, execArgv: [] });
}

let builtFromSource: Promise<string> | undefined;

async function buildFromSource(): Promise<string> {
  const here = path.dirname(fileURLToPath(import.meta.url));
  const root = path.resolve(here, "../..");
  const folder = path.join(root, "node_modules", ".cache", "read-worker");
  const outfile = path.join(folder, "read-worker.cjs");
  const scratch = path.join(folder, `read-worker.${process.pid}.${Date.now()}.cjs`);
  // A name the bundler cannot follow: this branch never runs in the Next.js build.
  const bundler = "esbuild";
  const { build } = (await import(/* turbopackIgnore: true */ /* webpackIgnore: true */ bundler)) as typeof import("esbuild");
  await mkdir(folder, { recursive: true });
  await build({ entryPoints: [path.join(here, "read-worker.ts")], bundle: true, platform: "node", format: "cjs", external: ["exceljs"], outfile: scratch, logLevel: "error", absWorkingDir: root });
  // Renamed into place whole, so that test processes building at once never read half a file.
  await rename(scratch, outfile);
  return outfile;
}

/**
 * Which turns a reader waits for. "transaction": a reader inside a database transaction (an
 * import's commit) has turns of its own. It holds the database while it waits, and on the
 * embedded database (one connection) a preview that holds a shared turn waits for that same
 * database between batches: sharing the turns, the two would wait for each other, and
 * every request with them (a worker whose rows are all sent never ends by itself).
 */
export type WorkerLane = "shared" | "transaction";

// Per lane: the workers running now, and the readers waiting for one to finish.
const lanes: Record<WorkerLane, { cap: number; running: number; waiting: (() => void)[] }> = {
  shared: { cap: workerLimits.maxConcurrent, running: 0, waiting: [] },
  transaction: { cap: workerLimits.maxConcurrentInTransaction, running: 0, waiting: [] },
};

async function takeTurn(name: WorkerLane): Promise<() => void> {
  const lane = lanes[name];
  if (lane.running >= lane.cap) await new Promise<void>((resolve) => lane.waiting.push(resolve));
  lane.running++;
  let released = false;
  return () => {
    if (released) return;
    released = true;
    lane.running--;
    lane.waiting.shift()?.();
  };
}

/** A worker reading `bytes`, and its messages one at a time; a failure of any kind becomes a FileFormatError. */
async function openReader(task: ReadTask, bytes: Uint8Array, lane: WorkerLane, resourceLimits: ResourceLimits = workerLimits.resourceLimits) {
  const release = await takeTurn(lane);
  const data: ReadWorkerData = { task, bytes };
  let worker: Worker;
  try {
    worker = await startWorker(data, resourceLimits);
  } catch (error) {
    release();
    throw error;
  }
  const queue: (FromWorker | FileFormatError)[] = [];
  let notify: (() => void) | null = null;
  const push = (item: FromWorker | FileFormatError) => {
    queue.push(item);
    notify?.();
    notify = null;
  };
  let finished = false;
  worker.on("message", (message: FromWorker) => push(message));
  worker.on("error", (error: Error & { code?: string }) => {
    if (error.code !== "ERR_WORKER_OUT_OF_MEMORY") console.error("A workbook reader stopped:", error);
    push(new FileFormatError(tooComplex));
  });
  worker.on("exit", () => {
    release();
    if (!finished) push(new FileFormatError(tooComplex));
  });

  return {
    async next(): Promise<FromWorker> {
      while (queue.length === 0) await new Promise<void>((resolve) => (notify = resolve));
      const item = queue.shift()!;
      if (item instanceof FileFormatError) {
        finished = true;
        throw item;
      }
      if (item.type === "refused") {
        finished = true;
        throw new FileFormatError(item.message, item.line);
      }
      if (item.type === "done") finished = true;
      return item;
    },
    more() {
      worker.postMessage({ type: "more" } satisfies ToWorker);
    },
    async close() {
      finished = true;
      await worker.terminate();
      release();
    },
  };
}

/** The rows of a workbook's first sheet, read in a worker, in batches as the caller takes them. */
export async function* readXlsxRowsInWorker(bytes: Uint8Array, onBytes?: (read: number) => void, lane: WorkerLane = "shared"): AsyncGenerator<SheetRow> {
  const reader = await openReader("xlsx-rows", bytes, lane);
  try {
    for (;;) {
      const message = await reader.next();
      if (message.type === "done") return;
      if (message.type !== "rows") continue;
      onBytes?.(Math.round(message.fraction * bytes.length));
      reader.more();
      yield* message.rows;
    }
  } finally {
    await reader.close();
  }
}

/**
 * A whole-workbook task run in a worker: its result, or a FileFormatError. Past
 * `workerLimits.wholeWorkbookSeconds` the worker is ended: a workbook that slow to open is
 * not NHS England's. Tests pass smaller `resourceLimits` to reach the memory limit quickly.
 */
export async function runInWorker<T>(task: Exclude<ReadTask, "xlsx-rows">, bytes: Uint8Array, resourceLimits?: ResourceLimits, lane: WorkerLane = "shared"): Promise<T> {
  const reader = await openReader(task, bytes, lane, resourceLimits);
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new FileFormatError(tooComplex)), workerLimits.wholeWorkbookSeconds * 1000);
  });
  try {
    for (;;) {
      const message = await Promise.race([reader.next(), timeout]);
      if (message.type === "done") return message.result as T;
    }
  } finally {
    clearTimeout(timer);
    await reader.close();
  }
}
