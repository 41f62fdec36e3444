import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { expect, test } from "@playwright/test";
import postgres from "postgres";
import { formatFinancialYear } from "../../lib/financial-year";
import { callServerAction, serverActionsInBuild, type ServerActionRef } from "./support/action-client";
import { accounts } from "./support/accounts";
import { ownPorts } from "./support/app-server";
import { createToken, describe, formState, signInClients, type Client } from "./concurrency/clients";
import { startOwnServer, type OwnServer } from "./concurrency/own-server";
import { committedValues, historyGaps, lostUpdates, record, runCycles, summary, type Attempt, type Tally } from "./concurrency/tally";

// No data lost under concurrent edits (issue 7). Fifty clients, each with a session of its
// own, do read-modify-write cycles on one score (through the API), one target and one
// project (through their server actions, over plain HTTP), and race to decide the same
// tollgate reviews. Every write must be committed or refused as a conflict; afterwards the
// database's final state and change history must account for every committed write.
// Runs on a production server and PostgreSQL database of its own (TEST_DATABASE_URL).

const CLIENTS = 50;
const CYCLES = 1_000;
const REVIEW_ROUNDS = 20; // × 50 clients = 1,000 decisions attempted
const root = path.resolve(import.meta.dirname, "../..");

let server: OwnServer;
let sql: postgres.Sql;
let actions: Map<string, ServerActionRef>;
let editors: Client[]; // the CIO of Oxford University Hospitals (RTH) and the administrator, in turn
let board: Client[]; // the two programme board members, in turn
const results: Record<string, unknown> = {};

// Under a minute each on two idle cores; the margin is for a machine shared with other work.
test.describe.configure({ mode: "serial", timeout: 300_000 });

test.beforeAll(async () => {
  test.setTimeout(240_000);
  actions = serverActionsInBuild();
  server = await startOwnServer({ port: ownPorts.concurrency, prefix: "dr_concurrency" });
  sql = postgres(server.databaseUrl, { max: 10, onnotice: () => {} });
  const started = performance.now();
  const cpu = cpuMeter();
  [editors, board] = [
    await signInClients(server.baseUrl, [accounts.cioOuh.email, accounts.admin.email], CLIENTS),
    await signInClients(server.baseUrl, [accounts.board.email, "board.chair@demo.nhs.uk"], CLIENTS),
  ];
  results.signIns = { sessions: editors.length + board.length, durationMs: Math.round(performance.now() - started), ...cpu() };
});

test.afterAll(async () => {
  await sql?.end();
  await server?.stop();
  if (Object.keys(results).length === 0) return;
  const report = { generatedAt: new Date().toISOString(), database: "PostgreSQL", clients: CLIENTS, results };
  mkdirSync(path.join(root, "reports"), { recursive: true });
  writeFileSync(path.join(root, "reports/concurrency.json"), JSON.stringify(report, null, 2) + "\n");
  console.log(`Concurrent edits:\n${JSON.stringify(results, null, 2)}`);
});

/** CPU seconds spent from now on by the server and by this test process (load-independent, unlike durations on a shared machine). */
function cpuMeter() {
  const server0 = server.cpuSeconds();
  const client0 = process.cpuUsage();
  return () => {
    const client = process.cpuUsage(client0);
    return { serverCpuSeconds: round(server.cpuSeconds() - server0), clientCpuSeconds: round((client.user + client.system) / 1e6) };
  };
}

const round = (n: number) => Math.round(n * 10) / 10;

function action(name: string): ServerActionRef {
  const found = actions.get(name);
  if (!found) throw new Error(`No server action ${name} in the build`);
  return found;
}

/** History rows written after `since` for one record, oldest first. */
async function history(since: number, actionName: string, entityId: string) {
  return sql<{ id: string; before: Record<string, unknown> | null; after: Record<string, unknown> | null }[]>`
    select id, before, after from audit_log where id > ${since} and action = ${actionName} and entity_id = ${entityId} order by id`;
}

async function auditHighWater(): Promise<number> {
  const [row] = await sql<{ max: string | null }[]>`select max(id)::text as max from audit_log`;
  return Number(row?.max ?? 0);
}

function expectNothingLost<V>(tally: Tally<V>, lost: number) {
  expect(tally.attempts).toBeGreaterThanOrEqual(CYCLES);
  expect(tally.other, `answers that were neither a commit nor a conflict: ${tally.otherSamples.join(" | ")}`).toBe(0);
  expect(tally.committed + tally.conflicts).toBe(tally.attempts);
  expect(tally.committed).toBeGreaterThan(0);
  expect(lost, "committed writes not based on the last committed value (lost updates)").toBe(0);
}

test("scores: 50 API clients, 1,000 read-modify-write cycles on one score", async () => {
  const cpu = cpuMeter();
  const tokens = [] as string[];
  for (let i = 0; i < editors.length; i += 10) tokens.push(...(await Promise.all(editors.slice(i, i + 10).map((c) => createToken(server.baseUrl, action("app/profile/actions.ts#createApiTokenAction"), c)))));
  const api = (token: string, pathname: string, init: RequestInit = {}) =>
    fetch(`${server.baseUrl}${pathname}`, { ...init, headers: { Authorization: `Bearer ${token}`, "Content-Type": "application/json", ...init.headers } });

  // A 2017 draft for Oxford University Hospitals, every domain scored 50.
  const [org] = await sql<{ id: string }[]>`select id from organisations where ods_code = 'RTH'`;
  const [period] = await sql<{ id: string; frameworkId: string }[]>`select id, framework_id as "frameworkId" from assessment_periods where code = '2017-REASSESSMENT'`;
  const domains = await sql<{ id: string; code: string }[]>`select id, code from framework_domains where framework_id = ${period!.frameworkId} order by position`;
  const created = await api(tokens[0]!, "/api/v1/assessments", { method: "POST", body: JSON.stringify({ organisationId: org!.id, periodId: period!.id }) });
  expect(created.status).toBe(201);
  const assessmentId = ((await created.json()) as { data: { id: string; version: number } }).data.id;
  const first = await api(tokens[0]!, `/api/v1/assessments/${assessmentId}/scores`, { method: "PUT", body: JSON.stringify({ version: 1, scores: Object.fromEntries(domains.map((d) => [d.code, 50])) }) });
  expect(first.status).toBe(200);
  const domain = domains[0]!; // the score every client changes

  type Read = { version: number; scores: Record<string, number> };
  const read = async (token: string): Promise<Read | string> => {
    const response = await api(token, `/api/v1/assessments/${assessmentId}`);
    if (response.status !== 200) return `GET: HTTP ${response.status} ${await response.text()}`;
    const { data } = (await response.json()) as { data: { version: number; scores: { domainCode: string; score: number }[] } };
    return { version: data.version, scores: Object.fromEntries(data.scores.map((s) => [s.domainCode, s.score])) };
  };
  const initial = await read(tokens[0]!);
  if (typeof initial === "string") throw new Error(initial);
  const since = await auditHighWater();

  const clients = tokens.map((token, n) => ({ token, n }));
  const tally = await runCycles(clients, CYCLES, async ({ token }): Promise<Attempt<number>> => {
    const seen = await read(token);
    if (typeof seen === "string") return { kind: "other", detail: seen };
    const value = (seen.scores[domain.code]! % 100) + 1; // 1–100, never the value read
    const response = await api(token, `/api/v1/assessments/${assessmentId}/scores`, { method: "PUT", body: JSON.stringify({ version: seen.version, scores: { ...seen.scores, [domain.code]: value } }) });
    if (response.status === 409) return { kind: "conflict" };
    if (response.status !== 200) return { kind: "other", detail: `PUT: HTTP ${response.status} ${await response.text()}` };
    const saved = ((await response.json()) as { data: { version: number; changed: number } }).data;
    if (saved.version !== seen.version + 1 || saved.changed !== 1) return { kind: "other", detail: `PUT answered ${JSON.stringify(saved)} for version ${seen.version}` };
    return { kind: "committed", commit: { readVersion: seen.version, readValue: seen.scores[domain.code]!, wrote: value } };
  });
  const lost = lostUpdates(tally.commits, { version: initial.version, value: initial.scores[domain.code]! });
  results.scores = summary(tally, { clients: clients.length, lostUpdates: lost, ...cpu(), through: "PUT /api/v1/assessments/{id}/scores" });
  expectNothingLost(tally, lost);

  const [row] = await sql<{ version: number; score: number }[]>`
    select a.version, s.score from assessments a join domain_scores s on s.assessment_id = a.id where a.id = ${assessmentId} and s.domain_id = ${domain.id}`;
  const rows = (await history(since, "score.changed", `${assessmentId}:${domain.id}`)).map((r) => ({ before: r.before?.score, after: r.after?.score }));
  expect(rows).toHaveLength(tally.committed);
  expect(historyGaps(rows, initial.scores[domain.code])).toEqual([]);
  expect(rows.map((r) => r.after)).toEqual(committedValues(tally.commits));
  expect(row).toEqual({ version: initial.version + tally.committed, score: rows.at(-1)!.after });
});

test("targets: 50 board sessions, 1,000 read-modify-write cycles on one target", async () => {
  const [target] = await sql<{ id: string; systemId: string; domainId: string; frameworkId: string; financialYear: number }[]>`
    select t.id, t.system_id as "systemId", t.domain_id as "domainId", d.framework_id as "frameworkId", t.financial_year as "financialYear"
    from targets t join framework_domains d on d.id = t.domain_id join systems s on s.id = t.system_id
    where s.code = 'BOB' and d.code = 'C3' and t.financial_year = 2017`;
  expect(target).toBeDefined();
  const cpu = cpuMeter();
  const setTarget = action("app/trajectories/actions.ts#setTargetAction");

  // The read half reads the database: GET /api/v1/targets has the version too, but builds
  // every trajectory of the scope for each read, which would take this spec past its time.
  const read = async () => (await sql<{ version: number; score: number }[]>`select version, score from targets where id = ${target!.id}`)[0]!;
  const api = await fetch(`${server.baseUrl}/api/v1/targets?level=system&domain=C3`, { headers: { Cookie: board[0]!.cookie } });
  const listed = ((await api.json()) as { data: { id: string; version: number; score: number }[] }).data.find((t) => t.id === target!.id);
  const initial = await read();
  expect(listed && { version: listed.version, score: listed.score }, "the API lists the target as the database has it").toEqual(initial);
  const since = await auditHighWater();

  const tally = await runCycles(board, CYCLES, async (client): Promise<Attempt<number>> => {
    const seen = await read();
    const value = (seen.score % 100) + 1;
    const outcome = await callServerAction({
      baseUrl: server.baseUrl,
      action: setTarget,
      cookie: client.cookie,
      pagePath: "/login",
      fields: { scope: "system", scopeId: target!.systemId, frameworkId: target!.frameworkId, domainId: target!.domainId, financialYear: formatFinancialYear(target!.financialYear), score: String(value), version: String(seen.version) },
    });
    const state = formState(outcome);
    if (state?.ok) return { kind: "committed", commit: { readVersion: seen.version, readValue: seen.score, wrote: value } };
    if (state && /was changed by someone else after you opened this page/.test(state.message)) return { kind: "conflict" };
    return { kind: "other", detail: describe(outcome) };
  });
  const lost = lostUpdates(tally.commits, { version: initial.version, value: initial.score });
  results.targets = summary(tally, { clients: board.length, lostUpdates: lost, ...cpu(), through: "setTargetAction (server action over HTTP); reads the version from the database" });
  expectNothingLost(tally, lost);

  const [row] = await sql<{ version: number; score: number }[]>`select version, score from targets where id = ${target!.id}`;
  const rows = (await history(since, "target.set", target!.id)).map((r) => ({ before: r.before?.score, after: r.after?.score }));
  expect(rows).toHaveLength(tally.committed);
  expect(historyGaps(rows, initial.score)).toEqual([]);
  expect(rows.map((r) => r.after)).toEqual(committedValues(tally.commits));
  expect(row).toEqual({ version: initial.version + tally.committed, score: rows.at(-1)!.after });
});

test("projects: 50 sessions, 1,000 read-modify-write cycles on one project", async () => {
  const [project] = await sql<Record<string, unknown>[]>`
    select id, title, domain_id, stp_priority, programme_id, from_year, to_year, start_on::text, end_on::text, status, rag::text, rag_reason from projects where code = 'P16-RAP-09'`;
  expect(project).toBeDefined();
  const cpu = cpuMeter();
  const projectId = project!.id as string;
  const ownerIds = (await sql<{ id: string }[]>`select organisation_id as id from project_owners where project_id = ${projectId}`).map((r) => r.id);
  const footprintIds = (await sql<{ id: string }[]>`select footprint_id as id from project_footprints where project_id = ${projectId}`).map((r) => r.id);
  const capabilities = await sql<{ uc: number; role: string }[]>`
    select u.number as uc, c.role from project_capabilities c join universal_capabilities u on u.id = c.capability_id where c.project_id = ${projectId}`;
  // The form as the project page fills it; each cycle changes only the description.
  const form = {
    projectId,
    title: project!.title as string,
    domainId: project!.domain_id as string,
    stpPriority: project!.stp_priority as string,
    programmeId: (project!.programme_id as string | null) ?? "",
    ownerIds,
    footprintIds,
    fromYear: formatFinancialYear(project!.from_year as number),
    toYear: formatFinancialYear(project!.to_year as number),
    startOn: (project!.start_on as string | null) ?? "",
    endOn: (project!.end_on as string | null) ?? "",
    status: project!.status as string,
    rag: (project!.rag as string | null) ?? "",
    ragReason: (project!.rag_reason as string | null) ?? "",
    ...Object.fromEntries(capabilities.map((c) => [`uc.${c.uc}`, c.role])),
  };
  const saveProject = action("app/portfolio/actions.ts#saveProjectAction");
  const counter = (description: string) => Number(/^Concurrent edit (\d+)$/.exec(description)?.[1] ?? 0);
  // The project's version is not in the API's project list: the read half reads the database.
  const read = async () => {
    const [row] = await sql<{ version: number; description: string }[]>`select version, description from projects where id = ${projectId}`;
    return row!;
  };
  const initial = await read();
  const since = await auditHighWater();

  const tally = await runCycles(editors, CYCLES, async (client): Promise<Attempt<string>> => {
    const seen = await read();
    const value = `Concurrent edit ${counter(seen.description) + 1}`;
    const outcome = await callServerAction({ baseUrl: server.baseUrl, action: saveProject, cookie: client.cookie, pagePath: "/login", fields: { ...form, version: String(seen.version), description: value } });
    const state = formState(outcome);
    if (state?.ok) return { kind: "committed", commit: { readVersion: seen.version, readValue: seen.description, wrote: value } };
    if (state && /changed this project after you opened it/.test(state.message)) return { kind: "conflict" };
    return { kind: "other", detail: describe(outcome) };
  });
  const lost = lostUpdates(tally.commits, { version: initial.version, value: initial.description });
  results.projects = summary(tally, { clients: editors.length, lostUpdates: lost, ...cpu(), through: "saveProjectAction (server action over HTTP); reads the version from the database" });
  expectNothingLost(tally, lost);

  const final = await read();
  const rows = await history(since, "project.updated", projectId);
  const chain = rows.map((r) => ({ before: r.before?.description, after: r.after?.description }));
  expect(chain).toHaveLength(tally.committed);
  expect(historyGaps(chain, initial.description)).toEqual([]);
  expect(chain.map((r) => r.after)).toEqual(committedValues(tally.commits));
  // Nothing but the description changed, in any of them.
  for (const r of rows) expect({ ...r.after, description: null }).toEqual({ ...r.before, description: null });
  expect(final).toEqual({ version: initial.version + tally.committed, description: chain.at(-1)!.after });
});

test("review decisions: 50 board sessions race to decide each of 20 reviews; exactly one decision each", async () => {
  const [ws] = await sql<{ id: string; phase: number }[]>`select id, phase from workstreams where code = 'IG'`;
  const workstreamId = ws!.id;
  const cpu = cpuMeter();
  const admin = editors.find((c) => c.email === accounts.admin.email)!;
  const call = (client: Client, name: string, fields: Record<string, string | string[]>) =>
    callServerAction({ baseUrl: server.baseUrl, action: action(name), cookie: client.cookie, pagePath: "/login", fields });
  const workstreamVersion = async () => (await sql<{ version: number }[]>`select version from workstreams where id = ${workstreamId}`)[0]!.version;

  // The phase's deliverables made ready, so that its review can be requested.
  for (const d of await sql<{ id: string; version: number }[]>`select id, version from deliverables where workstream_id = ${workstreamId} and phase = ${ws!.phase}`) {
    const state = formState(await call(admin, "app/workstreams/actions.ts#updateDeliverableAction", { deliverableId: d.id, status: "ready", reason: "", note: "", evidenceUrl: "", version: String(d.version) }));
    expect(state?.ok, state?.message).toBe(true);
  }
  const members = await sql<{ id: string }[]>`select id from users where role = 'board' order by email`;
  const today = new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/London", year: "numeric", month: "2-digit", day: "2-digit" }).format(new Date());
  const since = await auditHighWater();
  const tally: Tally<string> = { attempts: 0, committed: 0, conflicts: 0, other: 0, otherSamples: [], commits: [], durationMs: 0 };
  const winners: { reviewId: string; reasons: string; decision: string }[] = [];
  const started = performance.now();

  for (let round = 1; round <= REVIEW_ROUNDS; round++) {
    // The last round's decision moves the workstream on; the others send the phase back for rework.
    const decision = round === REVIEW_ROUNDS ? "proceed" : "rework";
    const requested = await call(admin, "app/workstreams/actions.ts#requestReviewAction", { workstreamId, version: String(await workstreamVersion()) });
    expect(requested.kind, describe(requested)).toBe("redirect");
    // The pending review, as the API lists it; then every client decides it at once.
    const pending = await fetch(`${server.baseUrl}/api/v1/reviews?workstream=IG&pending=true`, { headers: { Cookie: board[round % board.length]!.cookie } });
    expect(pending.status).toBe(200);
    const listedReviews = ((await pending.json()) as { data: { id: string }[] }).data;
    expect(listedReviews).toHaveLength(1);
    const reviewId = listedReviews[0]!.id;
    const answers = await Promise.all(
      board.map(async (client) => {
        const reasons = `Round ${round}: the decision of client ${client.n}`;
        const outcome = await call(client, "app/workstreams/actions.ts#decideReviewAction", {
          reviewId,
          heldOn: today,
          attendees: members.map((m) => m.id),
          ...Object.fromEntries(members.map((m) => [`recommendation.${m.id}`, decision])),
          decision,
          reasons,
        });
        const state = formState(outcome);
        const attempt: Attempt<string> =
          outcome.kind === "redirect" && outcome.location.includes("done=decided")
            ? { kind: "committed", commit: { readVersion: round, readValue: reviewId, wrote: reasons } }
            : state && !state.ok && /This review was already decided/.test(state.message)
              ? { kind: "conflict" }
              : { kind: "other", detail: describe(outcome) };
        record(tally, attempt);
        if (attempt.kind === "committed") winners.push({ reviewId, reasons, decision });
        return attempt.kind;
      }),
    );
    expect(answers.filter((kind) => kind === "committed"), `round ${round}: exactly one decision commits`).toHaveLength(1);
  }
  tally.durationMs = Math.round(performance.now() - started);

  // The database: one decision per review, the winner's; the phase moved on exactly once.
  const reviews = await sql<{ id: string; decision: string | null; reasons: string | null; attendees: number }[]>`
    select r.id, r.decision, r.reasons, (select count(*)::int from review_attendees a where a.review_id = r.id) as attendees
    from tollgate_reviews r where r.workstream_id = ${workstreamId} order by r.requested_at, r.id`;
  const [after] = await sql<{ phase: number; status: string }[]>`select phase, status from workstreams where id = ${workstreamId}`;
  const decided = await history(since, "tollgate.decided", workstreamId);
  const trail = await sql<{ before: { phase: number; status: string }; after: { phase: number; status: string } }[]>`
    select before, after from audit_log where id > ${since} and entity_id = ${workstreamId} and action in ('tollgate.requested', 'tollgate.decided') order by id`;
  const lost = winners.filter((w) => !reviews.some((r) => r.id === w.reviewId && r.reasons === w.reasons && r.decision === w.decision)).length;
  results.reviewDecisions = summary(tally, { clients: board.length, lostUpdates: lost, rounds: REVIEW_ROUNDS, ...cpu(), through: "requestReviewAction, then decideReviewAction by all clients at once (server actions over HTTP)" });

  expect(tally.attempts).toBe(REVIEW_ROUNDS * board.length);
  expect(tally.other, `answers that were neither a commit nor a conflict: ${tally.otherSamples.join(" | ")}`).toBe(0);
  expect(tally.committed).toBe(REVIEW_ROUNDS);
  expect(lost).toBe(0);
  expect(reviews).toHaveLength(REVIEW_ROUNDS);
  expect(reviews.map((r) => ({ id: r.id, reasons: r.reasons, decision: r.decision, attendees: r.attendees }))).toEqual(
    winners.map((w) => ({ id: w.reviewId, reasons: w.reasons, decision: w.decision, attendees: members.length })),
  );
  expect(decided.map((d) => d.after?.reviewId)).toEqual(winners.map((w) => w.reviewId));
  expect(historyGaps(trail.map((t) => ({ before: { phase: t.before.phase, status: t.before.status }, after: { phase: t.after.phase, status: t.after.status } })), { phase: ws!.phase, status: "active" })).toEqual([]);
  expect(trail).toHaveLength(2 * REVIEW_ROUNDS);
  expect(after).toEqual({ phase: ws!.phase + 1, status: "active" });
});
