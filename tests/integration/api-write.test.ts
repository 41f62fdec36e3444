// The write API: saving scores and starting assessments go through the same commands as
// the forms, so the same validation, permission checks and history apply, with tokens
// that may read and write of each role.
import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it, vi } from "vitest";

// Auth.js cannot run outside Next: the session is stubbed as signed out; tokens do the work.
vi.mock("@/lib/auth/session", () => ({ getCurrentUser: vi.fn(async () => null) }));

import { GET as getAssessment } from "@/app/api/v1/assessments/[id]/route";
import { POST as createAssessmentRoute } from "@/app/api/v1/assessments/route";
import { PUT as saveScores } from "@/app/api/v1/assessments/[id]/scores/route";
import { GET as listScores } from "@/app/api/v1/scores/route";
import { createAssessment } from "@/db/commands/assessments";
import { assessmentPeriods, auditLog, domainScores } from "@/db/schema";
import { createAssessmentEndpoint, getAssessmentEndpoint, saveAssessmentScoresEndpoint } from "@/lib/api/endpoints/assessments";
import { errorBodySchema } from "@/lib/api/openapi";
import { actor, allScores, demo, seeded } from "../support/fixtures";
import { testDb } from "../support/test-database";
import { apiRequest, call, tokenFor } from "./api-support";

type Seeded = Awaited<ReturnType<typeof seeded>>;
let s: Seeded;
let codes: string[];
const roles = { admin: demo.admin, cioOuh: demo.cioOuh, cioRbft: demo.cioRbft, board: demo.board, ccio: demo.ccio, viewer: demo.viewer } as const;
type RoleName = keyof typeof roles;
const secrets = {} as Record<RoleName, string>;

beforeAll(async () => {
  s = await seeded();
  codes = s.dmiDomains.map((d) => d.code);
  for (const [role, email] of Object.entries(roles)) secrets[role as RoleName] = (await tokenFor(email, "read-write", 90)).secret;
});

function put(id: string, role: RoleName, body: unknown) {
  return call(saveScores, apiRequest(`/assessments/${id}/scores`, { secret: secrets[role], method: "PUT", body }), { id });
}

function post(role: RoleName, body: unknown) {
  return call(createAssessmentRoute, apiRequest("/assessments", { secret: secrets[role], method: "POST", body }));
}

function error(answer: { body: unknown }) {
  return errorBodySchema.parse(answer.body).error;
}

async function scoresOf(assessmentId: string) {
  const db = await testDb();
  const rows = await db.select().from(domainScores).where(eq(domainScores.assessmentId, assessmentId));
  return Object.fromEntries(rows.map((r) => [r.domainId, r.score]));
}

/** A fresh draft of an organisation in the open period (each test its own: one per organisation and period). */
async function draftOf(ods: "RTH" | "RHW" | "RXQ" | "RNU" | "RWX" | "RYE") {
  const cio = await actor(ods === "RHW" ? demo.cioRbft : demo.admin);
  return createAssessment({ actor: cio, organisationId: s.byOds(ods), periodId: s.period("2017-REASSESSMENT").id });
}

describe("PUT /assessments/{id}/scores", () => {
  it("saves a CIO's own draft, records each change, and submits it when asked", async () => {
    const draft = await createAssessment({ actor: await actor(demo.cioOuh), organisationId: s.byOds("RTH"), periodId: s.period("2017-REASSESSMENT").id });
    const saved = await put(draft.id, "cioOuh", { version: draft.version, scores: allScores(codes, 60, { C1: 71 }) });
    expect(saved.status).toBe(200);
    expect(saveAssessmentScoresEndpoint.response.parse(saved.body).data).toEqual({ id: draft.id, version: draft.version + 1, status: "draft", changed: codes.length });
    expect((await scoresOf(draft.id))[s.domainId("C1")]).toBe(71);
    const db = await testDb();
    const history = await db.select().from(auditLog).where(and(eq(auditLog.organisationId, s.byOds("RTH")), eq(auditLog.action, "score.changed")));
    const cioId = (await actor(demo.cioOuh)).id;
    expect(history.filter((h) => h.entityId.startsWith(draft.id)).map((h) => h.actorId)).toEqual(codes.map(() => cioId));

    // Draft scores are not reported; once submitted they are.
    const reported = async () => (await call(listScores, apiRequest("/scores?organisation=RTH&period=2017-REASSESSMENT", { secret: secrets.viewer }))).body.paging.total;
    expect(await reported()).toBe(0);
    const submitted = await put(draft.id, "cioOuh", { version: draft.version + 1, scores: allScores(codes, 60, { C1: 71 }), submit: true });
    expect(submitted.body.data).toMatchObject({ status: "submitted", version: draft.version + 2, changed: 0 });
    expect(await reported()).toBe(codes.length);

    // 409: a submitted assessment cannot be changed.
    const late = await put(draft.id, "cioOuh", { version: draft.version + 2, scores: allScores(codes, 61) });
    expect([late.status, error(late).code]).toEqual([409, "conflict"]);
  });

  it("refuses a save based on an out-of-date version with 409, naming who saved first", async () => {
    const draft = await draftOf("RHW");
    expect((await put(draft.id, "cioRbft", { version: 1, scores: allScores(codes, 50) })).status).toBe(200);
    const stale = await put(draft.id, "admin", { version: 1, scores: allScores(codes, 55) });
    expect(stale.status).toBe(409);
    expect(error(stale).message).toMatch(/^Rachel Brook saved this assessment at .* after you opened it/);
    expect(Object.values(await scoresOf(draft.id)).every((v) => v === 50)).toBe(true);
  });

  it("refuses a score of 101 with 422, a message next to that domain, and saves nothing", async () => {
    const draft = await draftOf("RXQ");
    const answer = await put(draft.id, "admin", { version: 1, scores: allScores(codes, 50, { R3: 101 }) });
    expect(answer.status).toBe(422);
    const e = error(answer);
    expect(e.code).toBe("invalid");
    expect(e.fieldErrors).toEqual({ [s.domainId("R3")]: "Score for Resourcing must be from 0 to 100 (not 101)" });
    expect(await scoresOf(draft.id)).toEqual({});
  });

  it("refuses with 422 a body the schema refuses, and a domain the framework does not have", async () => {
    const draft = await draftOf("RNU");
    const noVersion = await put(draft.id, "admin", { scores: allScores(codes, 50) });
    expect([noVersion.status, error(noVersion).fieldErrors]).toEqual([422, { version: "version must be the assessment's current version number" }]);
    const words = await put(draft.id, "admin", { version: 1, scores: allScores(codes, 50, { R1: "fifty" }) });
    expect([words.status, error(words).fieldErrors]).toEqual([422, { "scores.R1": "each score must be a number on the framework's scale" }]);
    const extra = await put(draft.id, "admin", { version: 1, scores: allScores(codes, 50, { X9: 50 }) });
    expect(extra.status).toBe(422);
    expect(error(extra).message).toContain("X9");
    const missing = await put(draft.id, "admin", { version: 1, scores: allScores(codes.slice(1), 50) });
    expect([missing.status, error(missing).fieldErrors]).toEqual([422, { [s.domainId(codes[0]!)]: `Enter a score for ${s.dmiDomains[0]!.name}` }]);
    expect(await scoresOf(draft.id)).toEqual({});
  });

  it("answers 400 for a body that is not JSON, or not sent as JSON", async () => {
    const draft = await draftOf("RWX");
    const malformed = await call(
      saveScores,
      apiRequest(`/assessments/${draft.id}/scores`, { secret: secrets.admin, method: "PUT", body: '{"version": 1, "scores": {', headers: { "content-type": "application/json" } }),
      { id: draft.id },
    );
    expect([malformed.status, error(malformed).code, error(malformed).message]).toEqual([400, "bad_request", "The body is not valid JSON."]);
    const form = await call(
      saveScores,
      apiRequest(`/assessments/${draft.id}/scores`, { secret: secrets.admin, method: "PUT", body: "version=1", headers: { "content-type": "application/x-www-form-urlencoded" } }),
      { id: draft.id },
    );
    expect(form.status).toBe(400);
  });

  it("answers 404 for a draft the caller may not see (a 403 would say it exists), records the attempt, and changes nothing", async () => {
    const draft = await draftOf("RYE");
    for (const role of ["cioOuh", "cioRbft", "board", "ccio", "viewer"] as const) {
      const answer = await put(draft.id, role, { version: 1, scores: allScores(codes, 10) });
      expect([role, answer.status, error(answer).code]).toEqual([role, 404, "not_found"]);
    }
    expect(await scoresOf(draft.id)).toEqual({});
    // Each attempt is still in the history, as a refusal.
    const db = await testDb();
    const refusals = await db.select().from(auditLog).where(and(eq(auditLog.entityId, draft.id), eq(auditLog.action, "access.denied")));
    expect(new Set(refusals.map((r) => r.actorId))).toEqual(new Set(await Promise.all([demo.cioOuh, demo.cioRbft, demo.board, demo.ccio, demo.viewer].map(async (e) => (await actor(e)).id))));
    expect((await put(draft.id, "admin", { version: 1, scores: allScores(codes, 10) })).status).toBe(200);
  });

  it("refuses, with 403, every role that may not enter scores on an assessment it can see, and records each refusal", async () => {
    const db = await testDb();
    const { assessments } = await import("@/db/schema");
    const [baseline] = await db
      .select()
      .from(assessments)
      .where(and(eq(assessments.organisationId, s.byOds("RYE")), eq(assessments.periodId, s.period("2016-BASELINE").id)));
    const before = await scoresOf(baseline!.id);
    for (const role of ["cioOuh", "cioRbft", "board", "ccio", "viewer"] as const) {
      const answer = await put(baseline!.id, role, { version: baseline!.version, scores: allScores(codes, 10) });
      expect([role, answer.status, error(answer).code]).toEqual([role, 403, "forbidden"]);
    }
    expect(error(await put(baseline!.id, "cioOuh", { version: baseline!.version, scores: allScores(codes, 10) })).message).toBe("You can only change assessments of your own organisation.");
    const refusals = await db.select().from(auditLog).where(and(eq(auditLog.entityId, baseline!.id), eq(auditLog.action, "access.denied")));
    expect(new Set(refusals.map((r) => r.actorId))).toEqual(new Set(await Promise.all([demo.cioOuh, demo.cioRbft, demo.board, demo.ccio, demo.viewer].map(async (e) => (await actor(e)).id))));
    expect(await scoresOf(baseline!.id)).toEqual(before);
    // An administrator may edit, but an approved assessment's scores are frozen.
    expect((await put(baseline!.id, "admin", { version: baseline!.version, scores: allScores(codes, 10) })).status).toBe(409);
  });

  it("answers 404 for an assessment that does not exist, and for a mangled id", async () => {
    const unknown = await put("00000000-0000-4000-8000-000000000000", "admin", { version: 1, scores: {} });
    expect([unknown.status, error(unknown).code]).toEqual([404, "not_found"]);
    expect((await put("42", "admin", { version: 1, scores: {} })).status).toBe(404);
  });
});

describe("POST /assessments", () => {
  // A period of this describe's own, so that no other test has started anything in it.
  let period: { id: string; name: string };
  beforeAll(async () => {
    const db = await testDb();
    const [row] = await db.insert(assessmentPeriods).values({ frameworkId: s.dmi.id, code: "2018-API", name: "API test 2018", assessedOn: "2018-06-30", isOpen: true }).returning();
    period = row!;
  });

  it("starts a draft for a CIO's own organisation in an open period, once, as the form does", async () => {
    const created = await post("cioOuh", { organisationId: s.byOds("RTH"), periodId: period.id });
    expect(created.status).toBe(201);
    const data = createAssessmentEndpoint.response.parse(created.body).data;
    expect(data).toMatchObject({ status: "draft", version: 1, organisation: { odsCode: "RTH" }, period: { code: "2018-API" }, framework: { code: "DMI-2016" } });
    const read = await call(getAssessment, apiRequest(`/assessments/${data.id}`, { secret: secrets.cioOuh }), { id: data.id });
    expect(getAssessmentEndpoint.response.parse(read.body).data.scores).toEqual([]);
    const db = await testDb();
    const history = await db.select().from(auditLog).where(eq(auditLog.entityId, data.id));
    expect(history.map((h) => [h.action, h.actorId])).toEqual([["assessment.created", (await actor(demo.cioOuh)).id]]);
    const again = await post("cioOuh", { organisationId: s.byOds("RTH"), periodId: period.id });
    expect([again.status, error(again).message]).toEqual([409, `Oxford University Hospitals NHS Foundation Trust already has an assessment for ${period.name}.`]);
  });

  it("refuses, with 403, another trust's CIO and the roles that may not start assessments; an admin may", async () => {
    const other = await post("cioOuh", { organisationId: s.byOds("RHW"), periodId: period.id });
    expect([other.status, error(other).message]).toEqual([403, "You can only start assessments for your own organisation."]);
    for (const role of ["board", "ccio", "viewer"] as const) {
      const answer = await post(role, { organisationId: s.byOds("RHW"), periodId: period.id });
      expect([role, answer.status, error(answer).code]).toEqual([role, 403, "forbidden"]);
    }
    const db = await testDb();
    const denied = await db.select().from(auditLog).where(and(eq(auditLog.entityId, s.byOds("RHW")), eq(auditLog.action, "access.denied")));
    expect(denied.map((d) => d.actorId)).toEqual(
      expect.arrayContaining(await Promise.all([demo.cioOuh, demo.board, demo.ccio, demo.viewer].map(async (e) => (await actor(e)).id))),
    );
    expect((await post("cioRbft", { organisationId: s.byOds("RHW"), periodId: period.id })).status).toBe(201);
    expect((await post("admin", { organisationId: s.byOds("RYE"), periodId: period.id })).status).toBe(201);
  });

  it("refuses a closed period (422), an unknown period (422), an unknown organisation (404) and a malformed body", async () => {
    const closed = await post("admin", { organisationId: s.byOds("RTH"), periodId: s.period("2016-BASELINE").id });
    expect([closed.status, error(closed).fieldErrors]).toEqual([422, { periodId: "Baseline Feb-16 is closed: choose an open period" }]);
    const noPeriod = await post("admin", { organisationId: s.byOds("RNU"), periodId: "00000000-0000-4000-8000-000000000000" });
    expect([noPeriod.status, error(noPeriod).fieldErrors]).toEqual([422, { periodId: "Choose an assessment period that exists" }]);
    const noOrganisation = await post("admin", { organisationId: "00000000-0000-4000-8000-000000000000", periodId: period.id });
    expect(noOrganisation.status).toBe(404);
    const missing = await post("admin", { organisationId: s.byOds("RNU") });
    expect([missing.status, Object.keys(error(missing).fieldErrors ?? {})]).toEqual([422, ["periodId"]]);
    const malformed = await call(createAssessmentRoute, apiRequest("/assessments", { secret: secrets.admin, method: "POST", body: "{", headers: { "content-type": "application/json" } }));
    expect(malformed.status).toBe(400);
  });
});
