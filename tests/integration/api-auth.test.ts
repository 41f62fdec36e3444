// Who may call the API: a bearer token that is known, not revoked, not expired, of an
// account that is not disabled, acting with its owner's role as it is now; else the
// session cookie; else 401. A read-only token may not write.
import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it, vi } from "vitest";

// Auth.js cannot run outside Next: the session is stubbed (signed out unless a test says
// otherwise). Everything else, from the route handler down, is the real thing.
vi.mock("@/lib/auth/session", () => ({ getCurrentUser: vi.fn(async () => null) }));

import { GET as listScores } from "@/app/api/v1/scores/route";
import { GET as listAssessments, POST as createAssessmentRoute } from "@/app/api/v1/assessments/route";
import { PUT as saveScores } from "@/app/api/v1/assessments/[id]/scores/route";
import { createApiToken, revokeApiToken } from "@/db/commands/api-tokens";
import { createAssessment } from "@/db/commands/assessments";
import { createPeriod } from "@/db/commands/periods";
import { createUser, setUserDisabled, updateUserAccess } from "@/db/commands/users";
import { apiTokens, auditLog, domainScores } from "@/db/schema";
import { listScoresEndpoint } from "@/lib/api/endpoints/scores";
import { errorBodySchema } from "@/lib/api/openapi";
import { getCurrentUser } from "@/lib/auth/session";
import { actor, allScores, demo, seeded } from "../support/fixtures";
import { testDb } from "../support/test-database";
import { apiRequest, call, tokenFor } from "./api-support";

type Seeded = Awaited<ReturnType<typeof seeded>>;
let s: Seeded;
beforeAll(async () => {
  s = await seeded();
});

async function expectUnauthenticated(request: Request, message: RegExp, challenge = /^Bearer realm="api"/) {
  const answer = await call(listScores, request);
  expect(answer.status).toBe(401);
  expect(answer.headers.get("content-type")).toContain("application/json");
  expect(answer.headers.get("www-authenticate")).toMatch(challenge);
  const body = errorBodySchema.parse(answer.body);
  expect(body.error.code).toBe("unauthenticated");
  expect(body.error.message).toMatch(message);
}

describe("401: no valid credentials", () => {
  it("without a token or a session", async () => {
    await expectUnauthenticated(apiRequest("/scores"), /not signed in.*Authorization: Bearer drm_/);
  });

  it("with an Authorization header that is not a bearer token", async () => {
    for (const header of ["Basic dXNlcjpwYXNz", "Bearer", "drm_abc", "Bearer two tokens"]) {
      await expectUnauthenticated(apiRequest("/scores", { headers: { authorization: header } }), /not in the form/, /error="invalid_request"/);
    }
  });

  it("with something that is not a token of this service, or a token nobody holds", async () => {
    await expectUnauthenticated(apiRequest("/scores", { secret: "ghp_0123456789" }), /not an API token of this service/, /error="invalid_token"/);
    const { secret } = await tokenFor(demo.viewer);
    const unknown = `drm_${secret.slice(4).split("").reverse().join("")}`;
    await expectUnauthenticated(apiRequest("/scores", { secret: unknown }), /not recognised/, /error="invalid_token"/);
  });

  it("with a revoked token", async () => {
    const { user, token, secret } = await tokenFor(demo.viewer);
    expect((await call(listScores, apiRequest("/scores?limit=1", { secret }))).status).toBe(200);
    await revokeApiToken({ actor: user, tokenId: token.id });
    await expectUnauthenticated(apiRequest("/scores?limit=1", { secret }), /revoked/, /error="invalid_token"/);
  });

  it("with an expired token", async () => {
    const { secret } = await tokenFor(demo.viewer, "read", 30, new Date(Date.now() - 31 * 86_400_000));
    await expectUnauthenticated(apiRequest("/scores", { secret }), /expired at/, /error="invalid_token"/);
  });

  it("with the token of an account that has since been disabled, and still once it is enabled again: disabling revoked it", async () => {
    const admin = await actor(demo.admin);
    const person = await createUser({ actor: admin, email: "api.disabled@demo.nhs.uk", name: "Dee Abled", password: "", role: "viewer", organisationIds: [] });
    const { secret, token } = await createApiToken({ actor: (await actor(person.email))!, name: "BI", scope: "read", lifetimeDays: 30 });
    expect((await call(listScores, apiRequest("/scores?limit=1", { secret }))).status).toBe(200);
    await setUserDisabled({ actor: admin, userId: person.id, disabled: true });
    await expectUnauthenticated(apiRequest("/scores?limit=1", { secret }), /revoked/, /error="invalid_token"/);
    await setUserDisabled({ actor: admin, userId: person.id, disabled: false });
    await expectUnauthenticated(apiRequest("/scores?limit=1", { secret }), /revoked/, /error="invalid_token"/);
    const [row] = await (await testDb()).select().from(apiTokens).where(eq(apiTokens.id, token.id));
    expect(row!.revokedAt).toBeInstanceOf(Date);
    const [disabling] = await (await testDb()).select().from(auditLog).where(and(eq(auditLog.action, "user.disabled"), eq(auditLog.entityId, person.id)));
    expect(disabling!.after).toMatchObject({ disabled: true, sessionsEnded: true, apiTokensRevoked: 1 });
  });
});

describe("a token acts as its owner is now", () => {
  it("with the role and organisations the owner has at the time of each request", async () => {
    const admin = await actor(demo.admin);
    const person = await createUser({ actor: admin, email: "api.cio@demo.nhs.uk", name: "Cai Owen", password: "", role: "cio", organisationIds: [s.byOds("RXQ")] });
    const { secret } = await createApiToken({ actor: (await actor(person.email))!, name: "Script", scope: "read-write", lifetimeDays: 30 });
    const created = await call(
      createAssessmentRoute,
      apiRequest("/assessments", { secret, method: "POST", body: { organisationId: s.byOds("RXQ"), periodId: s.period("2017-REASSESSMENT").id } }),
    );
    expect(created.status).toBe(201);
    const id = created.body.data.id as string;
    // As a CIO of RXQ they see the draft…
    const mine = await call(listAssessments, apiRequest("/assessments?organisation=RXQ&status=draft", { secret }));
    expect(mine.body.data.map((a: { id: string }) => a.id)).toEqual([id]);
    // …and once made a viewer, the same token neither sees it nor may change it.
    await updateUserAccess({ actor: admin, userId: person.id, role: "viewer", organisationIds: [] });
    const after = await call(listAssessments, apiRequest("/assessments?organisation=RXQ&status=draft", { secret }));
    expect(after.body.data).toEqual([]);
    const save = await call(saveScores, apiRequest(`/assessments/${id}/scores`, { secret, method: "PUT", body: { version: 1, scores: allScores(s.dmiDomains.map((d) => d.code), 50) } }), { id });
    // A draft they may no longer see is not there for them (404, as on a read).
    expect(save.status).toBe(404);
  });

  it("notes when it was last used, at most once a minute", async () => {
    const { token, secret } = await tokenFor(demo.board);
    const db = await testDb();
    const lastUsed = async () => (await db.select().from(apiTokens).where(eq(apiTokens.id, token.id)))[0]!.lastUsedAt;
    expect(await lastUsed()).toBeNull();
    await call(listScores, apiRequest("/scores?limit=1", { secret }));
    const first = await lastUsed();
    expect(first).toBeInstanceOf(Date);
    expect(Math.abs(first!.getTime() - Date.now())).toBeLessThan(60_000);
    await call(listScores, apiRequest("/scores?limit=1", { secret }));
    expect((await lastUsed())!.getTime()).toBe(first!.getTime());
  });
});

describe("403: a read-only token may not write", () => {
  it("whatever its owner's role allows", async () => {
    const { user, secret } = await tokenFor(demo.cioOuh, "read");
    const draft = await createAssessment({ actor: user, organisationId: s.byOds("RTH"), periodId: s.period("2017-REASSESSMENT").id });
    const save = await call(
      saveScores,
      apiRequest(`/assessments/${draft.id}/scores`, { secret, method: "PUT", body: { version: draft.version, scores: allScores(s.dmiDomains.map((d) => d.code), 50) } }),
      { id: draft.id },
    );
    expect(save.status).toBe(403);
    expect(errorBodySchema.parse(save.body).error.message).toMatch(/read only/);
    const create = await call(createAssessmentRoute, apiRequest("/assessments", { secret, method: "POST", body: { organisationId: s.byOds("RTH"), periodId: s.period("2017-REASSESSMENT").id } }));
    expect(create.status).toBe(403);
    expect(create.body.error.message).toMatch(/read only/);
    // Each refused write is in the history, against the token, and nothing was written.
    const db = await testDb();
    const refusals = await db.select().from(auditLog).where(and(eq(auditLog.action, "access.denied"), eq(auditLog.entityType, "api_token"), eq(auditLog.actorId, user.id)));
    expect(refusals.map((r) => (r.after as { attempted: string }).attempted).sort()).toEqual(["api.post /api/v1/assessments", `api.put /api/v1/assessments/${draft.id}/scores`]);
    expect(await db.select().from(domainScores).where(eq(domainScores.assessmentId, draft.id))).toEqual([]);
  });
});

describe("the origin of a change made with the session cookie", () => {
  let draftId: string;
  const host = new URL(apiRequest("/").url).host;
  const body = (version: number) => ({ version, scores: allScores(s.dmiDomains.map((d) => d.code), 40) });
  const email = "origin.cio@nhs.net";
  beforeAll(async () => {
    const admin = await actor(demo.admin);
    await createUser({ actor: admin, email, name: "Origin CIO", password: "", role: "cio", organisationIds: [s.byOds("RXQ")] });
    const period = await createPeriod({ actor: admin, frameworkId: s.dmi.id, code: "2019-ORIGIN", name: "Origin checks 2019", assessedOn: "2019-03-31" });
    draftId = (await createAssessment({ actor: await actor(email), organisationId: s.byOds("RXQ"), periodId: period.id })).id;
  });

  it("refuses a change sent from another site's page (the cookie goes along anyway), and records the refusal", async () => {
    const cio = await actor(email);
    vi.mocked(getCurrentUser).mockResolvedValueOnce(cio);
    const refused = await call(saveScores, apiRequest(`/assessments/${draftId}/scores`, { method: "PUT", body: body(1), headers: { origin: "https://evil.example", host } }), { id: draftId });
    expect(refused.status).toBe(403);
    expect(errorBodySchema.parse(refused.body).error.message).toMatch(/only come from this site's own pages/);
    const db = await testDb();
    expect(await db.select().from(domainScores).where(eq(domainScores.assessmentId, draftId))).toEqual([]);
    const [denied] = await db.select().from(auditLog).where(and(eq(auditLog.action, "access.denied"), eq(auditLog.entityType, "origin"), eq(auditLog.actorId, cio.id)));
    expect(denied?.entityId).toBe("https://evil.example");

    // The same change from this site's own page goes through.
    vi.mocked(getCurrentUser).mockResolvedValueOnce(cio);
    const saved = await call(saveScores, apiRequest(`/assessments/${draftId}/scores`, { method: "PUT", body: body(1), headers: { origin: `http://${host}`, host } }), { id: draftId });
    expect(saved.status).toBe(200);
  });

  it("does not apply to a bearer token, which no other site's page can send", async () => {
    const { secret } = await tokenFor(email, "read-write");
    const answer = await call(saveScores, apiRequest(`/assessments/${draftId}/scores`, { secret, method: "PUT", body: body(2), headers: { origin: "https://elsewhere.example", host } }), { id: draftId });
    expect(answer.status).toBe(200);
  });
});

describe("the session cookie, for the browser", () => {
  it("is used when no Authorization header is sent", async () => {
    vi.mocked(getCurrentUser).mockResolvedValueOnce(await actor(demo.viewer));
    const answer = await call(listScores, apiRequest("/scores?limit=2"));
    expect(answer.status).toBe(200);
    expect(listScoresEndpoint.response.parse(answer.body).data).toHaveLength(2);
  });

  it("is not consulted when a bearer token is sent: a bad token is a 401 even when signed in", async () => {
    vi.mocked(getCurrentUser).mockClear();
    vi.mocked(getCurrentUser).mockResolvedValue(await actor(demo.viewer));
    try {
      await expectUnauthenticated(apiRequest("/scores", { secret: "drm_nope" }), /not an API token/);
      expect(getCurrentUser).not.toHaveBeenCalled();
    } finally {
      vi.mocked(getCurrentUser).mockResolvedValue(null);
    }
  });

  it("writes only what the signed-in user may: a viewer's save finds no draft", async () => {
    const cio = await actor(demo.cioRbft);
    const draft = await createAssessment({ actor: cio, organisationId: s.byOds("RHW"), periodId: s.period("2017-REASSESSMENT").id });
    vi.mocked(getCurrentUser).mockResolvedValueOnce(await actor(demo.viewer));
    const refused = await call(saveScores, apiRequest(`/assessments/${draft.id}/scores`, { method: "PUT", body: { version: 1, scores: {} } }), { id: draft.id });
    expect(refused.status).toBe(404);
    vi.mocked(getCurrentUser).mockResolvedValueOnce(cio);
    const saved = await call(
      saveScores,
      apiRequest(`/assessments/${draft.id}/scores`, { method: "PUT", body: { version: 1, scores: allScores(s.dmiDomains.map((d) => d.code), 40) } }),
      { id: draft.id },
    );
    expect(saved.status).toBe(200);
    expect(saved.body.data).toEqual({ id: draft.id, version: 2, status: "draft", changed: s.dmiDomains.length });
  });
});
