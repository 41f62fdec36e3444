import { execFileSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { expect, test } from "@playwright/test";
import postgres from "postgres";
import { signInCookie } from "../../scripts/bench/sign-in";
import { accounts, DEMO_PASSWORD } from "./support/accounts";
import { domainCodes } from "./support/seed";
import { ownPorts, startAppServer, waitForHealthy, type AppServer } from "./support/app-server";
import { startStoppableCluster, type StopMode, type StoppableCluster } from "./support/stoppable-cluster";

// No data lost when the database goes away: the production build runs on a PostgreSQL
// cluster of this spec's own, which is stopped in the middle of a 10,000-row score import at
// several points (during the check, at the start of the commit, mid-commit, at its last
// chunk). Each time the user gets a plain error (no stack trace, no HTML 500 page), the
// health endpoint reports the outage, nothing partial is committed, and once the cluster is
// back the same server answers again by itself and the import can be done in full.
//
// The app is held at each stop point by a lock this spec takes on the row or table its next
// statement needs, and the cluster is stopped while the app's query waits on it: without
// it, a stop "after two progress lines" would race a commit that takes a second.

const root = path.resolve(import.meta.dirname, "../..");
const port = ownPorts.faults;
const baseUrl = `http://localhost:${port}`;
const ROWS = 10_000;
const DATABASE = "faults";

let cluster: StoppableCluster;
let databaseUrl = "";
let server: AppServer;
let cookie = "";
let csv: Uint8Array<ArrayBuffer>;
let jobId = "";
/** The assessments the commit reaches only in its third chunk, and only in its last. */
const lockedPairs = { midCommit: { ods: "FLT35", period: "FAULT-7" }, lastChunk: { ods: "FLT72", period: "FAULT-0" } };
const observations: string[] = [];

test.describe.configure({ mode: "serial", timeout: 240_000 });

test.beforeAll(async () => {
  test.setTimeout(240_000);
  cluster = startStoppableCluster(root, mkdtempSync(path.join(tmpdir(), "dr-faults-")));
  await withDb(cluster.url("postgres"), (sql) => sql.unsafe(`create database ${DATABASE}`));
  databaseUrl = cluster.url(DATABASE);
  execFileSync(process.execPath, [path.join(root, "node_modules/tsx/dist/cli.mjs"), "--conditions=react-server", "tests/e2e/support/seed-demo.ts"], {
    cwd: root,
    env: { ...process.env, DATABASE_URL: databaseUrl },
    stdio: "pipe",
  });
  csv = await addImportTargets();
  server = await startAppServer({ port, env: { DATABASE_URL: databaseUrl, AUTH_SECRET: randomBytes(33).toString("base64") } });
  cookie = await signInCookie(baseUrl, accounts.admin.email, DEMO_PASSWORD);
});

test.afterAll(async () => {
  await server?.stop();
  cluster?.destroy();
  if (observations.length) console.log(`Database outages during a ${ROWS.toLocaleString("en-GB")}-row import:\n${observations.map((o) => `  ${o}`).join("\n")}`);
});

test.afterEach(async ({}, testInfo) => {
  if (testInfo.status !== testInfo.expectedStatus) await testInfo.attach("server log", { body: server?.output() ?? "", contentType: "text/plain" });
});

async function withDb<T>(url: string, work: (sql: postgres.Sql) => Promise<T>): Promise<T> {
  const sql = postgres(url, { max: 1, onnotice: () => {} });
  try {
    return await work(sql);
  } finally {
    await sql.end({ timeout: 1 });
  }
}

/** 73 organisations and 10 open periods of the spec's own, two drafts to lock, and the file. */
async function addImportTargets(): Promise<Uint8Array<ArrayBuffer>> {
  return withDb(databaseUrl, async (sql) => {
    const [system] = await sql<{ id: string }[]>`select id from systems order by name limit 1`;
    const [framework] = await sql<{ id: string }[]>`select id from frameworks where code = 'DMI-2016'`;
    await sql`insert into organisations (system_id, ods_code, name, short_name, type)
      select ${system!.id}, 'FLT' || i, 'Fault test trust ' || i, 'Fault ' || i, 'acute' from generate_series(0, 72) i`;
    await sql`insert into assessment_periods (framework_id, code, name, assessed_on, is_open)
      select ${framework!.id}, 'FAULT-' || i, 'Fault test period ' || i, '2018-03-31', true from generate_series(0, 9) i`;
    for (const { ods, period } of Object.values(lockedPairs)) {
      await sql`insert into assessments (organisation_id, period_id)
        select o.id, p.id from organisations o, assessment_periods p where o.ods_code = ${ods} and p.code = ${period}`;
    }
    // Organisation by period by domain: the pair FLT35 / FAULT-7 is rows 4,999–5,012 (the
    // commit's third chunk of 2,000); FLT72 / FAULT-0 only the last row (its last chunk).
    const lines = ["ods_code,framework,period,domain,score"];
    outer: for (let o = 0; o < 72; o++) {
      for (let p = 0; p < 10; p++) {
        for (const [d, domain] of domainCodes.entries()) {
          if (lines.length === ROWS) break outer;
          lines.push(`FLT${o},DMI-2016,FAULT-${p},${domain},${(o * 7 + p * 3 + d * 11) % 101}`);
        }
      }
    }
    lines.push(`FLT72,DMI-2016,FAULT-0,R1,50`);
    return new TextEncoder().encode(lines.join("\n") + "\n");
  });
}

async function waitUntil(what: string, condition: () => Promise<boolean> | boolean, timeoutMs = 90_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`Timed out waiting until ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

type Line = { type: "progress"; phase: string; rows: number } | { type: "done"; result: Record<string, unknown> } | { type: "error"; code: string; message: string };

/** A request whose NDJSON answer is read as it arrives. */
function streamed(pathname: string, init: RequestInit) {
  const state = { status: 0, contentType: "", text: "" };
  const lines = (): Line[] =>
    state.text
      .split("\n")
      .slice(0, -1)
      .filter((l) => l.trim())
      .map((l) => JSON.parse(l) as Line);
  const finished = (async () => {
    const response = await fetch(`${baseUrl}${pathname}`, { ...init, headers: { Cookie: cookie } });
    state.status = response.status;
    state.contentType = response.headers.get("content-type") ?? "";
    const reader = response.body!.pipeThrough(new TextDecoderStream()).getReader();
    for (;;) {
      const { value, done } = await reader.read();
      if (value) state.text += value;
      if (done) return;
    }
  })();
  return { state, lines, progressLines: () => lines().filter((l) => l.type === "progress").length, finished };
}

function upload() {
  const form = new FormData();
  form.append("kind", "scores");
  form.append("file", new Blob([csv], { type: "text/csv" }), "faults-10000.csv");
  return streamed("/api/imports", { method: "POST", body: form });
}

const commit = (id: string) => streamed(`/api/imports/${id}/commit`, { method: "POST" });

/** What a user may be shown: no stack frames, no SQL, no driver's or database's own words. */
function expectPlain(text: string): void {
  expect(text).not.toMatch(/\n\s+at \S|node_modules|Failed query|ECONN|CONNECTION_|terminating connection|postgres|insert into|select /i);
}

/** Takes `statement` in a transaction of this spec's own and holds it until released (or the server goes). */
async function holdLock(statement: string) {
  const sql = postgres(databaseUrl, { max: 1, onnotice: () => {} });
  let release!: () => void;
  const released = new Promise<void>((resolve) => (release = resolve));
  let locked!: () => void;
  const taken = new Promise<void>((resolve) => (locked = resolve));
  const transaction = sql
    .begin(async (tx) => {
      await tx.unsafe(statement);
      locked();
      await released;
    })
    .catch(() => {}); // the cluster stopping ends it
  await Promise.race([taken, transaction.then(() => Promise.reject(new Error(`Could not take the lock: ${statement}`)))]);
  return {
    release: async () => {
      release();
      await transaction;
      await sql.end({ timeout: 1 });
    },
  };
}

/** Another session's statement waits on a lock in the spec's database: the app is held there. */
const appIsWaitingOnLock = () =>
  withDb(databaseUrl, async (sql) => {
    const [row] = await sql<{ n: number }[]>`select count(*)::int as n from pg_stat_activity where datname = ${DATABASE} and wait_event_type = 'Lock'`;
    return row!.n > 0;
  });

/** What a failed or half-done import could have left behind. */
const databaseState = () =>
  withDb(databaseUrl, async (sql) => {
    const [row] = await sql<{ scores: number; assessments: number; audit: number; jobs: string }[]>`
      select (select count(*)::int from domain_scores) as scores,
             (select count(*)::int from assessments) as assessments,
             (select count(*)::int from audit_log) as audit,
             (select coalesce(string_agg(status::text, ',' order by created_at), '') from import_jobs) as jobs`;
    return row!;
  });

async function expectOutageReported(): Promise<void> {
  const health = await fetch(`${baseUrl}/api/health`);
  expect(health.status).toBe(503);
  const body = (await health.json()) as { status: string; database: { reachable: boolean; error: string } };
  expect(body).toEqual({ status: "unavailable", database: { reachable: false, error: "The database could not be reached." } });
}

/**
 * Holds the app at a stop point with `lock`, stops the cluster there, checks what the user
 * and the health endpoint are told and that nothing was written, starts the cluster again
 * and waits for the same server to be healthy.
 */
async function stopDuring({
  point,
  mode,
  lock,
  request,
  progressLinesFirst,
  whileDown,
}: {
  point: string;
  mode: StopMode;
  lock: string;
  request: () => ReturnType<typeof streamed>;
  progressLinesFirst: number;
  whileDown?: () => Promise<void>;
}) {
  const before = await databaseState();
  const held = await holdLock(lock);
  const call = request();
  await waitUntil(`the app waits at ${point}`, async () => call.progressLines() >= progressLinesFirst && (await appIsWaitingOnLock()));
  expect(call.progressLines()).toBe(progressLinesFirst);
  const stoppedAt = Date.now();
  cluster.stop(mode);
  await held.release();
  // The user hears back promptly: no request left hanging on a dead connection.
  await Promise.race([call.finished, new Promise((_, reject) => setTimeout(() => reject(new Error(`no answer 20 s after the stop at ${point}`)), 20_000))]);
  const answeredMs = Date.now() - stoppedAt;
  expect(call.state.status).toBe(200); // the stream had started: the error is its last line
  expect(call.state.contentType).toContain("application/x-ndjson");
  const last = call.lines().at(-1)!;
  expect(last).toEqual({ type: "error", code: "unavailable", message: expect.stringContaining("nothing was saved") });
  expectPlain(call.state.text);
  await expectOutageReported();
  await whileDown?.();
  cluster.start();
  const recoveredMs = await waitForHealthy(server, 30_000);
  expect(server.process.exitCode).toBeNull(); // the same server process, never restarted
  expect(await databaseState()).toEqual(before);
  observations.push(
    `${point} (pg_ctl stop -m ${mode}, after ${progressLinesFirst} progress line${progressLinesFirst === 1 ? "" : "s"}): answered ${answeredMs} ms after the stop with ` +
      `HTTP ${call.state.status} and ${JSON.stringify(last)}; /api/health 503 while down, 200 again ${recoveredMs} ms after the restart; nothing written`,
  );
  return last;
}

test("the database stops during the check of a 10,000-row file: no preview is saved, and the file checks again once it is back", async () => {
  await stopDuring({
    point: "the check",
    mode: "immediate",
    // The check reads each chunk's existing scores: held on the third chunk's.
    lock: "lock table domain_scores in access exclusive mode",
    request: upload,
    progressLinesFirst: 2,
  });
  const call = upload();
  await call.finished;
  const last = call.lines().at(-1)!;
  expect(last).toMatchObject({ type: "done", result: { errorCount: 0 } });
  if (last.type === "done") jobId = String(last.result.id);
  expect((await databaseState()).jobs).toBe("checked");
});

test("the database stops at the start of the commit: the user is told, and requests and pages while it is down answer plainly", async ({ page }) => {
  await page.context().addCookies(
    cookie.split("; ").map((pair) => {
      const at = pair.indexOf("=");
      return { name: pair.slice(0, at), value: pair.slice(at + 1), url: baseUrl };
    }),
  );
  await stopDuring({
    point: "the start of the commit",
    mode: "fast",
    lock: `select id from import_jobs where id = '${jobId}' for update`,
    request: () => commit(jobId),
    progressLinesFirst: 0,
    whileDown: async () => {
      // A request that arrives while the database is down is refused before any stream.
      const again = await fetch(`${baseUrl}/api/imports/${jobId}/commit`, { method: "POST", headers: { Cookie: cookie } });
      expect(again.status).toBe(503);
      expect(again.headers.get("content-type")).toContain("application/json");
      const text = await again.text();
      expect(JSON.parse(text)).toEqual({ error: { code: "unavailable", message: expect.stringContaining("nothing was saved") } });
      expectPlain(text);
      // A page: the app's own error page with a plain message (drawn in the browser: the
      // server sends an empty shell when the root layout fails).
      const response = await page.goto(`${baseUrl}/maturity`);
      expect(response?.status()).toBe(500);
      await expect(page.getByRole("heading", { level: 1 })).toHaveText("Sorry, there is a problem with the service");
      expectPlain(await page.locator("body").innerText());
      observations.push(`while down: POST commit → HTTP ${again.status} ${text}; GET /maturity → HTTP ${response?.status()}, the app's error page`);
    },
  });
  // Rolled back with the rest: the job can still be committed.
  expect((await databaseState()).jobs).toBe("checked");
});

test("the database stops mid-commit, after 4,000 rows are written", async () => {
  const { ods, period } = lockedPairs.midCommit;
  await stopDuring({
    point: "mid-commit",
    mode: "immediate",
    lock: `select a.id from assessments a join organisations o on o.id = a.organisation_id join assessment_periods p on p.id = a.period_id where o.ods_code = '${ods}' and p.code = '${period}' for update of a`,
    request: () => commit(jobId),
    progressLinesFirst: 2,
  });
  expect((await databaseState()).jobs).toBe("checked");
});

test("the database stops at the commit's last chunk, with 9,999 rows written", async () => {
  const { ods, period } = lockedPairs.lastChunk;
  await stopDuring({
    point: "the commit's last chunk",
    mode: "immediate",
    lock: `select a.id from assessments a join organisations o on o.id = a.organisation_id join assessment_periods p on p.id = a.period_id where o.ods_code = '${ods}' and p.code = '${period}' for update of a`,
    request: () => commit(jobId),
    progressLinesFirst: 5,
  });
  expect((await databaseState()).jobs).toBe("checked");
});

test("with the database back, the same import commits in full and pages render again", async () => {
  const before = await databaseState();
  const call = commit(jobId);
  await call.finished;
  expect(call.lines().at(-1)).toEqual({ type: "done", result: { id: jobId, created: ROWS, changed: 0, unchanged: 0 } });
  const after = await databaseState();
  expect(after.scores).toBe(before.scores + ROWS);
  expect(after.jobs).toBe("committed");
  const page = await fetch(`${baseUrl}/maturity`, { headers: { Cookie: cookie } });
  expect(page.status).toBe(200);
  expect(await page.text()).toContain(accounts.admin.name);
});
