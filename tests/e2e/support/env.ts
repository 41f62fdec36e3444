// Where the e2e suite finds the app. Shared by playwright.config.ts and the fixtures
// (worker-scoped fixtures cannot read the test-scoped baseURL option).
// localhost, not 127.0.0.1: Auth.js sets its cookies for the host it was reached on.
export const E2E_PORT = Number(process.env.E2E_PORT ?? 3210);
export const BASE_URL = `http://localhost:${E2E_PORT}`;

/** Rate limits (lib/env.ts) for servers that tests and benchmarks load far harder than a person does. */
export const LOAD_TEST_RATE_LIMITS = {
  RATE_LIMIT_EXPORTS_PER_MINUTE: "100000",
  RATE_LIMIT_AS_AT_PER_MINUTE: "100000",
  RATE_LIMIT_API_LISTS_PER_MINUTE: "100000",
};
