import { spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import path from "node:path";
import { expect, request as apiContext, test, type APIRequestContext, type Browser } from "@playwright/test";
import postgres from "postgres";
import { accounts, DEMO_PASSWORD } from "./support/accounts";
import { ownPorts, startAppServer, type AppServer } from "./support/app-server";
import { signInThroughForm } from "./support/sign-in";

// Two instances of the production build on one PostgreSQL database, as behind a load
// balancer: nothing that must be shared lives in one process. A session made on one is
// good on the other; a change made through one is seen, and its version check enforced,
// through the other; a lockout earned on one holds on the other. The database is made
// with the national generator at its smallest scale (the demo and one more system) in the
// test cluster that `npm test` starts (TEST_DATABASE_URL).

const root = path.resolve(import.meta.dirname, "../..");
const ports = ownPorts.instances;
const [urlA, urlB] = ports.map((p) => `http://localhost:${p}`) as [string, string];
const adminUrl = process.env.TEST_DATABASE_URL;
const database = `dr_instances_${randomBytes(6).toString("hex")}`;
const servers: AppServer[] = [];

test.describe.configure({ mode: "serial", timeout: 120_000 });

test.beforeAll(async () => {
  test.setTimeout(240_000);
  if (!adminUrl) throw new Error("TEST_DATABASE_URL must name the test PostgreSQL cluster (npm test starts one).");
  const admin = postgres(adminUrl, { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database ${database}`);
  await admin.end();
  const databaseUrl = adminUrl.replace(/\/[^/]*$/, `/${database}`);
  const generated = spawnSync(process.execPath, [path.join(root, "node_modules/tsx/dist/cli.mjs"), "--conditions=react-server", "scripts/generate-national.ts", "--scale", "0.02"], {
    cwd: root,
    env: { ...process.env, DATABASE_URL: databaseUrl },
    encoding: "utf8",
  });
  if (generated.status !== 0) throw new Error(`generate:national failed:\n${generated.stdout}\n${generated.stderr}`);
  const env = { DATABASE_URL: databaseUrl, AUTH_SECRET: randomBytes(33).toString("base64") };
  servers.push(...(await Promise.all(ports.map((port) => startAppServer({ port, env })))));
});

test.afterAll(async () => {
  await Promise.all(servers.map((server) => server.stop()));
  if (!adminUrl) return;
  const admin = postgres(adminUrl, { max: 1, onnotice: () => {} });
  await admin.unsafe(`drop database if exists ${database} with (force)`);
  await admin.end();
});

async function signedInPage(browser: Browser, baseURL: string, email: string) {
  const context = await browser.newContext({ baseURL });
  const page = await context.newPage();
  await page.goto("/login");
  await signInThroughForm(page, email);
  await page.waitForURL((url) => url.pathname === "/maturity");
  return { context, page };
}

test("a session, a change and its version check hold across two instances", async ({ browser }) => {
  const { context, page } = await signedInPage(browser, urlA, accounts.admin.email);
  let secret = "";
  await test.step("signed in on A, the same cookie is a session on B", async () => {
    const onB = await context.newPage();
    await onB.goto(`${urlB}/profile`);
    await expect(onB.getByTestId("signed-in-user")).toHaveText(accounts.admin.name);
  });
  await test.step("a read-and-write token made on A", async () => {
    await page.goto("/profile");
    const form = page.getByTestId("new-token-form");
    await form.getByLabel("Name").fill("Two instances");
    await form.getByLabel("Read and write").check();
    await form.getByRole("button", { name: "Create token" }).click();
    secret = await page.getByTestId("new-token").getByLabel("Your new API token").inputValue();
    expect(secret).toMatch(/^drm_/);
  });
  const api = async (baseURL: string): Promise<APIRequestContext> => apiContext.newContext({ baseURL, extraHTTPHeaders: { Authorization: `Bearer ${secret}` } });
  const [a, b] = [await api(urlA), await api(urlB)];
  await test.step("a draft started through A is read through B, saved through B, and A's stale save is refused", async () => {
    // A council: the generator assesses every other organisation in every period, so only a council has no 2017 reassessment yet.
    const organisations = (await (await a.get("/api/v1/organisations?limit=1000")).json()).data as { id: string; name: string }[];
    const frameworks = (await (await b.get("/api/v1/frameworks")).json()).data as { code: string; periods: { id: string; code: string; isOpen: boolean }[] }[];
    const period = frameworks.find((f) => f.code === "DMI-2016")!.periods.find((p) => p.code === "2017-REASSESSMENT")!;
    const created = await a.post("/api/v1/assessments", { data: { organisationId: organisations.find((o) => o.name === "Oxfordshire County Council")!.id, periodId: period.id } });
    expect(created.status()).toBe(201);
    const { id, version } = (await created.json()).data as { id: string; version: number };
    const read = await b.get(`/api/v1/assessments/${id}`);
    expect(read.status()).toBe(200);
    expect((await read.json()).data).toMatchObject({ id, status: "draft", version });
    const scores = Object.fromEntries(["R1", "R2", "R3", "R4", "R5", "C1", "C2", "C3", "C4", "C5", "C6", "C7", "I1", "I2"].map((c, i) => [c, 40 + i]));
    const saved = await b.put(`/api/v1/assessments/${id}/scores`, { data: { version, scores } });
    expect(saved.status()).toBe(200);
    const stale = await a.put(`/api/v1/assessments/${id}/scores`, { data: { version, scores: { ...scores, R1: 99 } } });
    expect(stale.status()).toBe(409);
    const after = (await (await a.get(`/api/v1/assessments/${id}`)).json()).data as { version: number; scores: { domainCode: string; score: number }[] };
    expect(after.version).toBe(version + 1);
    expect(after.scores.find((s) => s.domainCode === "R1")?.score).toBe(40);
  });
  await Promise.all([a.dispose(), b.dispose(), context.close()]);
});

test("a lockout earned on one instance holds on the other", async ({ browser }) => {
  const email = accounts.viewer.email;
  const context = await browser.newContext();
  const page = await context.newPage();
  await test.step("five wrong passwords on A", async () => {
    for (let i = 0; i < 5; i++) {
      await page.goto(`${urlA}/login`);
      await signInThroughForm(page, email, `not-the-password-${i}`);
      await expect(page.getByText("The email address or password is not right, or the account is disabled.").first()).toBeVisible();
    }
  });
  await test.step("the right password on B is refused while the lock lasts", async () => {
    await page.goto(`${urlB}/login`);
    await signInThroughForm(page, email, DEMO_PASSWORD);
    await expect(page.getByText("Too many failed sign-ins for this account or from this address: try again in 15 minutes.").first()).toBeVisible();
    await expect(page).toHaveURL(/\/login/);
  });
  await context.close();
});
