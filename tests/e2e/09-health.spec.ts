import { expect, test } from "./support/fixtures";

test("GET /api/health answers 200: database reachable, migrations up to date", async ({ request }) => {
  const response = await request.get("/api/health");
  expect(response.status()).toBe(200);
  const body = (await response.json()) as { status?: string; database?: { reachable?: boolean; driver?: string }; migrations?: { upToDate?: boolean } };
  expect(body.status).toBe("ok");
  expect(body.database?.reachable).toBe(true);
  // The e2e server runs on the embedded database, never on a DATABASE_URL from the environment.
  expect(body.database?.driver).toContain("pglite");
  expect(body.migrations?.upToDate).toBe(true);
});
