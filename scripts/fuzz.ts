// Import fuzzing: generated and damaged CSV and XLSX files through the import path the
// route handler uses (checkImport, on a PGlite database seeded with the demo data), each
// answer classified as a preview, a clear refusal or a failure. See docs/fuzzing.md.
//   npm run fuzz -- --runs 100000                 (the long pass; prints the summary table)
//   npm run fuzz -- --runs 2000 --seed 42         (a shorter one, reproducible)
//   npm run fuzz -- --seed 42 --case 1234 --save /tmp/case.bin   (one case again, to debug)
//   npm run fuzz -- --layer reader --runs 100000  (the reader layer only, in the child's thread: see runReaderCase)
//   --minutes M stops after M minutes (as does Ctrl-C), printing the summary of the runs made
// The cases run in a child process the parent watches: a case that crashes it, runs past
// --timeout or pushes its resident memory past --rss-bound is a failure, and the child
// starts again from the next case. Memory past --rss-kill ends the child at once, so that a
// bomb cannot take the machine down.
import { fork, type ChildProcess } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import type { ImportKind } from "@/lib/import/kinds";

const { values } = parseArgs({
  options: {
    runs: { type: "string", default: "100000" },
    seed: { type: "string" },
    from: { type: "string", default: "0" },
    case: { type: "string" },
    save: { type: "string" },
    limits: { type: "string", default: "long" },
    timeout: { type: "string", default: "60" },
    "rss-bound": { type: "string", default: "1536" },
    "rss-kill": { type: "string", default: "3072" },
    heap: { type: "string", default: "2048" },
    minutes: { type: "string" },
    json: { type: "string" },
    child: { type: "boolean", default: false },
    snapshot: { type: "string" },
    layer: { type: "string", default: "check" },
  },
});

const seed = values.seed === undefined ? Date.now() % 1_000_000 : Number(values.seed);
const limitsName = values.limits === "short" ? "short" : "long";
/** "check": checkImport on the demo database (the import path); "reader": the reader layer it uses, in-process. */
const layer = values.layer === "reader" ? "reader" : "check";
const MB = 1024 * 1024;

async function limits() {
  const { longLimits, shortLimits } = await import("../tests/fuzz/generators");
  return limitsName === "short" ? shortLimits : longLimits;
}

/** The demo database, made once and loaded by every child from this snapshot. */
async function makeSnapshot(file: string): Promise<void> {
  const { openPglite } = await import("@/db/client");
  const { migrateDatabase } = await import("@/db/migrate");
  const { seedDemoIfEmpty } = await import("@/db/seed/seed");
  const handle = await openPglite(undefined);
  await migrateDatabase(handle);
  await seedDemoIfEmpty(handle.db, { accounts: "demo" });
  const dump = await handle.client.dumpDataDir("none");
  await handle.close();
  writeFileSync(file, Buffer.from(await dump.arrayBuffer()));
}

async function openDemo(snapshot: string) {
  const { openPglite, useDatabaseHandle } = await import("@/db/client");
  const { getUserWithScope } = await import("@/db/queries/users");
  const { users } = await import("@/db/schema");
  const { eq } = await import("drizzle-orm");
  const handle = await openPglite(undefined, new Blob([readFileSync(snapshot)]));
  useDatabaseHandle(handle);
  const [admin] = await handle.db.select({ id: users.id }).from(users).where(eq(users.email, "admin@demo.nhs.uk"));
  return { handle, actor: (await getUserWithScope({ userId: admin!.id }))! };
}

type ToParent = { type: "ready" } | { type: "start"; index: number; generator: string; kind: ImportKind; bytes: number } | { type: "done"; index: number; outcome: "preview" | "refused" | "failure"; message: string; ms: number; heap: number };

/** The child: runs cases from..to-1 and reports each one before and after. */
async function child(): Promise<void> {
  const send = (m: ToParent) => process.send!(m);
  const { fuzzCase } = await import("../tests/fuzz/generators");
  const { runCase, runReaderCase, forgetPreviews } = await import("../tests/fuzz/harness");
  const lim = await limits();
  const actor = layer === "check" ? (await openDemo(values.snapshot!)).actor : null;
  const from = Number(values.from);
  const to = Number(values.runs);
  send({ type: "ready" });
  for (let index = from; index < to; index++) {
    const c = fuzzCase(lim, seed, index);
    send({ type: "start", index, generator: c.generator, kind: c.kind, bytes: c.bytes.length });
    const result = actor ? await runCase(actor, c) : await runReaderCase(c);
    send({ type: "done", index, ...result, heap: process.memoryUsage().heapUsed });
    if (actor && index % 200 === 199) await forgetPreviews(actor);
  }
  process.exit(0);
}

/** One case, in this process: to debug a failure the long pass found. */
async function single(index: number): Promise<void> {
  const { fuzzCase } = await import("../tests/fuzz/generators");
  const c = fuzzCase(await limits(), seed, index);
  console.log(`case ${index} of seed ${seed}: ${c.generator}, kind ${c.kind}, ${c.bytes.length.toLocaleString("en-GB")} bytes`);
  if (values.save) {
    writeFileSync(values.save, c.bytes);
    console.log(`saved to ${values.save}`);
  }
  const dir = mkdtempSync(path.join(tmpdir(), "fuzz-"));
  try {
    await makeSnapshot(path.join(dir, "demo.tar"));
    const { handle, actor } = await openDemo(path.join(dir, "demo.tar"));
    const { runCase, runReaderCase } = await import("../tests/fuzz/harness");
    console.log(layer === "reader" ? await runReaderCase(c) : await runCase(actor, c));
    await handle.close();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function rssOf(pid: number): number {
  try {
    const status = readFileSync(`/proc/${pid}/status`, "utf8");
    const kb = /VmRSS:\s+(\d+)/.exec(status);
    return kb ? Number(kb[1]) * 1024 : 0;
  } catch {
    return 0;
  }
}

async function parent(): Promise<void> {
  const { newTally, record, summaryTable } = await import("../tests/fuzz/harness");
  const runs = Number(values.runs);
  const timeoutMs = Number(values.timeout) * 1000;
  const rssBound = Number(values["rss-bound"]) * MB;
  const rssKill = Number(values["rss-kill"]) * MB;
  const dir = mkdtempSync(path.join(tmpdir(), "fuzz-"));
  const snapshot = path.join(dir, "demo.tar");
  const tally = newTally();
  let overBound = 0;
  let restarts = 0;
  const started = Date.now();
  console.log(`Import fuzzing (${layer === "check" ? "checkImport" : "the reader layer"}): ${runs.toLocaleString("en-GB")} cases, seed ${seed}, ${limitsName} limits; memory bound ${values["rss-bound"]} MB resident (child killed at ${values["rss-kill"]} MB, V8 heap ${values.heap} MB)`);
  try {
    if (layer === "check") await makeSnapshot(snapshot);
    let next = Number(values.from);
    let stopping = false;
    let running: ChildProcess | null = null;
    const stop = () => {
      stopping = true;
      running?.kill("SIGKILL");
    };
    process.once("SIGINT", stop);
    process.once("SIGTERM", stop);
    if (values.minutes) setTimeout(stop, Number(values.minutes) * 60_000).unref();
    while (next < runs && !stopping) {
      next = await new Promise<number>((resolve) => {
        const proc: ChildProcess = fork(process.argv[1]!, ["--child", "--snapshot", snapshot, "--seed", String(seed), "--from", String(next), "--runs", String(runs), "--limits", limitsName, "--layer", layer], {
          execArgv: [...process.execArgv, `--max-old-space-size=${values.heap}`],
          stdio: ["ignore", "ignore", "pipe", "ipc"],
        });
        running = proc;
        let stderr = "";
        proc.stderr!.on("data", (d: Buffer) => (stderr = (stderr + d.toString()).slice(-2000)));
        let current: Extract<ToParent, { type: "start" }> | null = null;
        let caseStarted = 0;
        let casePeak = 0;
        let killedFor: string | null = null;
        let resumeAt = next;
        const watch = setInterval(() => {
          const rss = rssOf(proc.pid!);
          casePeak = Math.max(casePeak, rss);
          tally.peakRss = Math.max(tally.peakRss, rss);
          if (!current || killedFor) return;
          if (rss > rssKill) killedFor = `resident memory ${Math.round(rss / MB)} MB, over the ${values["rss-kill"]} MB kill limit`;
          else if (Date.now() - caseStarted > timeoutMs) killedFor = `no answer after ${values.timeout} s`;
          if (killedFor) proc.kill("SIGKILL");
        }, 100);
        proc.on("message", (m: ToParent) => {
          if (m.type === "start") {
            current = m;
            caseStarted = Date.now();
            casePeak = rssOf(proc.pid!);
          } else if (m.type === "done" && current) {
            tally.peakHeap = Math.max(tally.peakHeap, m.heap);
            const over = casePeak > rssBound;
            if (over) overBound++;
            record(tally, m.index, current, over && m.outcome !== "failure" ? { ...m, outcome: "failure", message: `resident memory ${Math.round(casePeak / MB)} MB, over the ${values["rss-bound"]} MB bound (answer: ${m.message})` } : m);
            if (m.outcome === "failure" && tally.failures.length <= 200) console.log(`case ${m.index} (${current.generator}, ${current.kind}): ${m.message}`);
            resumeAt = m.index + 1;
            current = null;
            if (tally.runs % 1000 === 0) {
              const rate = tally.runs / ((Date.now() - started) / 1000);
              console.log(`${tally.runs.toLocaleString("en-GB")} runs: ${tally.preview} previews, ${tally.refused} refused, ${tally.failure} failures; peak RSS ${Math.round(tally.peakRss / MB)} MB; ${rate.toFixed(1)}/s`);
            }
          }
        });
        proc.on("exit", (code, signal) => {
          clearInterval(watch);
          if (stopping) resolve(runs);
          else if (current) {
            const c: Extract<ToParent, { type: "start" }> = current;
            const why = killedFor ?? `the process ended (${signal ?? `exit code ${code}`})${/heap|memory/i.test(stderr) ? ": out of memory" : ""}`;
            record(tally, c.index, c, { outcome: "failure", message: `${why}; ${c.bytes.toLocaleString("en-GB")}-byte file. ${stderr.split("\n").filter(Boolean).slice(-2).join(" ").slice(0, 300)}`, ms: Date.now() - caseStarted });
            console.log(`case ${c.index} (${c.generator}): ${why}`);
            restarts++;
            resolve(c.index + 1);
          } else if (code !== 0) {
            console.error(`The fuzzing process failed before its first case:\n${stderr}`);
            process.exit(1);
          } else resolve(Math.max(resumeAt, runs));
        });
      });
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  const seconds = (Date.now() - started) / 1000;
  console.log("");
  console.log(summaryTable(tally, `Import fuzzing (${layer === "check" ? "checkImport" : "the reader layer"}): seed ${seed}, ${limitsName} limits`));
  console.log("");
  console.log(`${tally.runs.toLocaleString("en-GB")} of ${(runs - Number(values.from)).toLocaleString("en-GB")} cases run in ${seconds.toFixed(0)} s; ${restarts} restarts of the fuzzing process; ${overBound} cases over the ${values["rss-bound"]} MB bound.`);
  if (tally.failures.length) {
    console.log(`\nFailures (re-run one with: npm run fuzz -- --seed ${seed} --case N --save /tmp/case.bin):`);
    const byKind = new Map<string, typeof tally.failures>();
    for (const f of tally.failures) byKind.set(f.generator, [...(byKind.get(f.generator) ?? []), f]);
    for (const [generator, list] of byKind) {
      console.log(`  ${generator}: ${list.length} (cases ${list.slice(0, 8).map((f) => f.index).join(", ")}${list.length > 8 ? ", …" : ""})`);
      for (const f of list.slice(0, 3)) console.log(`    #${f.index} [${f.kind}] ${f.message}`);
    }
  }
  if (values.json) writeFileSync(values.json, JSON.stringify({ seed, limits: limitsName, layer, seconds, restarts, overBound, ...tally, byGenerator: Object.fromEntries(tally.byGenerator) }, null, 1));
  process.exit(tally.failure > 0 ? 1 : 0);
}

if (values.child) await child();
else if (values.case !== undefined) await single(Number(values.case));
else await parent();
