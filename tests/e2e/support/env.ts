// Where the e2e suite finds the app. Shared by playwright.config.ts and the fixtures
// (worker-scoped fixtures cannot read the test-scoped baseURL option).
// localhost, not 127.0.0.1: Auth.js sets its cookies for the host it was reached on.
export const E2E_PORT = Number(process.env.E2E_PORT ?? 3210);
export const BASE_URL = `http://localhost:${E2E_PORT}`;
