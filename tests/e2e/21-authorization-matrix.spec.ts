import { spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { readFileSync } from "node:fs";
import path from "node:path";
import { expect, test } from "@playwright/test";
import { encode } from "next-auth/jwt";
import postgres from "postgres";
import { signInCookie } from "../../scripts/bench/sign-in";
import { totpCode } from "../../lib/auth/totp";
import { accounts, DEMO_PASSWORD } from "./support/accounts";
import { callServerAction, serverActionsInBuild, type ActionOutcome, type ServerActionRef } from "./support/action-client";
import { ownPorts, startAppServer, type AppServer } from "./support/app-server";
import { expected, frameworkEntries, matrix, rowKey, subjects, type MatrixRow, type Subject } from "./authorization-matrix/matrix";

// The authorization matrix (tests/e2e/authorization-matrix/matrix.ts) run with requests
// crafted by hand: no page is opened in a browser. It runs on a server of its own (the
// production build on a PostgreSQL database of its own in the test cluster), so that it
// may change anything, arrange each case directly in the database, and disable an account,
// without touching what the other specs run on. Also: the build's routes and actions are
// all in the matrix (and nothing else is), a forged x-middleware-subrequest header opens
// nothing, pages refuse on their own when the sign-in redirect is bypassed, a cross-site
// server action is refused, and a disabled account's session and token stop working.

const root = path.resolve(import.meta.dirname, "../..");
const port = ownPorts.matrix;
const baseUrl = `http://localhost:${port}`;
const adminUrl = process.env.TEST_DATABASE_URL;
const database = `dr_matrix_${randomBytes(6).toString("hex")}`;
const CONCURRENCY = 6;
// The server's signing secret, so that a test can sign a session cookie as an attacker who had it could not.
const authSecret = randomBytes(33).toString("base64");
let server: AppServer | undefined;
let sql: postgres.Sql;

test.describe.configure({ mode: "serial", timeout: 120_000 });

// ---------------------------------------------------------------- the server of its own

test.beforeAll(async () => {
  test.setTimeout(180_000);
  if (!adminUrl) throw new Error("TEST_DATABASE_URL must name the test PostgreSQL cluster (npm test starts one; or bash scripts/pg-test-cluster.sh start DIR).");
  const admin = postgres(adminUrl, { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database ${database}`);
  await admin.end();
  const databaseUrl = adminUrl.replace(/\/[^/]*$/, `/${database}`);
  const seeded = spawnSync(process.execPath, [path.join(root, "node_modules/tsx/dist/cli.mjs"), "--conditions=react-server", "tests/e2e/support/seed-demo.ts"], {
    cwd: root,
    env: { ...process.env, DATABASE_URL: databaseUrl },
    encoding: "utf8",
  });
  if (seeded.status !== 0) throw new Error(`seeding the matrix database failed:\n${seeded.stdout}\n${seeded.stderr}`);
  sql = postgres(databaseUrl, { max: 4, onnotice: () => {} });
  server = await startAppServer({ port, env: { DATABASE_URL: databaseUrl, AUTH_SECRET: authSecret } });
  await setUp();
});

test.afterAll(async () => {
  await server?.stop();
  await sql?.end();
  if (!adminUrl) return;
  const admin = postgres(adminUrl, { max: 1, onnotice: () => {} });
  await admin.unsafe(`drop database if exists ${database} with (force)`);
  await admin.end();
});

// ---------------------------------------------------------------- who is who, and the data

type Outcome = "allow" | "deny" | { error: string };

const cookies = {} as Record<Subject, string | undefined>;
const tokens = {} as Record<Subject, string | undefined>;
const userIds = {} as Record<Subject, string>;
const ids = {} as {
  ouh: string;
  rbft: string;
  bob: string;
  oxon: string;
  framework: string;
  domains: { id: string; code: string }[];
  baselineOuh: string;
  draftOuh: string;
  draftRbft: string;
  projectOuh: string;
  projectRbft: string;
  benefitCategory: string;
  records: string;
  intelligence: string;
  spareUser: string;
  ouhImport: string;
  adminDmaImport: string;
};
const actions = new Map<string, ServerActionRef>();
let counter = 0;
const next = () => ++counter;
const today = () => new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/London" }).format(new Date());

async function one<T>(query: Promise<T[]>): Promise<T> {
  const [row] = await query;
  if (!row) throw new Error("expected a row");
  return row;
}

async function setUp() {
  for (const [name, ref] of serverActionsInBuild()) actions.set(name, ref);
  const demo: Exclude<Subject, "anonymous" | "disabled">[] = ["admin", "cioOuh", "cioRbft", "board", "ccio", "viewer"];
  await Promise.all(demo.map(async (s) => (cookies[s] = await signInCookie(baseUrl, accounts[s].email, DEMO_PASSWORD))));
  for (const s of demo) userIds[s] = (await one(sql<{ id: string }[]>`select id from users where email = ${accounts[s].email}`)).id;

  const org = async (code: string) => (await one(sql<{ id: string }[]>`select id from organisations where ods_code = ${code}`)).id;
  ids.ouh = await org("RTH");
  ids.rbft = await org("RHW");
  ids.bob = (await one(sql<{ id: string }[]>`select id from systems where code = 'BOB'`)).id;
  ids.oxon = (await one(sql<{ id: string }[]>`select id from footprints where code = 'OXON'`)).id;
  ids.framework = (await one(sql<{ id: string }[]>`select id from frameworks where code = 'DMI-2016'`)).id;
  ids.domains = await sql<{ id: string; code: string }[]>`select d.id, d.code from framework_domains d join framework_sections s on s.id = d.section_id where s.framework_id = ${ids.framework}`;
  ids.baselineOuh = (await one(sql<{ id: string }[]>`select id from assessments where organisation_id = ${ids.ouh} and status = 'approved' limit 1`)).id;
  const ownedBy = async (organisationId: string) =>
    (await one(sql<{ id: string }[]>`select project_id as id from project_owners where organisation_id = ${organisationId} order by project_id limit 1`)).id;
  ids.projectOuh = await ownedBy(ids.ouh);
  ids.benefitCategory = (await one(sql<{ id: string }[]>`select id from benefit_categories limit 1`)).id;
  ids.records = (await one(sql<{ id: string }[]>`select id from workstreams where code = 'RECORDS'`)).id;
  ids.intelligence = (await one(sql<{ id: string }[]>`select id from workstreams where code = 'INTELLIGENCE'`)).id;
  ids.draftOuh = (await newAssessment(ids.ouh, "draft")).id;
  ids.draftRbft = (await newAssessment(ids.rbft, "draft")).id;

  // Tokens (read and write) through the profile form, as each person would make one.
  await Promise.all(demo.map(async (s) => (tokens[s] = await createToken(cookies[s]!))));

  // A spare account for the user actions, and the disabled administrator: signed in and
  // given a token first, then disabled by the administrator over HTTP.
  ids.spareUser = await createUser(`matrix-spare-${Date.now()}@test.nhs.uk`, "viewer");
  const disabledEmail = `matrix-disabled-${Date.now()}@test.nhs.uk`;
  userIds.disabled = await createUser(disabledEmail, "admin", "quince-lantern-harbour");
  cookies.disabled = await signInCookie(baseUrl, disabledEmail, "quince-lantern-harbour");
  await enrolTwoFactor("disabled");
  tokens.disabled = await createToken(cookies.disabled);
  expect((await get("/admin", cookies.disabled)).status, "the administrator-to-be-disabled opens /admin before").toBe(200);
  expect((await apiCall("GET", "/api/v1/organisations", tokens.disabled)).status, "and their token works before").toBe(200);
  const disabled = await act("app/admin/actions.ts#setUserDisabledAction", "admin", { userId: userIds.disabled, disabled: "true" });
  expect(disabled, "the administrator disables the account").toMatchObject({ kind: "state", state: { ok: true } });

  ids.ouhImport = await uploadImport("cioOuh");
  ids.adminDmaImport = (await uploadDmaWorkbook()).id;
  // The seed has no Royal Berkshire project: its CIO adds one.
  const created = await act("app/portfolio/actions.ts#saveProjectAction", "cioRbft", projectFields(ids.rbft));
  const project = created.kind === "redirect" ? /\/portfolio\/projects\/([0-9a-f-]{36})/.exec(created.location) : null;
  if (!project) throw new Error(`the RBFT CIO could not add a project: ${JSON.stringify(created).slice(0, 300)}`);
  ids.projectRbft = project[1]!;
}

async function createToken(cookie: string): Promise<string> {
  const outcome = await callServerAction({ baseUrl, action: actionRef("app/profile/actions.ts#createApiTokenAction"), cookie, pagePath: "/profile", fields: { name: `matrix ${next()}`, scope: "read-write", lifetimeDays: "30" } });
  const secret = outcome.kind === "state" ? (outcome.state as { created?: { secret?: string } } | null)?.created?.secret : undefined;
  if (!secret) throw new Error(`creating a token failed: ${JSON.stringify(outcome).slice(0, 300)}`);
  return secret;
}

/**
 * An administrator must set up two-factor before anything else: through the set-up page,
 * as a person would (the key read from the page, the first code computed from it).
 */
async function enrolTwoFactor(subject: Subject): Promise<void> {
  const A = (name: string) => `app/account/security/actions.ts#${name}`;
  expect(await act(A("startTwoFactorAction"), subject, {}), "two-factor set-up starts").toMatchObject({ kind: "state", state: { ok: true } });
  const page = await (await get("/account/security", cookies[subject])).text();
  const secret = /data-testid="totp-secret">([A-Z2-7 ]+)</.exec(page)?.[1]?.replaceAll(" ", "");
  if (!secret) throw new Error("the set-up page shows no key");
  expect(await act(A("confirmTwoFactorAction"), subject, { code: totpCode(secret) }), "two-factor set-up is confirmed").toMatchObject({ kind: "state", state: { ok: true } });
}

async function createUser(email: string, role: string, password = ""): Promise<string> {
  const outcome = await act("app/admin/actions.ts#createUserAction", "admin", { email, name: `Matrix ${role}`, password, role });
  const match = outcome.kind === "redirect" ? /\/admin\/users\/([0-9a-f-]{36})/.exec(outcome.location) : null;
  if (!match) throw new Error(`creating ${email} failed: ${JSON.stringify(outcome).slice(0, 300)}`);
  return match[1]!;
}

async function newPeriod(isOpen = true): Promise<string> {
  const n = next();
  return (await one(sql<{ id: string }[]>`insert into assessment_periods (framework_id, code, name, assessed_on, is_open)
    values (${ids.framework}, ${`MATRIX-${n}-${randomBytes(3).toString("hex").toUpperCase()}`}, ${`Matrix period ${n}`}, '2016-09-30', ${isOpen}) returning id`)).id;
}

async function newAssessment(organisationId: string, status: "draft" | "submitted" | "approved"): Promise<{ id: string; version: number }> {
  const periodId = await newPeriod();
  return one(sql<{ id: string; version: number }[]>`insert into assessments (organisation_id, period_id, status) values (${organisationId}, ${periodId}, ${status}) returning id, version`);
}

/** A targets file with one row the subject may import: the board a footprint's, a CIO their organisation's. */
function importFile(subject: Subject): string {
  const row = subject === "board" ? "footprint,OXON" : subject === "cioRbft" ? "organisation,RHW" : "organisation,RTH";
  return `scope,place,framework,domain,financial_year,score\n${row},DMI-2016,C2,${2030 + (next() % 60)}/${String((31 + (counter % 60)) % 100).padStart(2, "0")},75\n`;
}

async function postImport(subject: Subject, cookie: string | undefined): Promise<Response> {
  const form = new FormData();
  form.append("kind", "targets");
  form.append("file", new File([importFile(subject)], "targets.csv", { type: "text/csv" }));
  return fetch(`${baseUrl}/api/imports`, { method: "POST", body: form, headers: { Origin: baseUrl, ...(cookie ? { Cookie: cookie } : {}) }, redirect: "manual" });
}

/** A framework file (sent back as the checked file is, base64) whose code and name are new each time. */
function frameworkFile(): Record<string, string> {
  const code = `MATRIX-FW-${next()}-${randomBytes(3).toString("hex").toUpperCase()}`;
  const csv = `framework_code,framework_name,version,scale_min,scale_max,score_decimals,unit,section_code,section_name,domain_code,domain_name,domain_short_name,care_setting
${code},Matrix framework ${code},1,1,5,0,,S,Section,D1,Domain,,acute
`;
  return { contents: Buffer.from(csv).toString("base64"), fileName: "matrix-framework.csv" };
}

/** Uploads a file as the subject and returns the checked job's id. */
async function uploadImport(subject: Subject): Promise<string> {
  const response = await postImport(subject, cookies[subject]);
  const lines = (await response.text()).trim().split("\n");
  const last = JSON.parse(lines.at(-1) ?? "null") as { type?: string; result?: { id?: string } } | null;
  if (response.status !== 200 || last?.type !== "done" || !last.result?.id) throw new Error(`upload as ${subject}: HTTP ${response.status} ${lines.join(" | ").slice(0, 300)}`);
  return last.result.id;
}

/**
 * NHS England's results workbook uploaded by the administrator (as "scores": it is known by
 * its layout): a checked import whose unmatched names are still to settle.
 */
async function uploadDmaWorkbook(): Promise<{ id: string; unmatched: string[] }> {
  const form = new FormData();
  form.append("kind", "scores");
  form.append("file", new File([readFileSync(path.join(root, "data/reference/dma/NHSE_DMA_2025_Results_Data_File_v2.xlsx"))], "dma.xlsx"));
  const response = await fetch(`${baseUrl}/api/imports`, { method: "POST", body: form, headers: { Origin: baseUrl, Cookie: cookies.admin! }, redirect: "manual" });
  const lines = (await response.text()).trim().split("\n");
  const last = JSON.parse(lines.at(-1) ?? "null") as { type?: string; result?: { id?: string } } | null;
  if (response.status !== 200 || last?.type !== "done" || !last.result?.id) throw new Error(`DMA upload: HTTP ${response.status} ${lines.join(" | ").slice(0, 300)}`);
  const job = await one(sql<{ kind: string; options: { unmatched?: { name: string }[] }; has: boolean }[]>`select kind, options, contents is not null as has from import_jobs where id = ${last.result.id}`);
  const unmatched = (job.options.unmatched ?? []).map((u) => u.name);
  if (job.kind !== "dma-results" || !job.has || unmatched.length === 0) throw new Error(`the DMA upload is not a workbook with names to settle: ${JSON.stringify(job).slice(0, 300)}`);
  return { id: last.result.id, unmatched };
}

// ---------------------------------------------------------------- requests and how each kind is read

function actionRef(name: string): ServerActionRef {
  const ref = actions.get(name);
  if (!ref) throw new Error(`${name} is not in the build`);
  return ref;
}

function get(pathname: string, cookie?: string, headers: Record<string, string> = {}) {
  return fetch(`${baseUrl}${pathname}`, { headers: { ...headers, ...(cookie ? { Cookie: cookie } : {}) }, redirect: "manual" });
}

function apiCall(method: string, pathname: string, token?: string, body?: unknown, headers: Record<string, string> = {}) {
  return fetch(`${baseUrl}${pathname}`, {
    method,
    headers: { ...headers, ...(token ? { Authorization: `Bearer ${token}` } : {}), ...(body === undefined ? {} : { "Content-Type": "application/json" }) },
    body: body === undefined ? undefined : JSON.stringify(body),
    redirect: "manual",
  });
}

// An anonymous caller sends a made-up session cookie. The proxy leaves form posts to the
// actions (it neither redirects nor re-issues cookies there), so the action itself must refuse it.
const notASession = "authjs.session-token=not-a-session";
function act(name: string, subject: Subject, fields: Record<string, string | string[]>, options: { withPreviousState?: boolean } = {}) {
  return callServerAction({ baseUrl, action: actionRef(name), cookie: cookies[subject] ?? notASession, fields, ...options });
}

async function pageOutcome(response: Response): Promise<Outcome> {
  const location = response.headers.get("location");
  await response.arrayBuffer();
  if (response.status === 200) return "allow";
  if (response.status >= 300 && response.status < 400 && location) return new URL(location, baseUrl).pathname === "/login" ? "deny" : "allow";
  if (response.status === 403 || response.status === 404) return "deny";
  return { error: `HTTP ${response.status}` };
}

async function handlerOutcome(response: Response): Promise<Outcome> {
  const body = await response.text();
  if (response.status >= 200 && response.status < 300) {
    // A streamed import answers 200 and reports a refusal in its last line.
    const last = body.trim().split("\n").at(-1) ?? "";
    if (last.startsWith('{"type":"error"')) return { error: `streamed ${last.slice(0, 200)}` };
    return "allow";
  }
  if ([401, 403, 404].includes(response.status)) return "deny";
  return { error: `HTTP ${response.status} ${body.slice(0, 200)}` };
}

// A refusal is a message with no field errors: session ended, not permitted, or not found
// (what the app says of a record the caller may not see). Anything else (a field error, a
// conflict) means the request itself was wrong, and is reported rather than read as deny.
const refusal = /session has ended|only|does not allow|not allowed|cannot|can't|permission|not found|was not found|refused/i;

function actionOutcome(outcome: ActionOutcome): Outcome {
  if (outcome.kind === "redirect") return new URL(outcome.location, baseUrl).pathname === "/login" ? "deny" : "allow";
  if (outcome.kind === "http-error") return outcome.status >= 400 && outcome.status < 500 ? "deny" : { error: `HTTP ${outcome.status} ${outcome.body.slice(0, 200)}` };
  const state = outcome.state as { ok?: boolean; message?: string; fieldErrors?: Record<string, string>; error?: string } | null;
  if (state?.ok === true) return "allow";
  if (state?.ok === false && Object.keys(state.fieldErrors ?? {}).length === 0 && refusal.test(state.message ?? "")) return "deny";
  return { error: `state ${JSON.stringify(state).slice(0, 300)}` };
}

// ---------------------------------------------------------------- each row's request

type Run = (subject: Subject) => Promise<Outcome>;
const cookieOf = (s: Subject) => cookies[s];
const tokenOf = (s: Subject) => tokens[s];
const pageAt = (pathname: string | (() => string)): Run => async (s) => pageOutcome(await get(typeof pathname === "string" ? pathname : pathname(), cookieOf(s)));
const apiAt = (method: string, pathname: () => string, body?: (s: Subject) => Promise<unknown> | unknown): Run => async (s) =>
  handlerOutcome(await apiCall(method, pathname(), tokenOf(s), body ? await body(s) : undefined));
const actionWith = (name: string, fields: (s: Subject) => Promise<Record<string, string | string[]>> | Record<string, string | string[]>, options: { withPreviousState?: boolean } = {}): Run => async (s) =>
  actionOutcome(await act(name, s, await fields(s), options));

const allScores = () => Object.fromEntries(ids.domains.map((d) => [d.code, 60]));
const year = () => {
  const y = 2030 + (next() % 70);
  return `${y}/${String((y + 1) % 100).padStart(2, "0")}`;
};
const domainC1 = () => ids.domains.find((d) => d.code === "C1")!.id;

async function workstreamVersion(id: string): Promise<number> {
  return (await one(sql<{ version: number }[]>`select version from workstreams where id = ${id}`)).version;
}
/** The workstream back to "active" with no pending review and its phase's deliverables ready. */
async function readyWorkstream(id: string) {
  await sql`delete from tollgate_reviews where workstream_id = ${id} and decision is null`;
  await sql`update workstreams set status = 'active', version = version + 1 where id = ${id}`;
  await sql`update deliverables set status = 'ready' where workstream_id = ${id} and phase = (select phase from workstreams where id = ${id})`;
}
async function pendingReview(id: string): Promise<string> {
  await readyWorkstream(id);
  const review = await one(sql<{ id: string }[]>`insert into tollgate_reviews (workstream_id, phase, requested_by_id, requested_at)
    select id, phase, ${userIds.admin}, now() - interval '1 day' from workstreams where id = ${id} returning id`);
  await sql`update workstreams set status = 'review_requested', version = version + 1 where id = ${id}`;
  return review.id;
}
async function openCondition(id: string): Promise<string> {
  const review = await one(sql<{ id: string }[]>`insert into tollgate_reviews (workstream_id, phase, requested_by_id, requested_at, held_on, decision, reasons, decided_by_id, decided_at)
    select id, phase, ${userIds.admin}, now() - interval '2 days', current_date - 1, 'proceed_with_conditions', 'matrix', ${userIds.board}, now() from workstreams where id = ${id} returning id`);
  return (await one(sql<{ id: string }[]>`insert into review_conditions (review_id, workstream_id, position, description, owner, due_on)
    values (${review.id}, ${id}, 1, 'Matrix condition', 'Matrix owner', '2030-01-01') returning id`)).id;
}
async function newToken(userId: string): Promise<string> {
  const secret = randomBytes(24).toString("hex");
  return (await one(sql<{ id: string }[]>`insert into api_tokens (user_id, name, prefix, token_hash, scope, expires_at)
    values (${userId}, 'matrix', 'drm_matrix00', ${secret}, 'read', now() + interval '30 days') returning id`)).id;
}
async function newMilestone(projectId: string): Promise<string> {
  return (await one(sql<{ id: string }[]>`insert into project_milestones (project_id, position, title, due_on)
    values (${projectId}, (select coalesce(max(position), 0) + 1 from project_milestones where project_id = ${projectId}), ${`Matrix milestone ${next()}`}, '2027-03-31') returning id`)).id;
}
async function newTarget(scope: "organisation" | "footprint", scopeId: string): Promise<{ id: string; version: number }> {
  const y = 2030 + (next() % 70);
  return scope === "organisation"
    ? one(sql<{ id: string; version: number }[]>`insert into targets (scope, organisation_id, domain_id, financial_year, score) values ('organisation', ${scopeId}, ${domainC1()}, ${y}, 50) returning id, version`)
    : one(sql<{ id: string; version: number }[]>`insert into targets (scope, footprint_id, domain_id, financial_year, score) values ('footprint', ${scopeId}, ${domainC1()}, ${y}, 50) returning id, version`);
}
const projectFields = (ownerId: string) => ({
  projectId: "",
  version: "",
  title: `Matrix project ${next()}`,
  description: "",
  domainId: domainC1(),
  stpPriority: "Provider digital maturity",
  programmeId: "",
  ownerIds: ownerId,
  fromYear: "2017/18",
  toYear: "2018/19",
  startOn: "",
  endOn: "",
  status: "planned",
  rag: "",
  ragReason: "",
});

/** A fresh project owned by `owners`, with pending invitations for `invited`: its id, version and invitation ids. */
async function newProject(owners: string[], invited: string[] = []): Promise<{ id: string; version: number; invitations: string[] }> {
  const n = next();
  const project = await one(sql<{ id: string; version: number }[]>`insert into projects (system_id, code, title, domain_id, stp_priority, from_year, to_year)
    values (${ids.bob}, ${`MATRIX-P-${n}-${randomBytes(3).toString("hex").toUpperCase()}`}, ${`Matrix project ${n}`}, ${domainC1()}, 'Provider digital maturity', 2017, 2018) returning id, version`);
  for (const o of owners) await sql`insert into project_owners (project_id, organisation_id) values (${project.id}, ${o})`;
  const invitations: string[] = [];
  for (const o of invited) invitations.push((await one(sql<{ id: string }[]>`insert into project_owner_invitations (project_id, organisation_id) values (${project.id}, ${o}) returning id`)).id);
  return { ...project, invitations };
}

async function firstUnmatched(jobId: string): Promise<string> {
  const job = await one(sql<{ options: { unmatched?: { name: string }[] } }[]>`select options from import_jobs where id = ${jobId}`);
  return job.options.unmatched?.[0]?.name ?? "NO UNMATCHED NAME";
}

const itemOf = async (ws: string) => one(sql<{ id: string; version: number }[]>`select id, version from workstream_items where workstream_id = ${ws} order by position limit 1`);
const deliverableOf = async (ws: string) =>
  one(sql<{ id: string; version: number }[]>`select d.id, d.version from deliverables d join workstreams w on w.id = d.workstream_id and d.phase = w.phase where w.id = ${ws} order by d.position limit 1`);

const requests: Record<string, Run> = {};
function on(kind: MatrixRow["kind"], method: MatrixRow["method"], route: string, target: string, run: Run) {
  requests[rowKey({ kind, method, route, target })] = run;
}

function defineRequests() {
  const plainPages: [string, string][] = [
    ["/", "home (redirects to the heatmap)"],
    ["/login", "sign-in page"],
    ["/maturity", "heatmap"],
    ["/organisations", "list"],
    ["/assessments", "list"],
    ["/board-pack", "board pack"],
    ["/benchmarks", "peer benchmarks"],
    ["/benchmarks/compare", "compare two periods"],
    ["/about-the-data", "about the data"],
    ["/trajectories", "trajectories"],
    ["/portfolio", "portfolio (redirects to the plan)"],
    ["/portfolio/plan", "capability plan"],
    ["/portfolio/capabilities", "universal capabilities"],
    ["/portfolio/dashboard", "dashboard"],
    ["/portfolio/gaps", "gap to delivery"],
    ["/portfolio/projects/new", "new project form"],
    ["/workstreams", "overview"],
    ["/workstreams/alignment", "alignment"],
    ["/workstreams/board", "board view"],
    ["/profile", "own profile"],
    ["/account/password", "own password"],
    ["/account/security", "own account security"],
    ["/imports", "imports"],
    ["/admin", "administration"],
    ["/admin/users", "users"],
    ["/admin/users/new", "new user form"],
    ["/admin/periods", "assessment periods"],
    ["/admin/frameworks", "maturity frameworks"],
  ];
  for (const [route, target] of plainPages) on("page", "GET", route, target, pageAt(route));
  on("page", "GET", "/organisations/[id]", "OUH", pageAt(() => `/organisations/${ids.ouh}`));
  on("page", "GET", "/organisations/[id]", "RBFT", pageAt(() => `/organisations/${ids.rbft}`));
  on("page", "GET", "/assessments/[id]", "OUH approved baseline", pageAt(() => `/assessments/${ids.baselineOuh}`));
  on("page", "GET", "/assessments/[id]", "OUH draft", pageAt(() => `/assessments/${ids.draftOuh}`));
  on("page", "GET", "/assessments/[id]", "RBFT draft", pageAt(() => `/assessments/${ids.draftRbft}`));
  on("page", "GET", "/portfolio/projects/[id]", "an OUH project", pageAt(() => `/portfolio/projects/${ids.projectOuh}`));
  on("page", "GET", "/workstreams/[id]", "RECORDS", pageAt(() => `/workstreams/${ids.records}`));
  on("page", "GET", "/workstreams/[id]", "INTELLIGENCE", pageAt(() => `/workstreams/${ids.intelligence}`));
  on("page", "GET", "/imports/[id]", "an import the OUH CIO uploaded", pageAt(() => `/imports/${ids.ouhImport}`));
  on("page", "GET", "/admin/users/[id]", "the viewer's account", pageAt(() => `/admin/users/${userIds.viewer}`));
  on("page", "GET", "/reset-password/[token]", "an unknown link", pageAt(`/reset-password/${"x".repeat(43)}`));

  on("route-handler", "GET", "/api/auth/[...nextauth]", "session endpoint", async (s) => handlerOutcome(await get("/api/auth/session", cookieOf(s))));
  on("route-handler", "GET", "/api/health", "health check", async (s) => handlerOutcome(await get("/api/health", cookieOf(s))));
  on("route-handler", "GET", "/export/[table]", "scores CSV", async (s) => handlerOutcome(await get("/export/scores?format=csv", cookieOf(s))));
  on("route-handler", "GET", "/imports/templates/[file]", "targets template", async (s) => handlerOutcome(await get("/imports/templates/targets.csv", cookieOf(s))));
  on("route-handler", "GET", "/admin/frameworks/template.csv", "framework file template", async (s) => handlerOutcome(await get("/admin/frameworks/template.csv", cookieOf(s))));
  on("route-handler", "GET", "/admin/frameworks/framework-files.md", "framework file guide", async (s) => handlerOutcome(await get("/admin/frameworks/framework-files.md", cookieOf(s))));
  on("route-handler", "POST", "/api/imports", "a targets file (one OUH row)", async (s) => handlerOutcome(await postImport(s, cookieOf(s))));
  const mayUpload: Subject[] = ["admin", "cioOuh", "cioRbft", "board"];
  on("route-handler", "POST", "/api/imports/[id]/commit", "the caller's own checked targets file", async (s) => {
    // Those who may not upload have no file of their own: they try the OUH CIO's.
    const job = mayUpload.includes(s) ? await uploadImport(s) : ids.ouhImport;
    return handlerOutcome(await fetch(`${baseUrl}/api/imports/${job}/commit`, { method: "POST", headers: { Origin: baseUrl, ...(cookieOf(s) ? { Cookie: cookieOf(s)! } : {}) } }));
  });
  on("route-handler", "POST", "/api/imports/[id]/commit", "a file the OUH CIO uploaded", async (s) => {
    const job = s === "cioOuh" ? await uploadImport("cioOuh") : ids.ouhImport;
    return handlerOutcome(await fetch(`${baseUrl}/api/imports/${job}/commit`, { method: "POST", headers: { Origin: baseUrl, ...(cookieOf(s) ? { Cookie: cookieOf(s)! } : {}) } }));
  });

  const lists = ["openapi.json", "organisations", "frameworks", "scores", "summaries", "targets", "projects", "capabilities", "workstreams", "reviews", "assessments"];
  for (const name of lists) on("api", "GET", `/api/v1/${name}`, name === "openapi.json" ? "the API description" : "list", apiAt("GET", () => `/api/v1/${name}${name === "openapi.json" ? "" : "?limit=5"}`));
  on("api", "GET", "/api/v1/assessments/[id]", "OUH approved baseline", apiAt("GET", () => `/api/v1/assessments/${ids.baselineOuh}`));
  on("api", "GET", "/api/v1/assessments/[id]", "OUH draft", apiAt("GET", () => `/api/v1/assessments/${ids.draftOuh}`));
  on("api", "GET", "/api/v1/assessments/[id]", "RBFT draft", apiAt("GET", () => `/api/v1/assessments/${ids.draftRbft}`));
  on("api", "POST", "/api/v1/assessments", "OUH, a new open period", async (s) => handlerOutcome(await apiCall("POST", "/api/v1/assessments", tokenOf(s), { organisationId: ids.ouh, periodId: await newPeriod() })));
  on("api", "POST", "/api/v1/assessments", "RBFT, a new open period", async (s) => handlerOutcome(await apiCall("POST", "/api/v1/assessments", tokenOf(s), { organisationId: ids.rbft, periodId: await newPeriod() })));
  for (const [target, org] of [["OUH draft", () => ids.ouh], ["RBFT draft", () => ids.rbft]] as const) {
    on("api", "PUT", "/api/v1/assessments/[id]/scores", target, async (s) => {
      const draft = await newAssessment(org(), "draft");
      return handlerOutcome(await apiCall("PUT", `/api/v1/assessments/${draft.id}/scores`, tokenOf(s), { version: draft.version, scores: allScores() }));
    });
  }

  const A = (file: string, name: string) => `app/${file}/actions.ts#${name}`;
  on("action", "POST", A("login", "signInWithPassword"), "empty form", async (s) => {
    const outcome = await act(A("login", "signInWithPassword"), s, { email: "", password: "" });
    return outcome.kind === "state" && (outcome.state as { error?: string } | null)?.error === "Enter your email address" ? "allow" : { error: JSON.stringify(outcome).slice(0, 200) };
  });
  on("action", "POST", A("login", "signInWithEntraId"), "NHSmail sign-in", async (s) => {
    const outcome = await act(A("login", "signInWithEntraId"), s, { callbackUrl: "/maturity" }, { withPreviousState: false });
    // Without NHSmail configured there is nowhere to send the person: any answer but a server error.
    return outcome.kind === "http-error" && outcome.status >= 500 ? { error: `HTTP ${outcome.status}` } : "allow";
  });
  on("action", "POST", A("login", "signOutAction"), "sign out", async (s) => {
    // Signing out ends the session: only an anonymous caller is asked, so the others keep theirs.
    if (s !== "anonymous") return "allow";
    const outcome = await act(A("login", "signOutAction"), s, {}, { withPreviousState: false });
    return outcome.kind === "redirect" ? "allow" : { error: JSON.stringify(outcome).slice(0, 200) };
  });
  // Account security acts on the caller's own account only. The requests change nothing: a
  // form with nothing in it is parsed after the session is checked, so a signed-in caller
  // gets the form's own error (allow) and anyone else the session refusal (deny).
  const reachesForm = (name: string, fields: Record<string, string>, formError: RegExp): Run => async (s) => {
    const outcome = await act(name, s, fields);
    const state = outcome.kind === "state" ? (outcome.state as { ok?: boolean; message?: string; fieldErrors?: Record<string, string> } | null) : null;
    if (state?.ok === false && [state.message ?? "", ...Object.values(state.fieldErrors ?? {})].some((m) => formError.test(m))) return "allow";
    return actionOutcome(outcome);
  };
  const S = (name: string) => `app/account/security/actions.ts#${name}`;
  // Starting again for an account with two-factor on (the demo admin) is refused as a conflict, after the session check.
  on("action", "POST", S("startTwoFactorAction"), "an enrolment for oneself", reachesForm(S("startTwoFactorAction"), {}, /already on/));
  on("action", "POST", S("confirmTwoFactorAction"), "oneself, with no code", reachesForm(S("confirmTwoFactorAction"), { code: "" }, /Enter the 6-digit code/));
  on("action", "POST", S("disableTwoFactorAction"), "oneself, with no code or password", reachesForm(S("disableTwoFactorAction"), {}, /Enter a code from your authenticator app, or your password/));
  on("action", "POST", S("regenerateRecoveryCodesAction"), "oneself, with no code or password", reachesForm(S("regenerateRecoveryCodesAction"), {}, /Enter a code from your authenticator app, or your password/));
  on("action", "POST", A("profile", "createApiTokenAction"), "a token for oneself", actionWith(A("profile", "createApiTokenAction"), () => ({ name: `matrix ${next()}`, scope: "read", lifetimeDays: "30" })));
  on("action", "POST", A("profile", "revokeApiTokenAction"), "the caller's own token", actionWith(A("profile", "revokeApiTokenAction"), async (s) => ({ tokenId: await newToken(userIds[s] ?? userIds.viewer) })));
  on("action", "POST", A("profile", "revokeApiTokenAction"), "the viewer's token", actionWith(A("profile", "revokeApiTokenAction"), async () => ({ tokenId: await newToken(userIds.viewer) })));

  // A wrong current password: allowed callers get as far as that field's error (nobody's password changes).
  on("action", "POST", A("account", "changePasswordAction"), "own password (a wrong current one)", async (s) => {
    const outcome = await act(A("account", "changePasswordAction"), s, { currentPassword: "not-the-password", newPassword: "matrix-lantern-quince", confirmPassword: "matrix-lantern-quince" });
    const state = outcome.kind === "state" ? (outcome.state as { fieldErrors?: Record<string, string> } | null) : null;
    return state?.fieldErrors?.currentPassword ? "allow" : actionOutcome(outcome);
  });
  on("action", "POST", A("account", "signOutEverywhereAction"), "own sessions", async (s) => {
    // As for signing out: only the callers who must be refused are asked, so the others keep their sessions.
    if (s !== "anonymous" && s !== "disabled") return "allow";
    return actionOutcome(await act(A("account", "signOutEverywhereAction"), s, {}));
  });
  on("action", "POST", "app/reset-password/[token]/actions.ts#resetPasswordAction", "an unknown link", async (s) => {
    const outcome = await act("app/reset-password/[token]/actions.ts#resetPasswordAction", s, { token: "x".repeat(43), newPassword: "matrix-lantern-quince", confirmPassword: "matrix-lantern-quince" });
    const state = outcome.kind === "state" ? (outcome.state as { message?: string } | null) : null;
    return /not recognised/.test(state?.message ?? "") ? "allow" : { error: JSON.stringify(outcome).slice(0, 200) };
  });
  on("action", "POST", A("admin", "createPasswordResetLinkAction"), "a spare user", actionWith(A("admin", "createPasswordResetLinkAction"), () => ({ userId: ids.spareUser })));
  on("action", "POST", A("admin", "endUserSessionsAction"), "a spare user", actionWith(A("admin", "endUserSessionsAction"), () => ({ userId: ids.spareUser })));
  on("action", "POST", A("admin", "createUserAction"), "a new viewer", actionWith(A("admin", "createUserAction"), () => ({ email: `matrix-new-${next()}-${Date.now()}@test.nhs.uk`, name: "Matrix new", password: "", role: "viewer" })));
  on("action", "POST", A("admin", "updateUserAccessAction"), "a spare user", actionWith(A("admin", "updateUserAccessAction"), () => ({ userId: ids.spareUser, role: "viewer" })));
  on("action", "POST", A("admin", "setUserDisabledAction"), "a spare user (enable)", actionWith(A("admin", "setUserDisabledAction"), () => ({ userId: ids.spareUser, disabled: "false" })));
  on("action", "POST", A("admin", "createPeriodAction"), "a new period", actionWith(A("admin", "createPeriodAction"), () => ({ frameworkId: ids.framework, code: `MATRIX-NEW-${next()}-${randomBytes(2).toString("hex").toUpperCase()}`, name: "Matrix new period", assessedOn: "2016-10-31" })));
  on("action", "POST", A("admin", "setPeriodOpenAction"), "a new closed period (open it)", actionWith(A("admin", "setPeriodOpenAction"), async () => ({ periodId: await newPeriod(false), isOpen: "true" })));
  for (const name of ["checkFrameworkFileAction", "loadFrameworkAction"]) {
    on("action", "POST", A("admin", name), "a framework file with a new code", actionWith(A("admin", name), () => frameworkFile()));
  }

  for (const [target, org] of [["OUH", () => ids.ouh], ["RBFT", () => ids.rbft]] as const) {
    on("action", "POST", A("assessments", "startAssessmentAction"), `${target}, a new open period`, actionWith(A("assessments", "startAssessmentAction"), async () => ({ organisationId: org(), periodId: await newPeriod() })));
    on("action", "POST", A("assessments", "saveAssessmentAction"), `${target} draft`, actionWith(A("assessments", "saveAssessmentAction"), async () => {
      const draft = await newAssessment(org(), "draft");
      return { assessmentId: draft.id, version: String(draft.version), intent: "save", ...Object.fromEntries(ids.domains.map((d) => [`score:${d.id}`, "60"])) };
    }));
    on("action", "POST", A("trajectories", "setTargetAction"), `${target} target`, actionWith(A("trajectories", "setTargetAction"), () => ({ scope: "organisation", scopeId: org(), frameworkId: ids.framework, domainId: domainC1(), financialYear: year(), score: "55", version: "" })));
    const project = target === "OUH" ? () => ids.projectOuh : () => ids.projectRbft;
    on("action", "POST", A("portfolio", "saveProjectAction"), `new ${target} project`, actionWith(A("portfolio", "saveProjectAction"), () => projectFields(org())));
    on("action", "POST", A("portfolio", "addMilestoneAction"), `an ${target} project`, actionWith(A("portfolio", "addMilestoneAction"), () => ({ projectId: project(), title: `Matrix milestone ${next()}`, dueOn: "2027-03-31" })));
    on("action", "POST", A("portfolio", "markMilestoneDoneAction"), `an ${target} project's milestone`, actionWith(A("portfolio", "markMilestoneDoneAction"), async () => ({ milestoneId: await newMilestone(project()), doneOn: "2017-01-31" })));
    on("action", "POST", A("portfolio", "addBenefitAction"), `an ${target} project`, actionWith(A("portfolio", "addBenefitAction"), () => ({ projectId: project(), categoryId: ids.benefitCategory, description: `Matrix benefit ${next()}` })));
  }
  for (const [target, keep] of [["an OUH and RBFT project, removing RBFT", () => ids.ouh], ["an OUH and RBFT project, removing OUH", () => ids.rbft]] as const) {
    on("action", "POST", A("portfolio", "saveProjectAction"), target, actionWith(A("portfolio", "saveProjectAction"), async () => {
      const project = await newProject([ids.ouh, ids.rbft]);
      return { ...projectFields(keep()), projectId: project.id, version: String(project.version) };
    }));
  }
  on("action", "POST", A("portfolio", "decideInvitationAction"), "accept an invitation to RBFT", actionWith(A("portfolio", "decideInvitationAction"), async () => ({
    invitationId: (await newProject([ids.ouh], [ids.rbft])).invitations[0]!,
    decision: "accept",
  })));
  on("action", "POST", A("portfolio", "decideInvitationAction"), "decline an invitation to OUH", actionWith(A("portfolio", "decideInvitationAction"), async () => ({
    invitationId: (await newProject([ids.rbft], [ids.ouh])).invitations[0]!,
    decision: "decline",
  })));
  const decide = (target: string, org: () => string, status: "submitted" | "approved", transition: string) =>
    on("action", "POST", A("assessments", "decideAssessmentAction"), target, actionWith(A("assessments", "decideAssessmentAction"), async () => {
      const assessment = await newAssessment(org(), status);
      return { assessmentId: assessment.id, version: String(assessment.version), transition, reason: "Matrix reason" };
    }));
  decide("approve an OUH submission", () => ids.ouh, "submitted", "approve");
  decide("return an RBFT submission", () => ids.rbft, "submitted", "return");
  decide("reopen an approved OUH assessment", () => ids.ouh, "approved", "reopen");
  on("action", "POST", A("trajectories", "setTargetAction"), "OXON footprint target", actionWith(A("trajectories", "setTargetAction"), () => ({ scope: "footprint", scopeId: ids.oxon, frameworkId: ids.framework, domainId: domainC1(), financialYear: year(), score: "55", version: "" })));
  on("action", "POST", A("trajectories", "setTargetAction"), "BOB system target", actionWith(A("trajectories", "setTargetAction"), () => ({ scope: "system", scopeId: ids.bob, frameworkId: ids.framework, domainId: domainC1(), financialYear: year(), score: "55", version: "" })));
  on("action", "POST", A("trajectories", "removeTargetAction"), "OUH target", actionWith(A("trajectories", "removeTargetAction"), async () => {
    const target = await newTarget("organisation", ids.ouh);
    return { targetId: target.id, version: String(target.version) };
  }));
  on("action", "POST", A("trajectories", "removeTargetAction"), "OXON footprint target", actionWith(A("trajectories", "removeTargetAction"), async () => {
    const target = await newTarget("footprint", ids.oxon);
    return { targetId: target.id, version: String(target.version) };
  }));

  for (const [target, ws] of [["RECORDS", () => ids.records], ["INTELLIGENCE", () => ids.intelligence]] as const) {
    on("action", "POST", A("workstreams", "updateItemAction"), target, actionWith(A("workstreams", "updateItemAction"), async () => {
      const item = await itemOf(ws());
      return { itemId: item.id, status: "in_progress", note: `Matrix ${next()}`, version: String(item.version) };
    }));
    on("action", "POST", A("workstreams", "updateDeliverableAction"), target, actionWith(A("workstreams", "updateDeliverableAction"), async () => {
      await readyWorkstream(ws());
      const deliverable = await deliverableOf(ws());
      return { deliverableId: deliverable.id, status: "in_progress", reason: "", note: `Matrix ${next()}`, evidenceUrl: "", version: String(deliverable.version) };
    }));
    on("action", "POST", A("workstreams", "setReviewDateAction"), target, actionWith(A("workstreams", "setReviewDateAction"), async () => ({ workstreamId: ws(), nextReviewOn: "2030-01-31", version: String(await workstreamVersion(ws())) })));
    on("action", "POST", A("workstreams", "assignLeadAction"), target, actionWith(A("workstreams", "assignLeadAction"), async () => {
      const lead = await one(sql<{ lead: string | null; version: number }[]>`select lead_user_id as lead, version from workstreams where id = ${ws()}`);
      return { workstreamId: ws(), leadUserId: lead.lead ?? "", version: String(lead.version) };
    }));
    on("action", "POST", A("workstreams", "requestReviewAction"), target, actionWith(A("workstreams", "requestReviewAction"), async () => {
      await readyWorkstream(ws());
      return { workstreamId: ws(), version: String(await workstreamVersion(ws())) };
    }));
    on("action", "POST", A("workstreams", "decideReviewAction"), target, actionWith(A("workstreams", "decideReviewAction"), async () => ({
      reviewId: await pendingReview(ws()),
      heldOn: today(),
      attendees: userIds.board,
      [`recommendation.${userIds.board}`]: "rework",
      decision: "rework",
      reasons: "Matrix: more work first",
    })));
    on("action", "POST", A("workstreams", "closeConditionAction"), target, actionWith(A("workstreams", "closeConditionAction"), async () => ({ conditionId: await openCondition(ws()), closureNote: "Matrix: met" })));
  }
  on("action", "POST", A("imports", "discardImportAction"), "a file the OUH CIO uploaded", actionWith(A("imports", "discardImportAction"), async (s) => ({ jobId: s === "cioOuh" ? await uploadImport("cioOuh") : ids.ouhImport })));
  // The administrator settles a fresh upload's names each time; everyone else tries theirs.
  const dmaJob = async (s: Subject) => (s === "admin" ? uploadDmaWorkbook() : { id: ids.adminDmaImport, unmatched: [await firstUnmatched(ids.adminDmaImport)] });
  const newOdsCode = () => `Z${randomBytes(3).toString("hex").toUpperCase().slice(0, 5)}`;
  const dma = "a DMA workbook the administrator uploaded";
  on("action", "POST", A("imports", "mapDmaNameAction"), dma, actionWith(A("imports", "mapDmaNameAction"), async (s) => {
    const job = await dmaJob(s);
    return { jobId: job.id, name: job.unmatched[0]!, odsCode: "RHW" };
  }));
  on("action", "POST", A("imports", "addDmaOrganisationAction"), dma, actionWith(A("imports", "addDmaOrganisationAction"), async (s) => {
    const job = await dmaJob(s);
    return { jobId: job.id, name: job.unmatched[0]!, odsCode: newOdsCode(), organisationName: `Matrix trust ${next()}`, type: "nhs_trust", systemCode: "QWO" };
  }));
  on("action", "POST", A("imports", "leaveOutUnmatchedAction"), dma, actionWith(A("imports", "leaveOutUnmatchedAction"), async (s) => ({ jobId: (await dmaJob(s)).id, leaveOut: "yes" })));
}
defineRequests();

// ---------------------------------------------------------------- running cells, a few at a time

async function pool<T>(items: T[], limit: number, work: (item: T) => Promise<void>) {
  let i = 0;
  await Promise.all(Array.from({ length: limit }, async () => {
    while (i < items.length) await work(items[i++]!);
  }));
}

const pathOfBuildEntry = (key: string) => key.replace(/\/(page|route)$/, "") || "/";

// ---------------------------------------------------------------- the tests

test("every page, route handler and server action in the build is in the matrix, and nothing else is", () => {
  const manifest = JSON.parse(readFileSync(path.join(root, ".next/server/app-paths-manifest.json"), "utf8")) as Record<string, string>;
  const built = new Set<string>();
  for (const key of Object.keys(manifest)) {
    const route = pathOfBuildEntry(key);
    if ((frameworkEntries as readonly string[]).includes(route)) continue;
    built.add(`${key.endsWith("/route") ? "handler" : "page"} ${route}`);
  }
  for (const name of serverActionsInBuild().keys()) built.add(`action ${name}`);
  const listed = new Set(matrix.map((r) => `${r.kind === "action" ? "action" : r.kind === "page" ? "page" : "handler"} ${r.route}`));
  expect([...built].filter((r) => !listed.has(r)).sort(), "in the build but not in the matrix").toEqual([]);
  expect([...listed].filter((r) => !built.has(r)).sort(), "in the matrix but not in the build").toEqual([]);
  expect(matrix.filter((r) => !requests[rowKey(r)]).map(rowKey), "rows the spec has no request for").toEqual([]);
  expect(new Set(matrix.map(rowKey)).size, "rows are unique").toBe(matrix.length);
});

/** Cells that arrange and change the same record (a workstream's version, a project's milestones) take turns. */
function laneOf(row: MatrixRow): string | null {
  if (row.kind !== "action") return null;
  return /RECORDS|INTELLIGENCE|OUH project|RBFT project|spare user/.exec(row.target)?.[0] ?? null;
}

test("the matrix: every row × every subject gets the expected allow or deny", async () => {
  const cells = matrix.flatMap((row) => subjects.map((subject) => ({ row, subject })));
  const mismatches: string[] = [];
  const check = async ({ row, subject }: (typeof cells)[number]) => {
    let got: Outcome;
    try {
      got = await requests[rowKey(row)]!(subject);
    } catch (error) {
      got = { error: String(error).slice(0, 300) };
    }
    const want = expected(row, subject);
    if (got !== want) mismatches.push(`${rowKey(row)} as ${subject}: expected ${want}, got ${typeof got === "string" ? got : `an error (${got.error})`}`);
  };
  // One job per cell, except that cells sharing a lane run one after another in one job.
  const lanes = new Map<string, (typeof cells)[number][]>();
  const jobs: (() => Promise<void>)[] = [];
  for (const cell of cells) {
    const lane = laneOf(cell.row);
    if (!lane) jobs.push(() => check(cell));
    else if (lanes.has(lane)) lanes.get(lane)!.push(cell);
    else {
      const members = [cell];
      lanes.set(lane, members);
      jobs.unshift(async () => {
        for (const member of members) await check(member);
      });
    }
  }
  const started = Date.now();
  await pool(jobs, CONCURRENCY, (job) => job());
  console.log(`authorization matrix: ${matrix.length} rows × ${subjects.length} subjects = ${cells.length} checks in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  expect(mismatches.sort(), "cells where the app's answer differs from the matrix").toEqual([]);
});

const forgedSubrequest = ["middleware", "proxy", "src/proxy", "middleware:middleware:middleware:middleware:middleware", "proxy:proxy:proxy:proxy:proxy", "src/middleware:src/middleware:src/middleware:src/middleware:src/middleware"];
const protectedRows = matrix.filter((r) => r.allow !== "public" && r.method === "GET" && r.kind !== "action");

test("a forged x-middleware-subrequest header opens nothing to an anonymous caller", async () => {
  const failures: string[] = [];
  const cases = protectedRows.flatMap((row) => forgedSubrequest.map((value) => ({ row, value })));
  await pool(cases, CONCURRENCY, async ({ row, value }) => {
    const target = requestPath(row);
    const response = row.kind === "api" ? await apiCall("GET", target, undefined, undefined, { "x-middleware-subrequest": value }) : await get(target, undefined, { "x-middleware-subrequest": value });
    const got = row.kind === "page" ? await pageOutcome(response) : await handlerOutcome(response);
    if (got !== "deny") failures.push(`${target} with x-middleware-subrequest: ${value} → ${JSON.stringify(got)}`);
  });
  // And a server action: the header does not stand in for a session.
  for (const value of forgedSubrequest) {
    const outcome = await callServerAction({ baseUrl, action: actionRef("app/admin/actions.ts#createPeriodAction"), cookie: notASession, fields: { frameworkId: ids.framework, code: `MATRIX-FORGED-${next()}`, name: "Forged", assessedOn: "2016-10-31" }, extraHeaders: { "x-middleware-subrequest": value } });
    if (actionOutcome(outcome) !== "deny") failures.push(`createPeriodAction with x-middleware-subrequest: ${value} → ${JSON.stringify(outcome).slice(0, 200)}`);
  }
  expect(failures).toEqual([]);
});

test("pages refuse on their own when the sign-in redirect is bypassed (a session of nobody)", async () => {
  // The proxy checks only that the session cookie is well signed and in date. A cookie
  // signed with the server's secret for an account that does not exist gets past it, so
  // the page itself must send the caller to sign in (or refuse).
  const now = Math.floor(Date.now() / 1000);
  const nobody = { uid: "00000000-0000-4000-8000-000000000000", sid: crypto.randomUUID(), signedInAt: now, lastSeen: now };
  const forged = await Promise.all(
    ["authjs.session-token", "__Secure-authjs.session-token"].map(async (name) => `${name}=${await encode({ token: nobody, secret: authSecret, salt: name })}`),
  );
  const failures: string[] = [];
  const pages = protectedRows.filter((r) => r.kind === "page");
  await pool(pages.flatMap((row) => forged.map((cookie) => ({ row, cookie }))), CONCURRENCY, async ({ row, cookie }) => {
    const response = await get(requestPath(row), cookie, { "x-middleware-subrequest": "proxy:proxy:proxy:proxy:proxy" });
    const got = await pageOutcome(response);
    if (got !== "deny") failures.push(`${requestPath(row)} with ${cookie.split("=")[0]} → ${JSON.stringify(got)}`);
  });
  expect(pages.length).toBeGreaterThan(20);
  expect(failures).toEqual([]);
});

test("a server action posted from another site is refused", async () => {
  const fields = { frameworkId: ids.framework, code: `MATRIX-XSITE-${next()}`, name: "Cross-site", assessedOn: "2016-10-31" };
  const crossSite = await callServerAction({ baseUrl, action: actionRef("app/admin/actions.ts#createPeriodAction"), cookie: cookies.admin, fields, origin: "https://evil.example" });
  expect(crossSite.kind, JSON.stringify(crossSite).slice(0, 300)).toBe("http-error");
  expect((await sql`select 1 from assessment_periods where code = ${fields.code}`).length, "no period was made").toBe(0);
  // The same call from the site itself is accepted: the refusal was the Origin's.
  const sameSite = await callServerAction({ baseUrl, action: actionRef("app/admin/actions.ts#createPeriodAction"), cookie: cookies.admin, fields });
  expect(sameSite).toMatchObject({ kind: "state", state: { ok: true } });
});

test("a disabled account's existing session and token are refused on their next request", async () => {
  // Signed in and given a token while enabled (checked in the set-up), then disabled.
  expect(await pageOutcome(await get("/maturity", cookies.disabled))).toBe("deny");
  expect(await pageOutcome(await get("/admin", cookies.disabled))).toBe("deny");
  expect((await apiCall("GET", "/api/v1/organisations", tokens.disabled)).status).toBe(401);
  expect((await get("/api/v1/organisations", cookies.disabled)).status).toBe(401);
  const outcome = await act("app/admin/actions.ts#createPeriodAction", "disabled", { frameworkId: ids.framework, code: `MATRIX-DIS-${next()}`, name: "Disabled", assessedOn: "2016-10-31" });
  expect(actionOutcome(outcome)).toBe("deny");
  // And a fresh sign-in is refused too.
  await expect(signInCookie(baseUrl, (await one(sql<{ email: string }[]>`select email from users where id = ${userIds.disabled}`)).email, "quince-lantern-harbour")).rejects.toThrow(/no session cookie/);
});

/** The concrete path a GET row requests (for the header and cookie checks). */
function requestPath(row: MatrixRow): string {
  const byTarget: Record<string, () => string> = {
    "/organisations/[id]": () => `/organisations/${row.target === "OUH" ? ids.ouh : ids.rbft}`,
    "/assessments/[id]": () => `/assessments/${row.target === "OUH draft" ? ids.draftOuh : row.target === "RBFT draft" ? ids.draftRbft : ids.baselineOuh}`,
    "/api/v1/assessments/[id]": () => `/api/v1/assessments/${row.target === "OUH draft" ? ids.draftOuh : row.target === "RBFT draft" ? ids.draftRbft : ids.baselineOuh}`,
    "/portfolio/projects/[id]": () => `/portfolio/projects/${ids.projectOuh}`,
    "/workstreams/[id]": () => `/workstreams/${row.target === "RECORDS" ? ids.records : ids.intelligence}`,
    "/imports/[id]": () => `/imports/${ids.ouhImport}`,
    "/admin/users/[id]": () => `/admin/users/${userIds.viewer}`,
    "/export/[table]": () => "/export/scores?format=csv",
    "/imports/templates/[file]": () => "/imports/templates/targets.csv",
  };
  return byTarget[row.route]?.() ?? row.route;
}
