// Checks scripts/summarise-test-reports.mjs, which produces the closing line CI parses.
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

const script = fileURLToPath(new URL("../../scripts/summarise-test-reports.mjs", import.meta.url));
let dir = "";

function write(name: string, data: unknown): string {
  const path = join(dir, name);
  writeFileSync(path, JSON.stringify(data));
  return path;
}

function run(...args: string[]) {
  const r = spawnSync(process.execPath, [script, ...args], { encoding: "utf8" });
  const lines = r.stdout.trimEnd().split("\n");
  return { code: r.status, out: r.stdout, last: lines[lines.length - 1] };
}

const vitestReport = (o: Partial<Record<string, unknown>> = {}) => ({
  numPassedTests: 10,
  numFailedTests: 0,
  numPendingTests: 1,
  numTodoTests: 1,
  testResults: [{ name: "a.test.ts", status: "passed", message: "", assertionResults: [{ status: "passed" }] }],
  ...o,
});
const playwrightReport = (stats: Record<string, number>, errors: unknown[] = []) => ({
  stats: { expected: 0, unexpected: 0, flaky: 0, skipped: 0, ...stats },
  errors,
  suites: [],
});

describe("summarise-test-reports", () => {
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), "summarise-"));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("adds vitest and playwright totals and prints them last", () => {
    const v = write("vitest.json", vitestReport());
    const p = write("playwright.json", playwrightReport({ expected: 5, skipped: 2 }));
    const r = run(v, p);
    expect(r.last).toBe("15 passed, 0 failed, 4 skipped");
    expect(r.out).toContain("suite vitest — 10 passed / 0 failed / 2 skipped");
    expect(r.code).toBe(0);
  });

  it("counts flaky as passed and unexpected as failed", () => {
    const p = write("pw-flaky.json", playwrightReport({ expected: 3, flaky: 2, unexpected: 1 }));
    const r = run(p);
    expect(r.last).toBe("5 passed, 1 failed, 0 skipped");
    expect(r.code).toBe(1);
  });

  it("counts a vitest file that failed to load as one failure", () => {
    const v = write(
      "vitest-broken.json",
      vitestReport({
        testResults: [{ name: "b.test.ts", status: "failed", message: "Cannot find module", assertionResults: [] }],
      }),
    );
    const r = run(v);
    expect(r.last).toBe("10 passed, 1 failed, 2 skipped");
    expect(r.code).toBe(1);
  });

  it("counts a missing report as a failure and names the suite", () => {
    const v = write("vitest-ok.json", vitestReport());
    const r = run(v, join(dir, "playwright-missing.json"));
    expect(r.out).toMatch(/playwright-missing produced no report/);
    expect(r.last).toBe("10 passed, 1 failed, 2 skipped");
    expect(r.code).toBe(1);
  });

  it("counts a failed step with no report, or a non-zero exit with a clean report", () => {
    const v = write("vitest.json", vitestReport());
    expect(run(v, "--exit", "build=1").last).toBe("10 passed, 1 failed, 2 skipped");
    expect(run(v, "--exit", "vitest=1").last).toBe("10 passed, 1 failed, 2 skipped");
    expect(run(v, "--exit", "vitest=0", "--exit", "build=0").code).toBe(0);
  });

  it("exits 1 when no test ran", () => {
    const v = write("vitest-empty.json", vitestReport({ numPassedTests: 0, numPendingTests: 0, numTodoTests: 0, testResults: [] }));
    const p = write("pw-empty.json", playwrightReport({}));
    const r = run(v, p);
    expect(r.last).toBe("0 passed, 0 failed, 0 skipped");
    expect(r.code).toBe(1);
  });
});
