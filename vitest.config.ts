import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { defineConfig, type TestProjectInlineConfiguration } from "vitest/config";

const root = import.meta.dirname;

// Speed (measured in docs/testing.md): the test files of a project share their worker
// process and the modules it has loaded (`isolate: false`) instead of each starting a
// process of its own, which halves the suite's CPU time. Each file still gets a database of
// its own (tests/support/use-test-database.ts), and spies are restored after each file. A
// file that replaces a module with vi.mock would leave its mock (and modules bound to it)
// to the next file in the process, so such files run in a project of their own, isolated
// as before ("…-mocks"): found by reading the files, so a new one is never missed.
function testFiles(dir: string): string[] {
  return fs
    .readdirSync(path.join(root, dir), { recursive: true, encoding: "utf8" })
    .filter((f) => f.endsWith(".test.ts"))
    .map((f) => `${dir}/${f.split(path.sep).join("/")}`);
}
const mocksModules = (file: string) => /\bvi\s*\.\s*(mock|doMock)\s*\(/.test(fs.readFileSync(path.join(root, file), "utf8"));

/** The project for the files under dir, split into shared-process files and isolated mocking ones. */
function projects(name: string, dir: string, test: TestProjectInlineConfiguration["test"] = {}): TestProjectInlineConfiguration[] {
  const mocking = testFiles(dir).filter(mocksModules);
  const shared: TestProjectInlineConfiguration = { extends: true, test: { ...test, name, include: [`${dir}/**/*.test.ts`], exclude: mocking, isolate: false } };
  const isolated: TestProjectInlineConfiguration = { extends: true, test: { ...test, name: `${name}-mocks`, include: mocking, isolate: true } };
  return mocking.length ? [shared, isolated] : [shared];
}

export default defineConfig({
  resolve: {
    alias: {
      "@": root,
      // Tests import server modules directly; Next's guard has nothing to guard here.
      "server-only": path.join(root, "tests/support/server-only.ts"),
    },
  },
  test: {
    root,
    // Limits against hangs, not speed checks: a machine shared with other test runs was seen
    // to make a 3-second PGlite test take 33 s.
    testTimeout: 120_000,
    hookTimeout: 120_000,
    // Vitest's default leaves one core free (one worker on a 2-core machine); the suite
    // waits on its databases often enough to use every core. VITEST_MAX_WORKERS overrides.
    maxWorkers: Math.max(2, os.availableParallelism() - 1),
    projects: [
      ...projects("unit", "tests/unit"),
      // The same integration suite twice: on the embedded PGlite and on a real PostgreSQL.
      ...projects("integration-pglite", "tests/integration", {
        env: { TEST_DB: "pglite" },
        globalSetup: ["tests/support/global-setup-pglite.ts"],
        setupFiles: ["tests/support/use-test-database.ts"],
      }),
      ...projects("integration-postgres", "tests/integration", {
        env: { TEST_DB: "postgres" },
        globalSetup: ["tests/support/global-setup-postgres.ts"],
        setupFiles: ["tests/support/use-test-database.ts"],
      }),
    ],
  },
});
