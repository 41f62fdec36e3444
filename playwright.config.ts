import { defineConfig, devices } from "@playwright/test";
import { BASE_URL, E2E_PORT, LOAD_TEST_RATE_LIMITS } from "./tests/e2e/support/env";

// End-to-end tests against the production build (`npm run build` first) on the embedded
// PGlite database, in a throwaway data folder that is wiped at every run: the app
// migrates and seeds the demo data, with the demo accounts (DEMO_ACCOUNTS=1), on first
// start and writes its own AUTH_SECRET there.
// Folders are per port, so that two runs side by side (E2E_PORT=…) do not wipe each other's.
const DATA_DIR = `.data/e2e/${E2E_PORT}`;

// Load and fault checks: each starts servers (and, for faults, a PostgreSQL cluster) of its
// own and keeps both cores busy for minutes. They run in the full run only (`npm run
// test:full`, or FULL=1 before any command); the default run leaves them out here, so they
// are not in its report at all (not counted as skipped). See docs/testing.md.
const FULL = process.env.FULL === "1";
const fullRunOnly = [
  "**/18-instances.spec.ts", // two production instances on one PostgreSQL
  "**/20-faults.spec.ts", // PostgreSQL stopped four times during a 10,000-row import
  "**/22-concurrent-edits.spec.ts", // 4,000 racing read-modify-write requests
];
// Files whose tests are independent and long enough to be worth sharing between the
// workers (any other file runs in one worker, its tests in order).
const parallelFiles = ["**/06-accessibility.spec.ts"];

const chromium = {
  ...devices["Desktop Chrome"],
  launchOptions: {
    executablePath: "/usr/bin/chromium",
    args: [
      "--no-sandbox",
      "--headless",
      "--disable-gpu",
      "--disable-dev-shm-usage",
      "--disable-quic",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      "--no-first-run",
    ],
  },
};

export default defineConfig({
  testDir: "tests/e2e",
  testMatch: "**/*.spec.ts",
  // Signs each demo account in once (after the web server is up); see the file.
  globalSetup: "./tests/e2e/global-setup.ts",
  outputDir: `test-results/e2e-${E2E_PORT}`,
  // Specs that change data each work on their own organisations, periods and users, so
  // files may run side by side; tests within a file run in order. E2E_WORKERS=1 to debug.
  fullyParallel: false,
  workers: Number(process.env.E2E_WORKERS ?? 2),
  retries: 0,
  forbidOnly: Boolean(process.env.CI),
  timeout: 30_000,
  expect: { timeout: 10_000 },
  reporter: [["list"], ["json", { outputFile: "reports/playwright.json" }]],
  use: {
    baseURL: BASE_URL,
    locale: "en-GB",
    timezoneId: "Europe/London",
    actionTimeout: 10_000,
    navigationTimeout: 20_000,
    // Tracing slows this small machine by a fifth: E2E_TRACE=1 keeps a trace of each failure.
    trace: process.env.E2E_TRACE ? "retain-on-failure" : "off",
    screenshot: "only-on-failure",
  },
  projects: [
    { name: "chromium", testIgnore: [...(FULL ? [] : fullRunOnly), ...parallelFiles], use: chromium },
    { name: "chromium-parallel", testMatch: parallelFiles, fullyParallel: true, use: chromium },
  ],
  webServer: {
    command: `rm -rf ${DATA_DIR} && npx next start -p ${E2E_PORT}`,
    url: `${BASE_URL}/api/health`,
    timeout: 120_000,
    reuseExistingServer: false,
    stdout: "pipe",
    stderr: "pipe",
    env: {
      DATA_DIR,
      PORT: String(E2E_PORT),
      // Empty means "not set" to the app: always the embedded database, never a real one.
      DATABASE_URL: "",
      // The specs sign in as the demo accounts: asked for, as `npm run demo` does.
      DEMO_ACCOUNTS: "1",
      NEXT_TELEMETRY_DISABLED: "1",
      // The specs share six accounts between two workers, and the authorization matrix
      // sends hundreds of requests a minute with each: the rate limits are raised here and
      // proven in tests/integration/rate-limit*.test.ts.
      ...LOAD_TEST_RATE_LIMITS,
    },
  },
});
