import { sql, type SQL } from "drizzle-orm";
import { expect } from "vitest";
import { getDb } from "@/db/client";
import { rules, type Model, type TargetModel } from "./model";
import type { Real } from "./real";
import { targetKey } from "./world";

// What must hold after every action, read from the database:
// 1. the history is complete: one audit row per committed change, one access.denied row
//    per refusal of a permission, and nothing else;
// 2. the database holds exactly what the model says (so a refused action changed nothing);
// 3. every score and target is within 0–100;
// 4. no workstream skipped a phase: the reviews run 1, 2, … with one "proceed" closing each
//    phase left behind, and no phase's deliverables opened ahead of the workstream;
// 5. every change in the history was within its author's scope (own organisation, own
//    workstream, the board's decisions), judged from the history row alone.

export async function checkInvariants(m: Model, r: Real) {
  const snapshot = await readSnapshot(m, r);
  historyIsComplete(m, snapshot);
  databaseMatchesModel(m, r, snapshot);
  scoresWithinRange(snapshot);
  noPhaseSkipped(m, r, snapshot);
  changesWithinScope(m, r, snapshot);
}

interface AuditRow {
  id: number;
  actorId: string | null;
  action: string;
  entityType: string;
  entityId: string;
  organisationId: string | null;
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
}

/** Everything the invariants read, in one statement (a round trip per table made each check ~10× slower on PGlite). */
interface Snapshot {
  historyCounts: { changes: number; denials: number };
  newAudit: AuditRow[];
  outOfRange: { scores: number; targets: number };
  assessmentTotal: number;
  projectTotal: number;
  assessments: { id: string; organisationId: string; periodId: string; status: string; version: number }[];
  scores: { assessmentId: string; domainId: string; score: number }[];
  targets: { id: string; scope: TargetModel["scope"]; scopeId: string; domainId: string; financialYear: number; score: number; version: number }[];
  workstreams: { id: string; code: string; phase: number; status: string; version: number; leadUserId: string | null }[];
  deliverables: { id: string; workstreamId: string; phase: number; position: number; status: string; version: number }[];
  reviews: { id: string; workstreamId: string; phase: number; decision: string | null }[];
  conditions: { id: string; workstreamId: string; closed: boolean }[];
  projects: { id: string; title: string; version: number; ownerIds: string[]; invitedIds: string[] }[];
}

const idList = (ids: readonly string[]) => (ids.length ? sql.join(ids.map((id) => sql`${id}::uuid`), sql`, `) : sql`null::uuid`);

async function readSnapshot(m: Model, r: Real): Promise<Snapshot> {
  const db = await getDb();
  const orgIds = idList(r.world.orgs.map((o) => o.id));
  const assessmentIds = idList(m.assessments.map((a) => a.id));
  const projectIds = idList(m.projects.map((p) => p.id));
  const agg = (select: SQL, from: SQL) => sql`(select coalesce(json_agg(${select}), '[]'::json) from ${from})`;
  const result = await db.execute(sql`select json_build_object(
    'historyCounts', (select json_build_object(
        'changes', count(*) filter (where action <> 'access.denied'),
        'denials', count(*) filter (where action = 'access.denied'))
      from audit_log where id > ${r.startAuditId}),
    'newAudit', ${agg(
      sql`json_build_object('id', id, 'actorId', actor_id, 'action', action, 'entityType', entity_type, 'entityId', entity_id,
        'organisationId', organisation_id, 'before', before, 'after', after) order by id`,
      sql`audit_log where id > ${r.scopeCheckedId}`,
    )},
    'outOfRange', json_build_object(
      'scores', (select count(*) from domain_scores where score not between 0 and 100),
      'targets', (select count(*) from targets where score not between 0 and 100)),
    'assessmentTotal', (select count(*) from assessments),
    'projectTotal', (select count(*) from projects),
    'assessments', ${agg(
      sql`json_build_object('id', id, 'organisationId', organisation_id, 'periodId', period_id, 'status', status, 'version', version)`,
      sql`assessments where organisation_id in (${orgIds})`,
    )},
    'scores', ${agg(sql`json_build_object('assessmentId', assessment_id, 'domainId', domain_id, 'score', score)`, sql`domain_scores where assessment_id in (${assessmentIds})`)},
    'targets', ${agg(
      sql`json_build_object('id', id, 'scope', scope, 'scopeId', coalesce(system_id, footprint_id, organisation_id), 'domainId', domain_id,
        'financialYear', financial_year, 'score', score, 'version', version)`,
      sql`targets`,
    )},
    'workstreams', ${agg(sql`json_build_object('id', id, 'code', code, 'phase', phase, 'status', status, 'version', version, 'leadUserId', lead_user_id)`, sql`workstreams`)},
    'deliverables', ${agg(
      sql`json_build_object('id', id, 'workstreamId', workstream_id, 'phase', phase, 'position', position, 'status', status, 'version', version)`,
      sql`deliverables`,
    )},
    'reviews', ${agg(sql`json_build_object('id', id, 'workstreamId', workstream_id, 'phase', phase, 'decision', decision)`, sql`tollgate_reviews`)},
    'conditions', ${agg(sql`json_build_object('id', id, 'workstreamId', workstream_id, 'closed', closed_at is not null)`, sql`review_conditions`)},
    'projects', ${agg(
      sql`json_build_object('id', p.id, 'title', p.title, 'version', p.version,
        'ownerIds', (select coalesce(json_agg(o.organisation_id order by o.organisation_id), '[]'::json) from project_owners o where o.project_id = p.id),
        'invitedIds', (select coalesce(json_agg(i.organisation_id order by i.organisation_id), '[]'::json) from project_owner_invitations i where i.project_id = p.id and i.status = 'pending'))`,
      sql`projects p where p.id in (${projectIds})`,
    )}
  )::text as snapshot`);
  const rows = (Array.isArray(result) ? result : (result as { rows: unknown[] }).rows) as { snapshot: string }[];
  return JSON.parse(rows[0]!.snapshot) as Snapshot;
}

function historyIsComplete(m: Model, s: Snapshot) {
  expect(s.historyCounts, "history rows written in this run").toEqual({ changes: m.changes, denials: m.denials });
}

const byId = <T extends { id: string }>(rows: readonly T[]) => [...rows].sort((a, b) => a.id.localeCompare(b.id));

function databaseMatchesModel(m: Model, r: Real, s: Snapshot) {
  const w = r.world;
  expect(byId(s.assessments), "assessments").toEqual(byId(m.assessments.map(({ scores: _s, ...a }) => a)));
  const scores: Record<string, Record<string, number>> = Object.fromEntries(m.assessments.map((a) => [a.id, {}]));
  for (const x of s.scores) scores[x.assessmentId]![x.domainId] = x.score;
  expect(scores, "domain scores").toEqual(Object.fromEntries(m.assessments.map((a) => [a.id, a.scores])));
  expect(s.assessmentTotal, "assessments in the whole database").toBe(w.totals.assessments + m.assessments.length - w.initial.assessments.length);

  const targets = s.targets
    .map((t) => [targetKey(t.scopeId, t.domainId, t.financialYear), { id: t.id, scope: t.scope, scopeId: t.scopeId, score: t.score, version: t.version }] as const)
    .sort(([a], [b]) => a.localeCompare(b));
  expect(targets, "targets").toEqual([...m.targets.entries()].sort(([a], [b]) => a.localeCompare(b)));

  expect(byId(s.workstreams.map(({ code: _c, ...ws }) => ws)), "workstreams").toEqual(
    byId(m.workstreams.map((ws) => ({ id: ws.id, phase: ws.phase, status: ws.status, version: ws.version, leadUserId: ws.leadUserId }))),
  );
  for (const ws of m.workstreams) {
    const current = s.deliverables
      .filter((d) => d.workstreamId === ws.id && d.phase === ws.phase)
      .sort((a, b) => a.position - b.position)
      .map(({ id, position, status, version }) => ({ id, position, status, version }));
    expect(current, `${ws.code}: the current phase's deliverables`).toEqual(ws.deliverables);
    const reviews = byId(s.reviews.filter((x) => x.workstreamId === ws.id).map(({ id, phase, decision }) => ({ id, phase, decision })));
    expect(reviews, `${ws.code}: tollgate reviews`).toEqual(byId(ws.reviews));
    const conditions = byId(s.conditions.filter((c) => c.workstreamId === ws.id).map(({ id, closed }) => ({ id, closed })));
    expect(conditions, `${ws.code}: review conditions`).toEqual(byId(ws.conditions));
  }

  expect(byId(s.projects), "projects").toEqual(byId(m.projects));
  expect(s.projectTotal, "projects in the whole database").toBe(w.totals.projects + m.projects.length - w.initial.projects.length);
}

function scoresWithinRange(s: Snapshot) {
  expect(s.outOfRange, "scores and targets outside 0–100").toEqual({ scores: 0, targets: 0 });
}

const proceeds = (d: string | null) => d === "proceed" || d === "proceed_with_conditions";

function noPhaseSkipped(m: Model, r: Real, s: Snapshot) {
  for (const ws of s.workstreams) {
    const reviews = s.reviews.filter((x) => x.workstreamId === ws.id);
    const reviewed = [...new Set(reviews.map((x) => x.phase))].sort((a, b) => a - b);
    expect(reviewed, `${ws.code}: phases reviewed run 1, 2, … up to the current one`).toEqual(reviewed.map((_, i) => i + 1));
    expect(reviewed.every((p) => p <= ws.phase), `${ws.code}: no review of a phase ahead of phase ${ws.phase}`).toBe(true);
    for (let p = 1; p <= ws.phase; p++) {
      const passed = reviews.filter((x) => x.phase === p && proceeds(x.decision)).length;
      const wanted = p < ws.phase || ws.status === "closed" ? 1 : 0;
      expect(passed, `${ws.code}: reviews that let phase ${p} proceed`).toBe(wanted);
    }
    const pending = reviews.filter((x) => x.decision == null);
    expect(pending.map((x) => x.phase), `${ws.code}: the review awaiting a decision`).toEqual(ws.status === "review_requested" ? [ws.phase] : []);
    if (ws.status === "stopped") expect(reviews.some((x) => x.phase === ws.phase && x.decision === "stop"), `${ws.code}: stopped by a review`).toBe(true);
    const opened = [...new Set(s.deliverables.filter((d) => d.workstreamId === ws.id).map((d) => d.phase))];
    expect(opened.every((p) => p <= ws.phase), `${ws.code}: no deliverables of a phase after ${ws.phase}`).toBe(true);
  }
  // The decisions in the history move a workstream on by one phase at most, and only by proceeding.
  for (const row of s.newAudit.filter((x) => x.action === "tollgate.decided")) {
    const before = row.before as { phase: number };
    const after = row.after as { phase: number; decision: string };
    const code = m.workstreams.find((x) => x.id === row.entityId)?.code;
    const step = after.phase - before.phase;
    expect(step, `${code}: a decision's step from phase ${before.phase}`).toBe(proceeds(after.decision) && before.phase < r.world.phaseCount ? 1 : 0);
  }
}

function changesWithinScope(m: Model, r: Real, s: Snapshot) {
  const rows = s.newAudit;
  for (const row of rows) {
    const actor = r.world.actors.find((a) => a.id === row.actorId);
    expect(actor, `audit row ${row.id} (${row.action}) names who did it`).toBeDefined();
    if (!actor || row.action === "access.denied") continue;
    const { before, after } = row;
    const assessmentOrg = (id: string) => m.assessments.find((x) => x.id === id)?.organisationId;
    const ws = m.workstreams.find((x) => x.id === row.entityId);
    const what = `audit row ${row.id}: ${actor.name} (${actor.role}) ${row.action} on ${row.entityType} ${row.entityId}`;
    switch (row.action) {
      case "score.changed":
        expect(row.organisationId, `${what}: the assessment's organisation`).toBe(assessmentOrg(row.entityId.split(":")[0]!));
        expect(rules.editAssessment(actor, row.organisationId!), what).toBe(true);
        break;
      case "assessment.created":
      case "assessment.submitted":
        expect(row.organisationId, `${what}: the assessment's organisation`).toBe(assessmentOrg(row.entityId));
        expect(rules.editAssessment(actor, row.organisationId!), what).toBe(true);
        break;
      case "assessment.approved":
      case "assessment.returned":
        expect(rules.approveOrReturn(actor), what).toBe(true);
        break;
      case "assessment.reopened":
        expect(rules.reopen(actor), what).toBe(true);
        break;
      case "target.set":
      case "target.removed": {
        const t = (after ?? before) as { scope: TargetModel["scope"]; scopeId: string };
        expect(rules.setTarget(actor, t.scope, t.scopeId), what).toBe(true);
        break;
      }
      case "project.created": {
        // Owners the creator did not act for are only invited.
        const owners = (after as { ownerIds: string[] }).ownerIds;
        expect(rules.editProject(actor, owners) && owners.every((id) => rules.actFor(actor, id)), what).toBe(true);
        break;
      }
      case "project.updated": {
        const [was, now] = [(before as { ownerIds: string[] }).ownerIds, (after as { ownerIds: string[] }).ownerIds];
        const changed = [...was.filter((id) => !now.includes(id)), ...now.filter((id) => !was.includes(id))];
        expect(rules.editProject(actor, was) && now.length > 0 && changed.every((id) => rules.actFor(actor, id)), what).toBe(true);
        break;
      }
      case "deliverable.updated":
      case "tollgate.requested":
        expect(ws && rules.workOnWorkstream(actor, ws), what).toBe(true);
        break;
      case "tollgate.decided":
        expect(rules.decideReview(actor), what).toBe(true);
        break;
      case "condition.closed":
        expect(ws && rules.closeCondition(actor, ws), what).toBe(true);
        break;
      default:
        throw new Error(`${what}: an action the model does not know`);
    }
  }
  if (rows.length > 0) r.scopeCheckedId = rows.at(-1)!.id;
}
