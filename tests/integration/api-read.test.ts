// The read API, called through the route handlers' exported functions with bearer tokens
// of each role: every endpoint answers 200 with data its declared schema accepts, pages,
// and filters; the figures are checked against the seed data module, not against the code.
import { count, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it, vi } from "vitest";

// Auth.js cannot run outside Next: the session is stubbed as signed out; tokens do the work.
vi.mock("@/lib/auth/session", () => ({ getCurrentUser: vi.fn(async () => null) }));

import { GET as getAssessment } from "@/app/api/v1/assessments/[id]/route";
import { GET as listAssessments } from "@/app/api/v1/assessments/route";
import { GET as listCapabilities } from "@/app/api/v1/capabilities/route";
import { GET as listFrameworks } from "@/app/api/v1/frameworks/route";
import { GET as listOrganisations } from "@/app/api/v1/organisations/route";
import { GET as listProjects } from "@/app/api/v1/projects/route";
import { GET as listReviews } from "@/app/api/v1/reviews/route";
import { GET as listScores } from "@/app/api/v1/scores/route";
import { GET as listSummaries } from "@/app/api/v1/summaries/route";
import { GET as listTargets } from "@/app/api/v1/targets/route";
import { GET as listWorkstreams } from "@/app/api/v1/workstreams/route";
import { createAssessment, saveAssessmentScores } from "@/db/commands/assessments";
import {
  organisations,
  projectCapabilities,
  projectOwners,
  projects,
  reviewAttendees,
  reviewConditions,
  systems,
  targets,
  tollgateReviews,
  universalCapabilities,
  users,
  workstreams,
} from "@/db/schema";
import { baselineProviders, baselineScores, bobFootprints, bobOrganisations, bobTrajectoryTargets, bobTargetYears, demoUsers, demoWorkstreamLeads, dmi2016, dmiPeriods } from "@/db/seed/bob-data";
import { projects as seedProjects, universalCapabilities as seedCapabilities } from "@/db/seed/bob-portfolio";
import { bobLifecycle, bobWorkstreams } from "@/db/seed/bob-workstreams";
import type { ApiRouteHandler } from "@/lib/api/handle";
import { londonDate } from "@/lib/as-at";
import { addDays } from "@/lib/dates";
import { actor, allScores, demo, seeded } from "../support/fixtures";
import { testDb } from "../support/test-database";
import { apiRequest, call, tokenFor, type ApiAnswer } from "./api-support";

type Seeded = Awaited<ReturnType<typeof seeded>>;
let s: Seeded;
const roles = { admin: demo.admin, cio: demo.cioOuh, otherCio: demo.cioRbft, board: demo.board, ccio: demo.ccio, viewer: demo.viewer } as const;
type RoleName = keyof typeof roles;
const secrets = {} as Record<RoleName, string>;
let draftId: string;
let baselineRthId: string;
let addedProjectId: string;
const today = londonDate();
const national = baselineScores().NATIONAL;
const domainCodes = dmi2016.sections.flatMap((section) => section.domains.map((d) => d.code));
const orgsServing = (footprint: string) => bobOrganisations.filter((o) => (o.footprints as readonly string[]).includes(footprint));

async function get(handler: ApiRouteHandler, path: string, role: RoleName = "viewer", params?: Record<string, string>): Promise<ApiAnswer> {
  const answer = await call(handler, apiRequest(path, { secret: secrets[role] }), params);
  if (answer.status === 200) handler.endpoint.response.parse(answer.body);
  return answer;
}

/** The data of a 200, parsed with the endpoint's own response schema. */
async function data(handler: ApiRouteHandler, path: string, role: RoleName = "viewer") {
  const answer = await get(handler, path, role);
  expect(answer.status, JSON.stringify(answer.body)).toBe(200);
  return answer.body as { data: any[]; paging: { limit: number; offset: number; total: number; next: string | null } }; // eslint-disable-line @typescript-eslint/no-explicit-any -- parsed above
}

async function expectBadRequest(handler: ApiRouteHandler, path: string, field: string) {
  const answer = await get(handler, path);
  expect(answer.status, path).toBe(400);
  expect(answer.body.error.code).toBe("bad_request");
  expect(Object.keys(answer.body.error.fieldErrors ?? {}), path).toContain(field);
}

beforeAll(async () => {
  s = await seeded();
  for (const [role, email] of Object.entries(roles)) secrets[role as RoleName] = (await tokenFor(email)).secret;
  const db = await testDb();

  // A draft of OUH's, with scores: its own CIO and admins see it; nobody's reports include it.
  const cio = await actor(demo.cioOuh);
  const draft = await createAssessment({ actor: cio, organisationId: s.byOds("RTH"), periodId: s.period("2017-REASSESSMENT").id });
  await saveAssessmentScores({ actor: cio, assessmentId: draft.id, version: draft.version, scores: allScores(domainCodes, 99) });
  draftId = draft.id;
  baselineRthId = (await data(listAssessments, "/assessments?organisation=RTH&period=2016-BASELINE")).data[0].id;

  // A delivered project of OUH's that enables UC 5 (the seeded cards carry no UC marks).
  const [uc5] = await db.select().from(universalCapabilities).where(eq(universalCapabilities.number, 5));
  const [added] = await db
    .insert(projects)
    .values({ systemId: (await db.select().from(workstreams).limit(1))[0]!.systemId, code: "API-UC5", title: "Discharge summaries", domainId: s.domainId("C2"), fromYear: 2016, toYear: 2016, status: "delivered" })
    .returning();
  addedProjectId = added!.id;
  await db.insert(projectOwners).values({ projectId: added!.id, organisationId: s.byOds("RTH") });
  await db.insert(projectCapabilities).values({ projectId: added!.id, capabilityId: uc5!.id, role: "E" });

  // OUH's own target for C1 in 2027/28.
  await db.insert(targets).values({ scope: "organisation", organisationId: s.byOds("RTH"), domainId: s.domainId("C1"), financialYear: 2027, score: 60 });

  // Two tollgate reviews: Records awaiting a decision; Citizen decided 40 days ago with a
  // condition that fell due 10 days ago (so overdue) and the workstream moved to phase 2.
  const board = await actor(demo.board);
  const ccio = await actor(demo.ccio);
  const ws = await db.select().from(workstreams);
  const records = ws.find((w) => w.code === "RECORDS")!;
  const citizen = ws.find((w) => w.code === "CITIZEN")!;
  await db.insert(tollgateReviews).values({ workstreamId: records.id, phase: 1, requestedById: ccio.id, requestedAt: new Date() });
  await db.update(workstreams).set({ status: "review_requested" }).where(eq(workstreams.id, records.id));
  const [decided] = await db
    .insert(tollgateReviews)
    .values({
      workstreamId: citizen.id,
      phase: 1,
      requestedById: ccio.id,
      requestedAt: new Date(`${addDays(today, -45)}T10:00:00Z`),
      heldOn: addDays(today, -40),
      decision: "proceed_with_conditions",
      reasons: "Vision agreed; the scope needs the councils' sign-off.",
      decidedById: board.id,
      decidedAt: new Date(`${addDays(today, -40)}T16:00:00Z`),
    })
    .returning();
  await db.insert(reviewAttendees).values({ reviewId: decided!.id, userId: board.id, recommendation: "proceed_with_conditions" });
  await db.insert(reviewConditions).values({ reviewId: decided!.id, workstreamId: citizen.id, position: 1, description: "Councils sign off the scope", owner: "CCIO", dueOn: addDays(today, -10) });
  await db.update(workstreams).set({ phase: 2 }).where(eq(workstreams.id, citizen.id));
});

const lists: [string, ApiRouteHandler][] = [
  ["/frameworks", listFrameworks],
  ["/organisations", listOrganisations],
  ["/assessments", listAssessments],
  ["/scores", listScores],
  ["/summaries", listSummaries],
  ["/targets", listTargets],
  ["/projects", listProjects],
  ["/capabilities", listCapabilities],
  ["/workstreams", listWorkstreams],
  ["/reviews", listReviews],
];

describe("every read endpoint, for every role", () => {
  it.each(Object.keys(roles) as RoleName[])("answers %s with 200 and data shaped as its schema says", async (role) => {
    for (const [path, handler] of lists) {
      const body = await data(handler, path, role);
      expect(body.paging.total, path).toBeGreaterThanOrEqual(body.data.length);
      expect(body.data.length, `${path} has data`).toBeGreaterThan(0);
    }
    const one = await get(getAssessment, `/assessments/${baselineRthId}`, role, { id: baselineRthId });
    expect(one.status).toBe(200);
  });

  it("answers without a token with 401 on every endpoint", async () => {
    for (const [path, handler] of lists) expect((await call(handler, apiRequest(path))).status, path).toBe(401);
    expect((await call(getAssessment, apiRequest(`/assessments/${baselineRthId}`), { id: baselineRthId })).status).toBe(401);
  });

  it("refuses an unknown parameter and a bad limit on every list with 400", async () => {
    for (const [path, handler] of lists) {
      await expectBadRequest(handler, `${path}?colour=blue`, "colour");
      await expectBadRequest(handler, `${path}?limit=1001`, "limit");
      await expectBadRequest(handler, `${path}?offset=-1`, "offset");
    }
  });
});

describe("paging", () => {
  // The 2016 index's scores: a list under the limit of 1000 (England's DMA results are not).
  it("walks the whole list through next, page by page, without gaps or repeats", async () => {
    const whole = await data(listScores, "/scores?framework=DMI-2016&limit=1000");
    expect(whole.data).toHaveLength(whole.paging.total);
    const walked: unknown[] = [];
    let path: string | null = "/scores?framework=DMI-2016&limit=25";
    let pages = 0;
    while (path) {
      const page = await data(listScores, path);
      expect(page.paging.total).toBe(whole.paging.total);
      expect(page.data.length).toBeLessThanOrEqual(25);
      walked.push(...page.data);
      pages++;
      path = page.paging.next ? page.paging.next.replace(/^.*\/api\/v1/, "") : null;
    }
    expect(pages).toBe(Math.ceil(whole.paging.total / 25));
    expect(walked).toEqual(whole.data);
  });

  it("defaults to 100 from 0, and answers an empty page past the end", async () => {
    const first = await data(listScores, "/scores");
    expect([first.paging.limit, first.paging.offset, first.data.length]).toEqual([100, 0, Math.min(100, first.paging.total)]);
    const past = await data(listScores, `/scores?offset=${first.paging.total}`);
    expect(past.data).toEqual([]);
    expect(past.paging.next).toBeNull();
  });
});

describe("GET /frameworks", () => {
  it("gives the framework's sections, domains and periods as seeded", async () => {
    const { data: frameworks } = await data(listFrameworks, "/frameworks");
    const dmi = frameworks.find((f) => f.code === dmi2016.code)!;
    expect(dmi.sections.map((x: { code: string }) => x.code)).toEqual(dmi2016.sections.map((x) => x.code));
    expect(dmi.sections.flatMap((x: { domains: { code: string }[] }) => x.domains.map((d) => d.code))).toEqual(domainCodes);
    expect(dmi.periods.map((p: { code: string }) => p.code)).toEqual([...dmiPeriods].sort((a, b) => b.assessedOn.localeCompare(a.assessedOn)).map((p) => p.code));
    expect(dmi.periods.find((p: { code: string }) => p.code === "2017-REASSESSMENT").isOpen).toBe(true);
  });
});

describe("GET /organisations", () => {
  it("lists every organisation with the footprints it serves, filtered by footprint and type", async () => {
    const all = await data(listOrganisations, "/organisations?limit=1000");
    // Every organisation: BOB's and England's other trusts and ICBs (counted in the database).
    const [inDatabase] = await (await testDb()).select({ n: count() }).from(organisations);
    expect(all.paging.total).toBe(inDatabase!.n);
    expect(all.data).toHaveLength(inDatabase!.n);
    expect(all.data.map((o) => o.name)).toEqual(expect.arrayContaining(bobOrganisations.map((o) => o.name)));
    const rye = all.data.find((o) => o.odsCode === "RYE")!;
    expect(rye.footprints.map((f: { code: string }) => f.code).sort()).toEqual(bobOrganisations.find((o) => o.odsCode === "RYE")!.footprints.slice().sort());
    const bucks = await data(listOrganisations, "/organisations?footprint=BUCKS");
    expect(bucks.data.map((o) => o.name).sort()).toEqual(orgsServing("BUCKS").map((o) => o.name).sort());
    const ambulance = await data(listOrganisations, "/organisations?type=ambulance&footprint=oxon");
    expect(ambulance.data.map((o) => o.odsCode)).toEqual(["RYE"]);
  });

  it("refuses a footprint or type that does not exist", async () => {
    await expectBadRequest(listOrganisations, "/organisations?footprint=WILTS", "footprint");
    await expectBadRequest(listOrganisations, "/organisations?type=hospice", "type");
  });
});

describe("GET /assessments and /assessments/{id}", () => {
  it("shows drafts only to their own organisation's CIOs and to administrators", async () => {
    // The 2016 index's assessments: the six baselines and OUH's draft (England's DMA results are all approved).
    const reported = baselineProviders.length;
    const dmiAssessments = "/assessments?framework=DMI-2016";
    expect((await data(listAssessments, dmiAssessments, "viewer")).paging.total).toBe(reported);
    expect((await data(listAssessments, dmiAssessments, "board")).paging.total).toBe(reported);
    expect((await data(listAssessments, dmiAssessments, "ccio")).paging.total).toBe(reported);
    expect((await data(listAssessments, dmiAssessments, "cio")).paging.total).toBe(reported + 1);
    // Another trust's CIO does not see OUH's draft.
    expect((await data(listAssessments, dmiAssessments, "otherCio")).paging.total).toBe(reported);
    expect((await data(listAssessments, dmiAssessments, "admin")).paging.total).toBe(reported + 1);
    expect((await data(listAssessments, "/assessments?status=draft", "viewer")).data).toEqual([]);
    expect((await data(listAssessments, "/assessments?status=draft", "cio")).data.map((a) => a.id)).toEqual([draftId]);
  });

  it("filters by organisation (ODS code or id), period and framework", async () => {
    const rth = await data(listAssessments, "/assessments?organisation=RTH&framework=DMI-2016", "cio");
    expect(rth.data.map((a) => a.period.code)).toEqual(["2017-REASSESSMENT", "2016-BASELINE"]);
    const byId = await data(listAssessments, `/assessments?organisation=${s.byOds("RTH")}&framework=DMI-2016`, "cio");
    expect(byId.data).toEqual(rth.data);
    const baseline = await data(listAssessments, "/assessments?period=2016-BASELINE&framework=DMI-2016");
    expect(baseline.data.map((a) => a.organisation.odsCode).sort()).toEqual([...baselineProviders].sort());
    expect(baseline.data.every((a) => a.status === "approved")).toBe(true);
    await expectBadRequest(listAssessments, "/assessments?period=2099-X", "period");
    await expectBadRequest(listAssessments, "/assessments?organisation=ZZZ", "organisation");
    await expectBadRequest(listAssessments, "/assessments?status=rejected", "status");
  });

  it("gives one assessment with its scores in the framework's order", async () => {
    const answer = await get(getAssessment, `/assessments/${baselineRthId}`, "viewer", { id: baselineRthId });
    expect(answer.status).toBe(200);
    const { data: assessment } = answer.body;
    expect(assessment.organisation.odsCode).toBe("RTH");
    expect(assessment.scores.map((x: { domainCode: string }) => x.domainCode)).toEqual(domainCodes);
    for (const x of assessment.scores) expect(x.score).toBe(baselineScores().RTH[x.domainCode]);
  });

  it("answers 404 for a draft the caller may not see, an unknown id and a mangled one", async () => {
    expect((await get(getAssessment, `/assessments/${draftId}`, "cio", { id: draftId })).body.data.scores.every((x: { score: number }) => x.score === 99)).toBe(true);
    for (const role of ["viewer", "board", "ccio", "otherCio"] as const) expect((await get(getAssessment, `/assessments/${draftId}`, role, { id: draftId })).status).toBe(404);
    const unknown = "00000000-0000-4000-8000-000000000000";
    const missing = await get(getAssessment, `/assessments/${unknown}`, "admin", { id: unknown });
    expect([missing.status, missing.body.error.code]).toEqual([404, "not_found"]);
    expect((await get(getAssessment, "/assessments/not-an-id", "admin", { id: "not-an-id" })).status).toBe(404);
  });
});

describe("GET /scores", () => {
  it("gives every reported score in long format, drafts left out, each as the seed has it", async () => {
    const all = await data(listScores, "/scores?framework=DMI-2016&limit=1000");
    expect(all.paging.total).toBe(baselineProviders.length * domainCodes.length);
    for (const row of all.data) {
      expect(row.period).toBe("2016-BASELINE");
      expect(row.score).toBe(baselineScores()[row.odsCode as (typeof baselineProviders)[number]][row.domainCode]);
    }
    expect(all.data.some((row) => row.assessmentId === draftId)).toBe(false);
  });

  it("filters by organisation, domain, footprint and period", async () => {
    const one = await data(listScores, "/scores?organisation=RTH&domain=C4");
    expect(one.data).toHaveLength(1);
    expect(one.data[0]).toMatchObject({ odsCode: "RTH", domainCode: "C4", domainName: "Medicines Management & Optimisation", score: baselineScores().RTH.C4, section: "CAPABILITIES" });
    const oxon = await data(listScores, "/scores?footprint=OXON&framework=DMI-2016&limit=1000");
    const oxonProviders = orgsServing("OXON").filter((o) => (baselineProviders as readonly (string | null)[]).includes(o.odsCode));
    expect(oxon.paging.total).toBe(oxonProviders.length * domainCodes.length);
    expect(new Set(oxon.data.map((r) => r.odsCode))).toEqual(new Set(oxonProviders.map((o) => o.odsCode)));
    expect((await data(listScores, "/scores?period=2017-REASSESSMENT")).paging.total).toBe(0);
    await expectBadRequest(listScores, "/scores?domain=Z9", "domain");
    await expectBadRequest(listScores, "/scores?footprint=OXON&footprint=BUCKS", "footprint");
  });
});

describe("GET /summaries", () => {
  it("gives the system's mean of the six trusts per domain against national, with the count strictly above", async () => {
    // Every system has a row; BOB's is the one with scores in the 2016 baseline.
    const rows = (await data(listSummaries, "/summaries?level=system&period=2016-BASELINE&limit=1000")).data.filter((r) => r.scopeCode === "BOB");
    expect(rows.map((r) => r.domainCode)).toEqual(domainCodes);
    for (const row of rows) {
      const scores = baselineProviders.map((ods) => baselineScores()[ods][row.domainCode]!);
      const mean = scores.reduce((a, b) => a + b, 0) / scores.length;
      expect(row.mean).toBeCloseTo(mean, 10);
      expect(row.meanRounded).toBe(Math.floor(mean + 0.5));
      expect(row.national).toBe(national[row.domainCode]);
      expect(row.providersAbove).toBe(scores.filter((x) => x > national[row.domainCode]!).length);
      expect(row.providersScored).toBe(6);
    }
    // The slide prints 5/6 for Leadership; the scores say all six are above 77.
    expect(rows.find((r) => r.domainCode === "R2")!.providersAbove).toBe(6);
  });

  it("gives a footprint's row and its organisations' rows, and an organisation's own scores", async () => {
    const berks = (await data(listSummaries, "/summaries?footprint=BERKSW&period=2016-BASELINE&limit=1000")).data;
    const berksProviders = orgsServing("BERKSW").filter((o) => (baselineProviders as readonly (string | null)[]).includes(o.odsCode));
    expect(berks.filter((r) => r.level === "footprint")).toHaveLength(domainCodes.length);
    expect(new Set(berks.filter((r) => r.level === "organisation").map((r) => r.scopeCode))).toEqual(new Set(berksProviders.map((o) => o.odsCode)));
    const c1 = berks.find((r) => r.level === "footprint" && r.domainCode === "C1")!;
    expect(c1.mean).toBeCloseTo(berksProviders.reduce((sum, o) => sum + baselineScores()[o.odsCode as (typeof baselineProviders)[number]].C1!, 0) / berksProviders.length, 10);
    const rth = (await data(listSummaries, "/summaries?organisation=RTH&framework=DMI-2016")).data;
    expect(rth).toHaveLength(domainCodes.length);
    for (const row of rth) expect([row.level, row.mean, row.providersScored]).toEqual(["organisation", baselineScores().RTH[row.domainCode], 1]);
  });

  it("gives a row for every period, empty where nobody has reported", async () => {
    const all = await data(listSummaries, "/summaries?framework=DMI-2016&limit=1000");
    // Every system has its row in each period (England's ICBs with nobody reported); only BOB has footprints and 2016 scores.
    const [systemCount] = await (await testDb()).select({ n: count() }).from(systems);
    const scopesPerPeriod = { "2016-BASELINE": systemCount!.n + bobFootprints.length + baselineProviders.length, "2017-REASSESSMENT": systemCount!.n + bobFootprints.length };
    expect(all.paging.total).toBe((scopesPerPeriod["2016-BASELINE"] + scopesPerPeriod["2017-REASSESSMENT"]) * domainCodes.length);
    const later = (await data(listSummaries, "/summaries?period=2017-REASSESSMENT&level=system&domain=R1&limit=1000")).data;
    expect(later).toHaveLength(systemCount!.n);
    expect(later.map((r) => r.scopeCode)).toContain("BOB");
    for (const row of later) expect(row).toMatchObject({ period: "2017-REASSESSMENT", level: "system", mean: null, meanRounded: null, providersScored: 0, providersAbove: 0 });
    await expectBadRequest(listSummaries, "/summaries?level=region", "level");
  });
});

describe("GET /targets", () => {
  it("gives the system's targets as seeded, each with its domain's status judged today", async () => {
    const rows = (await data(listTargets, "/targets?level=system&limit=1000")).data;
    expect(rows).toHaveLength(Object.keys(bobTrajectoryTargets).length * bobTargetYears.length);
    for (const row of rows) {
      expect(row.score).toBe(bobTrajectoryTargets[row.domainCode]![bobTargetYears.indexOf(row.financialYear)]);
      expect(row.dueOn).toBe(`${row.financialYear + 1}-03-31`);
      // Every target date has passed and no score has been reported since the baseline:
      // the last target is judged, and counts as off track.
      expect(row.trajectory).toMatchObject({ judgedOn: new Date().toISOString().slice(0, 10), status: "off-track", judgedFinancialYear: bobTargetYears.at(-1) });
    }
    expect((await data(listTargets, "/targets?level=system&status=on-track")).paging.total).toBe(0);
    expect((await data(listTargets, "/targets?level=system&domain=C3")).data.map((r) => r.financialYearLabel)).toEqual(["2016/17", "2017/18", "2018/19"]);
  });

  it("gives an organisation's own target, judged on its own scores", async () => {
    const rows = (await data(listTargets, "/targets?organisation=RTH")).data;
    expect(rows).toHaveLength(1);
    // Only the baseline (54) below a target not yet due: at risk, no rate to measure.
    expect(rows[0]).toMatchObject({ level: "organisation", scopeCode: "RTH", domainCode: "C1", financialYear: 2027, score: 60 });
    expect(rows[0].trajectory).toMatchObject({ status: "at-risk", baseline: { date: "2016-02-29", value: baselineScores().RTH.C1 } });
    expect((await data(listTargets, "/targets?footprint=OXON")).data).toEqual([]);
    await expectBadRequest(listTargets, "/targets?status=late", "status");
  });
});

describe("GET /projects", () => {
  it("lists every project, with the filters the capability plan has and more", async () => {
    expect((await data(listProjects, "/projects")).paging.total).toBe(seedProjects.length + 1);
    expect((await data(listProjects, "/projects?domain=C5")).paging.total).toBe(seedProjects.filter((p) => p.domainCode === "C5").length);
    expect((await data(listProjects, "/projects?status=in_flight")).paging.total).toBe(seedProjects.filter((p) => p.period === "2016/17").length);
    expect((await data(listProjects, "/projects?status=delivered")).data.map((p) => p.id)).toEqual([addedProjectId]);
    const owned = await data(listProjects, "/projects?owner=RTH&limit=1000");
    expect(owned.paging.total).toBe(seedProjects.filter((p) => p.ownerOdsCodes.includes("RTH")).length + 1);
    const serves = (ods: string) => bobOrganisations.find((o) => o.odsCode === ods)!.footprints as readonly string[];
    const inBucks = seedProjects.filter((p) => p.footprints.includes("BUCKS") || p.ownerOdsCodes.some((ods) => serves(ods).includes("BUCKS")));
    expect((await data(listProjects, "/projects?footprint=BUCKS&limit=1000")).data.map((p) => p.code).sort()).toEqual(inBucks.map((p) => p.code).sort());
    const priority = seedProjects[0]!.stpPriority;
    expect((await data(listProjects, `/projects?priority=${encodeURIComponent(priority)}`)).paging.total).toBe(seedProjects.filter((p) => p.stpPriority === priority).length);
    expect((await data(listProjects, "/projects?rag=red")).paging.total).toBe(0);
    await expectBadRequest(listProjects, "/projects?owner=XYZ", "owner");
    await expectBadRequest(listProjects, "/projects?rag=purple", "rag");
  });

  it("says where each project applies: the footprints it names and those its owners serve", async () => {
    const added = (await data(listProjects, "/projects?status=delivered")).data[0];
    expect(added).toMatchObject({ code: "API-UC5", footprints: [], appliesIn: ["OXON"], capabilities: [{ uc: 5, role: "E" }], owners: [{ odsCode: "RTH" }] });
  });
});

describe("GET /capabilities", () => {
  it("gives each capability's progress in each footprint, from the projects behind it", async () => {
    const all = await data(listCapabilities, "/capabilities");
    expect(all.paging.total).toBe(seedCapabilities.length * bobFootprints.length);
    // A delivered project that enables UC 5, owned by OUH (which serves Oxfordshire only).
    const uc5 = (await data(listCapabilities, "/capabilities?uc=5")).data;
    expect(Object.fromEntries(uc5.map((r) => [r.columnCode, r.progress]))).toEqual({ OXON: "delivered", BUCKS: "nothing", BERKSW: "nothing" });
    expect(uc5.find((r) => r.columnCode === "OXON").projectIds).toEqual([addedProjectId]);
    expect(all.data.filter((r) => r.uc !== 5).every((r) => r.progress === "nothing")).toBe(true);
  });

  it("gives it by owner organisation, too", async () => {
    const owners = new Set([...seedProjects.flatMap((p) => p.ownerOdsCodes), "RTH"]);
    expect((await data(listCapabilities, "/capabilities?by=organisation")).paging.total).toBe(seedCapabilities.length * owners.size);
    const rth = (await data(listCapabilities, "/capabilities?by=organisation&organisation=RTH&uc=5")).data;
    expect(rth).toEqual([expect.objectContaining({ columnCode: "RTH", progress: "delivered", progressLabel: "Delivered" })]);
  });

  it("refuses a capability that does not exist and a filter of the other view", async () => {
    await expectBadRequest(listCapabilities, "/capabilities?uc=11", "uc");
    await expectBadRequest(listCapabilities, "/capabilities?by=organisation&footprint=OXON", "footprint");
    await expectBadRequest(listCapabilities, "/capabilities?by=county", "by");
  });
});

describe("GET /workstreams", () => {
  it("gives each workstream's phase, lead and RAG by the workstreams page's rule", async () => {
    const rows = (await data(listWorkstreams, "/workstreams")).data;
    expect(rows.map((w) => w.code)).toEqual(bobWorkstreams.map((w) => w.code));
    const nameOf = (email: string) => demoUsers.find((u) => u.email === email)!.name;
    for (const w of rows) {
      expect(w.lead).toBe(demoWorkstreamLeads[w.code] ? nameOf(demoWorkstreamLeads[w.code]!) : null);
      expect(w.phaseCount).toBe(bobLifecycle.phases.length);
    }
    const byCode = Object.fromEntries(rows.map((w) => [w.code, w]));
    // Citizen's condition is 10 days overdue: red.
    expect(byCode.CITIZEN).toMatchObject({ phase: 2, phaseName: bobLifecycle.phases[1]!.name, rag: "red", openConditions: 1, overdueConditions: 1 });
    // Records awaits its review, nothing overdue or due: green.
    expect(byCode.RECORDS).toMatchObject({ status: "review_requested", rag: "green" });
    // The rest are in phase 1 with no review date set: amber, and they say why.
    for (const w of rows.filter((x) => !["CITIZEN", "RECORDS"].includes(x.code))) expect([w.phase, w.rag, w.ragReason]).toEqual([1, "amber", "No tollgate review date set."]);
    expect((await data(listWorkstreams, "/workstreams?rag=red")).data.map((w) => w.code)).toEqual(["CITIZEN"]);
    expect((await data(listWorkstreams, "/workstreams?status=review_requested")).data.map((w) => w.code)).toEqual(["RECORDS"]);
    await expectBadRequest(listWorkstreams, "/workstreams?status=paused", "status");
  });
});

describe("GET /reviews", () => {
  it("gives every review with its decision, attendees and conditions", async () => {
    const all = await data(listReviews, "/reviews");
    expect(all.paging.total).toBe(2);
    const decided = all.data.find((r) => r.workstreamCode === "CITIZEN")!;
    const board = await actor(demo.board);
    expect(decided).toMatchObject({
      phase: 1,
      phaseName: bobLifecycle.phases[0]!.name,
      heldOn: addDays(today, -40),
      decision: "proceed_with_conditions",
      decidedBy: board.name,
      attendees: [{ name: board.name, recommendation: "proceed_with_conditions" }],
      conditions: [expect.objectContaining({ description: "Councils sign off the scope", dueOn: addDays(today, -10), state: "overdue", closedAt: null })],
    });
  });

  it("filters by workstream, pending, and the date of the deciding meeting", async () => {
    expect((await data(listReviews, "/reviews?pending=true")).data.map((r) => [r.workstreamCode, r.decision])).toEqual([["RECORDS", null]]);
    expect((await data(listReviews, "/reviews?pending=false")).data.map((r) => r.workstreamCode)).toEqual(["CITIZEN"]);
    expect((await data(listReviews, "/reviews?workstream=records")).data.map((r) => r.workstreamCode)).toEqual(["RECORDS"]);
    expect((await data(listReviews, `/reviews?decidedSince=${addDays(today, -40)}`)).paging.total).toBe(1);
    expect((await data(listReviews, `/reviews?decidedSince=${addDays(today, -39)}`)).paging.total).toBe(0);
    await expectBadRequest(listReviews, "/reviews?decidedSince=2026-13-01", "decidedSince");
    await expectBadRequest(listReviews, "/reviews?pending=maybe", "pending");
    await expectBadRequest(listReviews, "/reviews?workstream=SPACE", "workstream");
  });
});

describe("what the API shows of people", () => {
  it("never includes password hashes or token hashes", async () => {
    const db = await testDb();
    const hashes = (await db.select({ h: users.passwordHash }).from(users)).flatMap((u) => (u.h ? [u.h] : []));
    expect(hashes.length).toBeGreaterThan(0);
    for (const [path, handler] of lists) {
      const text = JSON.stringify((await data(handler, `${path}?limit=1000`, "admin")).data);
      for (const h of hashes) expect(text.includes(h), path).toBe(false);
      expect(text, path).not.toMatch(/tokenHash|passwordHash/);
    }
  });
});
