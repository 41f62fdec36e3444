// npm run soak: the soak test (issue 7). Uses the existing production build (it builds
// nothing), a throwaway PostgreSQL cluster (or the cluster at --database-url /
// TEST_DATABASE_URL, in a database of its own), the demo data (migrated and seeded) or the
// national data set, and `next start` on PostgreSQL. Signed-in virtual users browse the
// main pages, read the API and edit draft assessments' scores through it, each with its
// own session and token, for --minutes; the serving process's memory is sampled every
// 5 s. Reports requests, latencies, errors (goal: none) and the memory trend in
// reports/soak.{md,json}, and fails (exit 1) on an error or a growth trend.
//
//   npm run soak                         50 users for 10 minutes (the full run)
//   npm run soak -- --ci                 20 users for 60 s (CI)
//   options: --users N --minutes M --seconds S --data demo|national --seed N --scale F
//            --database-url URL --port N --out DIR
//            --test-report FILE   also write a test report (jest-compatible JSON) for npm test
import { randomBytes } from "node:crypto";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { startCluster } from "../bench/cluster";
import { describeBuild, startServer } from "../bench/server";
import { httpGet } from "../bench/load";
import { signInCookie } from "../bench/sign-in";
import { benchTargets } from "../bench/targets";
import { findServerPid, peakGrowthBytes, sampleMemory, secondHalfTrend, type MemorySample } from "./memory";
import { loadDataSet, prepareSoak, type DataSet } from "./prepare";
import { Recorder } from "./recorder";
import { memoryLimitMbPerMinute, soakChecks, testReport, toMarkdown, type SoakResult } from "./report";
import { runVirtualUser, type Route, type Scenario } from "./virtual-user";

const root = path.resolve(import.meta.dirname, "../..");
const { values } = parseArgs({
  options: {
    ci: { type: "boolean", default: false },
    users: { type: "string" },
    minutes: { type: "string" },
    seconds: { type: "string" },
    warmup: { type: "string" },
    data: { type: "string", default: "demo" },
    seed: { type: "string", default: "1" },
    scale: { type: "string", default: "0.1" },
    "database-url": { type: "string" },
    port: { type: "string" },
    out: { type: "string", default: "reports" },
    "test-report": { type: "string" },
  },
});
const mode = values.ci ? "ci" : "full";
const users = Number(values.users ?? (values.ci ? "20" : "50"));
const durationSeconds = values.seconds ? Number(values.seconds) : Number(values.minutes ?? (values.ci ? "1" : "10")) * 60;
// Before the measured run, the same users warm the server up (compiled code, heap and pools
// settle): a short run's memory trend would otherwise measure the warm-up. Its requests
// and errors are reported apart; an error in it fails the run all the same.
const warmupSeconds = Number(values.warmup ?? (values.ci ? "90" : "0"));
const dataSet = values.data as DataSet;
if (dataSet !== "demo" && dataSet !== "national") throw new Error(`--data must be demo or national, not ${values.data}`);
if (!(users >= 1 && durationSeconds >= 10)) throw new Error("--users must be at least 1 and the run at least 10 s");
const MEMORY_INTERVAL_SECONDS = 5;
const adminUrl = values["database-url"] ?? process.env.TEST_DATABASE_URL;

const step = (message: string) => console.log(`\n== ${message}`);
const build = describeBuild(root);
const command = `npm run soak${process.argv.length > 2 ? ` -- ${process.argv.slice(2).join(" ")}` : ""}`;
console.log(`${command}: ${users} users for ${durationSeconds} s on ${build}`);

// A database of its own: in the given cluster, or in a throwaway one started here.
const work = mkdtempSync(path.join(os.tmpdir(), "digital-roadmap-soak-"));
const clusterDir = `${work}-pg`;
const cluster = adminUrl ? null : startCluster(root, clusterDir);
const databaseName = `soak_${Date.now()}`;
const authSecret = randomBytes(33).toString("base64");
const { default: postgres } = await import("postgres");
let databaseUrl = "";
try {
  if (cluster) {
    databaseUrl = await cluster.createDatabase(databaseName);
  } else {
    const admin = postgres(adminUrl!, { max: 1, onnotice: () => {} });
    await admin.unsafe(`create database "${databaseName}"`).finally(() => admin.end());
    const url = new URL(adminUrl!);
    url.pathname = `/${databaseName}`;
    databaseUrl = url.toString();
  }

  step(`Loading the ${dataSet} data set into PostgreSQL (${cluster ? "throwaway cluster" : "given cluster"}, database ${databaseName})`);
  await loadDataSet(root, databaseUrl, dataSet, { seed: Number(values.seed), scale: Number(values.scale) });
  process.env.DATABASE_URL = databaseUrl;
  process.env.AUTH_SECRET = authSecret;
  const prepared = await prepareSoak(users);
  console.log(`Drafts to edit: ${prepared.drafts.map((d) => d.odsCode).join(", ")}; ${prepared.users.length} API tokens made.`);

  const organisationPaths = prepared.organisationIds.map((id) => `/organisations/${id}`);
  const routes: Route[] = [
    ...benchTargets({ organisationId: prepared.organisationIds[0]! })
      .filter((t) => !t.path.startsWith("/admin"))
      .map((t) => ({ name: t.name, kind: t.kind, paths: t.name === "Organisation" ? organisationPaths : [t.path] })),
    { name: "Organisations", kind: "page", paths: ["/organisations"] },
    { name: "Assessments", kind: "page", paths: ["/assessments"] },
    { name: "Workstreams", kind: "page", paths: ["/workstreams"] },
    { name: "Board pack", kind: "page", paths: ["/board-pack"] },
  ];
  const scenario: Scenario = {
    baseUrl: "",
    pages: routes.filter((r) => r.kind === "page"),
    apiReads: routes.filter((r) => r.kind === "api"),
    editShare: 0.25,
    apiShare: 0.25,
    thinkMs: { min: 500, max: 2000 },
  };

  step("Starting the production server on PostgreSQL");
  const server = await startServer(root, { DATABASE_URL: databaseUrl, AUTH_SECRET: authSecret }, values.port ? { port: Number(values.port) } : {});
  scenario.baseUrl = server.url;
  const serving = findServerPid(server.pid);
  console.log(`${server.url}: launcher pid ${server.pid}, serving pid ${serving.pid} (${serving.name})`);
  const warmup = new Recorder();
  const recorder = new Recorder();
  let phase = warmupSeconds > 0 ? warmup : recorder;
  const samples: MemorySample[] = [];
  let result: SoakResult;
  try {
    step(`Signing in ${users} virtual users`);
    const virtualUsers = [];
    for (const [index, credentials] of prepared.users.entries()) {
      const cookie = await signInCookie(server.url, credentials.account.email, prepared.password);
      const editable = prepared.drafts.filter((d) => credentials.canEdit && (credentials.account.role === "admin" || credentials.account.organisationIds.includes(d.organisationId)));
      virtualUsers.push({ index: index + 1, cookie, token: credentials.token, editable });
    }

    step("Checking every route once per account (each must answer 200)");
    const seen = new Set<string>();
    for (const user of virtualUsers) {
      const email = prepared.users[user.index - 1]!.account.email;
      if (seen.has(email)) continue;
      seen.add(email);
      for (const route of routes) {
        const headers: Record<string, string> = route.kind === "page" ? { Cookie: user.cookie } : { Authorization: `Bearer ${user.token}` };
        const response = await httpGet(server.url + route.paths[0], { headers });
        if (response.status !== 200) throw new Error(`${email}: GET ${route.paths[0]} answered ${response.status}, not 200: ${response.body.toString().slice(0, 300)}`);
      }
    }

    step(`Soaking: ${users} users for ${durationSeconds} s${warmupSeconds ? ` after ${warmupSeconds} s of warm-up` : ""}`);
    // Seconds count from the start of the measured run (negative during the warm-up).
    const started = performance.now() + warmupSeconds * 1000;
    const deadline = started + durationSeconds * 1000;
    const elapsed = () => (performance.now() - started) / 1000;
    const beforeLoad = sampleMemory(server.pid, serving.pid, -warmupSeconds);
    warmup.origin = recorder.origin = performance.now();
    samples.push(beforeLoad);
    const sampler = setInterval(() => {
      const sample = sampleMemory(server.pid, serving.pid, elapsed());
      samples.push(sample);
      if (samples.length % 12 === 1) {
        console.log(`  ${sample.seconds.toFixed(0)} s: ${phase.count} requests, ${phase.errors} errors, ${phase.conflicts} conflicts, server RSS ${(sample.serverRssBytes / 1024 / 1024).toFixed(0)} MB`);
      }
    }, MEMORY_INTERVAL_SECONDS * 1000);
    let startSample = beforeLoad;
    const endWarmup = setTimeout(() => {
      phase = recorder;
      startSample = sampleMemory(server.pid, serving.pid, 0);
      samples.push(startSample);
    }, warmupSeconds * 1000);
    try {
      await Promise.all(virtualUsers.map((user) => runVirtualUser(user, scenario, () => phase, deadline)));
    } finally {
      clearInterval(sampler);
      clearTimeout(endWarmup);
    }
    const seconds = elapsed();
    samples.sort((a, b) => a.seconds - b.seconds);
    samples.push(sampleMemory(server.pid, serving.pid, seconds));

    const accountUse = new Map<string, { email: string; role: string; virtualUsers: number; edits: boolean }>();
    for (const u of prepared.users) {
      const entry = accountUse.get(u.account.email) ?? { email: u.account.email, role: u.account.role, virtualUsers: 0, edits: u.canEdit };
      entry.virtualUsers++;
      accountUse.set(u.account.email, entry);
    }
    result = {
      date: new Date().toISOString(),
      machine: `${os.cpus().length} × ${os.cpus()[0]?.model ?? "CPU"}, ${(os.totalmem() / 1024 ** 3).toFixed(0)} GB, Node ${process.version}, ${os.platform()} ${os.release()}`,
      build,
      command,
      mode,
      settings: { users, durationSeconds, warmupSeconds, thinkMs: scenario.thinkMs, editShare: scenario.editShare, apiShare: scenario.apiShare, dataSet, database: cluster ? "throwaway cluster" : "given cluster" },
      dataSet: prepared.counts,
      accounts: [...accountUse.values()],
      drafts: prepared.drafts.map((d) => d.odsCode),
      requests: { served: recorder.count, perSecond: recorder.count / seconds, byKind: recorder.byKind(), byRoute: recorder.byRoute() },
      savedEdits: recorder.savedEdits,
      conflicts: recorder.conflicts,
      errors: recorder.errors,
      errorDetails: recorder.errorDetails,
      warmup: { served: warmup.count, errors: warmup.errors, conflicts: warmup.conflicts, savedEdits: warmup.savedEdits, errorDetails: warmup.errorDetails },
      serverErrorLines: server
        .output()
        .split("\n")
        .filter((l) => /error|⨯|unhandled/i.test(l))
        .slice(0, 20),
      memory: {
        server: `${serving.name} (pid ${serving.pid})`,
        intervalSeconds: MEMORY_INTERVAL_SECONDS,
        samples,
        beforeLoadBytes: beforeLoad.serverRssBytes,
        startBytes: startSample.serverRssBytes,
        endBytes: samples[samples.length - 1]!.serverRssBytes,
        peakBytes: Math.max(...samples.map((s) => s.serverRssBytes)),
        secondHalf: secondHalfTrend(samples, seconds),
        limitMbPerMinute: memoryLimitMbPerMinute,
        peakGrowthBytes: peakGrowthBytes(samples),
      },
    };
  } finally {
    await server.stop();
  }

  const outDir = path.resolve(root, values.out);
  mkdirSync(outDir, { recursive: true });
  const markdown = toMarkdown(result);
  writeFileSync(path.join(outDir, "soak.json"), JSON.stringify({ ...result, checks: soakChecks(result) }, null, 2) + "\n");
  writeFileSync(path.join(outDir, "soak.md"), markdown);
  step(`Results (also in ${path.relative(root, outDir)}/soak.md and soak.json)`);
  console.log(markdown);
  if (values["test-report"]) writeFileSync(path.resolve(root, values["test-report"]), JSON.stringify(testReport(result)) + "\n");
  const failed = soakChecks(result).filter((c) => !c.passed);
  if (failed.length) {
    console.error(`Soak failed: ${failed.map((c) => `${c.title} (${c.detail})`).join("; ")}`);
    process.exitCode = 1;
  }
} finally {
  if (cluster) {
    cluster.stop();
  } else if (databaseUrl) {
    const admin = postgres(adminUrl!, { max: 1, onnotice: () => {} });
    await admin.unsafe(`drop database if exists "${databaseName}" with (force)`).finally(() => admin.end());
  }
  rmSync(work, { recursive: true, force: true });
  rmSync(clusterDir, { recursive: true, force: true });
}
