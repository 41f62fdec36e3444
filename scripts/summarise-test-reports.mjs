#!/usr/bin/env node
// Sums vitest (jest-compatible JSON) and Playwright JSON reports into one closing line.
//
//   node scripts/summarise-test-reports.mjs [--exit NAME=CODE ...] REPORT.json ...
//
// The very last line printed is exactly "N passed, N failed, N skipped" (CI parses it).
// Per-suite lines are indented and use "suite NAME —" so they cannot be mistaken for it.
// A missing/unreadable report counts as 1 failure. `--exit NAME=CODE` tells us a step's exit
// code (NAME = report basename without .json, or a step with no report such as "build"): a
// non-zero code with no failure in that suite's report (e.g. an unhandled error) counts as 1.
// Exit code: 1 when anything failed or nothing passed, else 0.
import { readFileSync } from "node:fs";
import { basename } from "node:path";

const exits = new Map();
const reports = [];
const args = process.argv.slice(2);
for (let i = 0; i < args.length; i++) {
  const a = args[i];
  const spec = a === "--exit" ? args[++i] : a.startsWith("--exit=") ? a.slice(7) : null;
  if (spec == null) { reports.push(a); continue; }
  const m = /^([^=]+)=(-?\d+)$/.exec(spec ?? "");
  if (!m) { console.error(`bad --exit value: ${spec} (want NAME=CODE)`); process.exit(2); }
  exits.set(m[1], Number(m[2]));
}

// Jest-compatible report from vitest's json reporter.
function fromVitest(r) {
  let failed = r.numFailedTests ?? 0;
  const notes = [];
  for (const f of r.testResults ?? []) {
    const failedTests = (f.assertionResults ?? []).filter((t) => t.status === "failed").length;
    // A file that failed without a failing test (import error, hook error) is one failure.
    if (f.status === "failed" && failedTests === 0) {
      failed += 1;
      notes.push(`${f.name}: ${(f.message || "failed to run").split("\n")[0]}`);
    }
  }
  return { passed: r.numPassedTests ?? 0, failed, skipped: (r.numPendingTests ?? 0) + (r.numTodoTests ?? 0), notes };
}

// Playwright json reporter: flaky tests passed on retry; top-level errors (config, webServer,
// spec files that fail to load) are failures not attributed to any test.
function fromPlaywright(r) {
  const s = r.stats;
  const errors = r.errors ?? [];
  return {
    passed: (s.expected ?? 0) + (s.flaky ?? 0),
    failed: (s.unexpected ?? 0) + errors.length,
    skipped: s.skipped ?? 0,
    notes: errors.map((e) => (e.message || String(e)).split("\n")[0]),
  };
}

function summarise(path) {
  const name = basename(path).replace(/\.json$/, "");
  let r;
  try {
    r = JSON.parse(readFileSync(path, "utf8"));
  } catch (e) {
    const why = e.code === "ENOENT" ? "produced no report" : `report unreadable (${e.message})`;
    return { name, passed: 0, failed: 1, skipped: 0, notes: [`${name} ${why}: ${path}`] };
  }
  if (r && typeof r.numPassedTests === "number" && Array.isArray(r.testResults)) return { name, ...fromVitest(r) };
  if (r && r.stats && typeof r.stats.expected === "number") return { name, ...fromPlaywright(r) };
  return { name, passed: 0, failed: 1, skipped: 0, notes: [`${path}: unrecognised report format`] };
}

const suites = reports.map(summarise);
for (const [name, code] of exits) {
  if (code === 0) continue;
  const s = suites.find((x) => x.name === name);
  if (!s) suites.push({ name, passed: 0, failed: 1, skipped: 0, notes: [`${name} failed (exit code ${code})`] });
  else if (s.failed === 0) {
    s.failed = 1;
    s.notes.push(`${name} exited with code ${code} although its report shows no failed test`);
  }
}

const total = { passed: 0, failed: 0, skipped: 0 };
for (const s of suites) {
  for (const k of Object.keys(total)) total[k] += s[k];
  console.log(`  suite ${s.name} — ${s.passed} passed / ${s.failed} failed / ${s.skipped} skipped`);
  for (const n of s.notes) console.log(`    ! ${n}`);
}
if (total.passed === 0) console.log("  ! no test passed (did any run?)");
console.log(`${total.passed} passed, ${total.failed} failed, ${total.skipped} skipped`);
process.exit(total.failed > 0 || total.passed === 0 ? 1 : 0);
