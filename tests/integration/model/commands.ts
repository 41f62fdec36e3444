import { and, asc, eq } from "drizzle-orm";
import type fc from "fast-check";
import { getDb } from "@/db/client";
import { changeAssessmentStatus, createAssessment, saveAssessmentScores } from "@/db/commands/assessments";
import { ownFields, saveProject, snapshotFromDb } from "@/db/commands/projects";
import { removeTarget, setTarget } from "@/db/commands/targets";
import { closeCondition, decideReview, requestReview } from "@/db/commands/tollgate-reviews";
import { updateDeliverable } from "@/db/commands/workstreams";
import { deliverables, reviewConditions } from "@/db/schema";
import { londonDate } from "@/lib/as-at";
import { formatFinancialYear } from "@/lib/financial-year";
import { stpDigitalPriorities } from "@/lib/portfolio";
import type { ProjectInput } from "@/lib/schemas/project";
import { targetInputSchema } from "@/lib/schemas/target";
import { decisionFormToInput, decisionSchema, deliverableUpdateSchema } from "@/lib/schemas/workstream";
import { checkInvariants } from "./invariants";
import {
  isDone,
  isFinished,
  parseTargetScore,
  rules,
  targetOnScale,
  validScore,
  type Decision,
  type DeliverableStatus,
  type Model,
  type Outcome,
  type WorkstreamModel,
} from "./model";
import { attempt, expectAuditRows, expectOutcome, throughSchema, type ExpectedAudit, type Real } from "./real";
import { targetKey, type ActorName, type OrgCode, type World, type WorldActor, type WorkstreamCode } from "./world";

// The user actions the model-based test strings together. Each predicts from the model
// whether it is allowed (and if not, which AppError refuses it), runs the real command,
// compares, updates the model, and then checks the audit rows it wrote and every
// invariant against the database. toString() names the action so that a shrunk failure
// reads as a story.

type Cmd = fc.AsyncCommand<Model, Real>;
type Freshness = "fresh" | "stale";

const who = (w: World, name: ActorName): WorldActor => w.actors.find((a) => a.name === name)!;
const denied = (a: WorldActor): ExpectedAudit => ({ action: "access.denied", actorId: a.id, before: "absent", after: "present" });
const staleOf = (version: number) => (version > 1 ? version - 1 : version + 1);
const today = londonDate();
const addDays = (iso: string, days: number) => new Date(Date.parse(`${iso}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

/** The common tail: the outcome as predicted, the audit rows as predicted, every invariant. */
/** How often each action came to each outcome (MODEL_STATS=1 prints it): is the test reaching its states? */
export const stats: Record<string, number> = {};

async function settle(m: Model, r: Real, what: string, got: { outcome: Outcome; message?: string }, expected: Outcome, audit: ExpectedAudit[]) {
  const key = `${what.split("(")[0]} ${got.outcome}`;
  stats[key] = (stats[key] ?? 0) + 1;
  expectOutcome(got, expected, what);
  m.changes += audit.filter((a) => a.action !== "access.denied").length;
  m.denials += audit.filter((a) => a.action === "access.denied").length;
  await expectAuditRows(r, audit, what);
  await checkInvariants(m, r);
}

// ---- Assessments ------------------------------------------------------------------

export class CreateAssessment implements Cmd {
  constructor(
    readonly actor: ActorName,
    readonly org: OrgCode,
    readonly closedPeriod: boolean,
  ) {}
  check() {
    return true;
  }
  async run(m: Model, r: Real) {
    const a = who(r.world, this.actor);
    const org = r.world.orgs.find((o) => o.ods === this.org)!;
    const periodId = this.closedPeriod ? r.world.closedPeriodId : r.world.openPeriodId;
    const exists = m.assessments.some((x) => x.organisationId === org.id && x.periodId === periodId);
    const expected: Outcome = !rules.editAssessment(a, org.id) ? "forbidden" : this.closedPeriod ? "invalid" : exists ? "conflict" : "ok";
    const got = await attempt(() => createAssessment({ actor: a, organisationId: org.id, periodId }));
    const audit: ExpectedAudit[] = [];
    if (expected === "forbidden") audit.push(denied(a));
    if (got.outcome === "ok" && got.value) {
      m.assessments.push({ id: got.value.id, organisationId: org.id, periodId, status: "draft", version: 1, scores: {} });
      audit.push({ action: "assessment.created", actorId: a.id, entityId: got.value.id, before: "absent", after: "present" });
    }
    await settle(m, r, this.toString(), got, expected, audit);
  }
  toString() {
    return `createAssessment(${this.actor}, ${this.org}, ${this.closedPeriod ? "closed" : "open"} period)`;
  }
}

export class SaveScores implements Cmd {
  constructor(
    readonly actor: ActorName,
    readonly assessment: number,
    readonly values: readonly (number | string)[],
    readonly submit: boolean,
    readonly freshness: Freshness,
  ) {}
  check() {
    return true;
  }
  async run(m: Model, r: Real) {
    const a = who(r.world, this.actor);
    const target = m.assessments[this.assessment % m.assessments.length]!;
    const domains = r.world.domains;
    const raw = Object.fromEntries(domains.map((d, i) => [d.code, this.values[i % this.values.length]!]));
    const version = this.freshness === "fresh" ? target.version : staleOf(target.version);
    const expected: Outcome = !rules.editAssessment(a, target.organisationId)
      ? "forbidden"
      : target.status !== "draft"
        ? "conflict"
        : !domains.every((d) => validScore(raw[d.code]!))
          ? "invalid"
          : this.freshness === "stale"
            ? "conflict"
            : "ok";
    const got = await attempt(() => saveAssessmentScores({ actor: a, assessmentId: target.id, version, scores: raw, submit: this.submit }));
    const audit: ExpectedAudit[] = [];
    if (expected === "forbidden") audit.push(denied(a));
    if (expected === "ok") {
      for (const d of domains) {
        const next = Number(String(raw[d.code]).replace("%", ""));
        if (target.scores[d.id] === next) continue;
        audit.push({ action: "score.changed", actorId: a.id, entityId: `${target.id}:${d.id}`, before: target.scores[d.id] == null ? "absent" : "present", after: "present" });
        target.scores[d.id] = next;
      }
      if (this.submit) {
        audit.push({ action: "assessment.submitted", actorId: a.id, entityId: target.id, before: "present", after: "present" });
        target.status = "submitted";
      }
      target.version += 1;
    }
    await settle(m, r, this.toString(), got, expected, audit);
  }
  toString() {
    return `saveScores(${this.actor}, assessment#${this.assessment}, [${this.values.map((v) => JSON.stringify(v)).join(",")}]${this.submit ? ", submit" : ""}, ${this.freshness} version)`;
  }
}

export class ChangeAssessmentStatus implements Cmd {
  constructor(
    readonly actor: ActorName,
    readonly assessment: number,
    readonly transition: "approve" | "return" | "reopen",
    readonly reason: string,
    readonly freshness: Freshness,
  ) {}
  check() {
    return true;
  }
  async run(m: Model, r: Real) {
    const a = who(r.world, this.actor);
    const target = m.assessments[this.assessment % m.assessments.length]!;
    const from = { approve: "submitted", return: "submitted", reopen: "approved" }[this.transition];
    const to = { approve: "approved", return: "draft", reopen: "draft" }[this.transition] as "approved" | "draft";
    const allowed = this.transition === "reopen" ? rules.reopen(a) : rules.approveOrReturn(a);
    const expected: Outcome = !allowed
      ? "forbidden"
      : target.status !== from
        ? "conflict"
        : this.transition !== "approve" && this.reason.trim() === ""
          ? "invalid"
          : this.freshness === "stale"
            ? "conflict"
            : "ok";
    const version = this.freshness === "fresh" ? target.version : staleOf(target.version);
    const got = await attempt(() => changeAssessmentStatus({ actor: a, assessmentId: target.id, version, transition: this.transition, reason: this.reason }));
    const audit: ExpectedAudit[] = [];
    if (expected === "forbidden") audit.push(denied(a));
    if (expected === "ok") {
      const action = { approve: "assessment.approved", return: "assessment.returned", reopen: "assessment.reopened" }[this.transition];
      audit.push({ action, actorId: a.id, entityId: target.id, before: "present", after: "present" });
      target.status = to;
      target.version += 1;
    }
    await settle(m, r, this.toString(), got, expected, audit);
  }
  toString() {
    return `${this.transition}Assessment(${this.actor}, assessment#${this.assessment}, reason ${JSON.stringify(this.reason)}, ${this.freshness} version)`;
  }
}

// ---- Targets ----------------------------------------------------------------------

export class SetTarget implements Cmd {
  constructor(
    readonly actor: ActorName,
    readonly scope: "system" | "footprint" | "organisation",
    readonly place: number,
    readonly domain: number,
    readonly year: number,
    readonly score: string,
    readonly version: "none" | Freshness,
  ) {}
  check() {
    return true;
  }
  async run(m: Model, r: Real) {
    const w = r.world;
    const a = who(w, this.actor);
    const scopeId = this.scope === "system" ? w.systemId : this.scope === "footprint" ? w.footprintIds[this.place % w.footprintIds.length]! : w.orgs[this.place % w.orgs.length]!.id;
    const domain = w.domains[this.domain % w.domains.length]!;
    const key = targetKey(scopeId, domain.id, this.year);
    const existing = m.targets.get(key);
    const sentVersion = this.version === "none" ? "" : String(existing ? (this.version === "fresh" ? existing.version : staleOf(existing.version)) : 1);
    const score = parseTargetScore(this.score);
    const expected: Outcome =
      score == null
        ? "invalid"
        : !rules.setTarget(a, this.scope, scopeId)
          ? "forbidden"
          : !targetOnScale(score)
            ? "invalid"
            : existing
            ? this.version === "fresh"
              ? "ok"
              : "conflict"
            : this.version === "none"
              ? "ok"
              : "conflict";
    const input = throughSchema(targetInputSchema, {
      scope: this.scope,
      scopeId,
      frameworkId: w.frameworkId,
      domainId: domain.id,
      financialYear: formatFinancialYear(this.year),
      score: this.score,
      version: sentVersion,
    });
    const got = input ? await attempt(() => setTarget({ actor: a, input })) : { outcome: "invalid" as const };
    const audit: ExpectedAudit[] = [];
    if (expected === "forbidden") audit.push(denied(a));
    if (expected === "ok" && score != null) {
      if (!existing) {
        const id = (got.value as { id: string } | undefined)?.id ?? "";
        m.targets.set(key, { id, scope: this.scope, scopeId, score, version: 1 });
        audit.push({ action: "target.set", actorId: a.id, entityId: id, before: "absent", after: "present" });
      } else if (existing.score !== score) {
        existing.score = score;
        existing.version += 1;
        audit.push({ action: "target.set", actorId: a.id, entityId: existing.id, before: "present", after: "present" });
      }
    }
    await settle(m, r, this.toString(), got, expected, audit);
  }
  toString() {
    return `setTarget(${this.actor}, ${this.scope}#${this.place}, domain#${this.domain}, ${formatFinancialYear(this.year)}, ${JSON.stringify(this.score)}, version ${this.version})`;
  }
}

export class RemoveTarget implements Cmd {
  constructor(
    readonly actor: ActorName,
    readonly target: number,
    readonly freshness: Freshness,
  ) {}
  check(m: Readonly<Model>) {
    return m.targets.size > 0;
  }
  async run(m: Model, r: Real) {
    const a = who(r.world, this.actor);
    const [key, target] = [...m.targets.entries()][this.target % m.targets.size]!;
    const expected: Outcome = !rules.setTarget(a, target.scope, target.scopeId) ? "forbidden" : this.freshness === "stale" ? "conflict" : "ok";
    const version = this.freshness === "fresh" ? target.version : staleOf(target.version);
    const got = await attempt(() => removeTarget({ actor: a, targetId: target.id, version }));
    const audit: ExpectedAudit[] = [];
    if (expected === "forbidden") audit.push(denied(a));
    if (expected === "ok") {
      m.targets.delete(key);
      audit.push({ action: "target.removed", actorId: a.id, entityId: target.id, before: "present", after: "absent" });
    }
    await settle(m, r, this.toString(), got, expected, audit);
  }
  toString() {
    return `removeTarget(${this.actor}, target#${this.target}, ${this.freshness} version)`;
  }
}

// ---- Projects ---------------------------------------------------------------------

const ownersOf = (w: World, codes: readonly OrgCode[]) => w.orgs.filter((o) => codes.includes(o.ods as OrgCode)).map((o) => o.id).sort();

export class CreateProject implements Cmd {
  constructor(
    readonly actor: ActorName,
    readonly owners: readonly OrgCode[],
  ) {}
  check() {
    return true;
  }
  async run(m: Model, r: Real) {
    const w = r.world;
    const a = who(w, this.actor);
    const ownerIds = ownersOf(w, this.owners);
    const title = `Model project ${m.projects.length + 1}`;
    const input: ProjectInput = {
      title,
      description: "",
      domainId: w.domains[0]!.id,
      stpPriority: stpDigitalPriorities[0],
      programmeId: null,
      ownerIds,
      footprintIds: [],
      fromYear: 2017,
      toYear: 2018,
      startOn: null,
      endOn: null,
      status: "planned",
      rag: null,
      ragReason: null,
      capabilities: [],
    };
    const expected: Outcome = rules.editProject(a, ownerIds) ? "ok" : "forbidden";
    const got = await attempt(() => saveProject({ actor: a, input }));
    const audit: ExpectedAudit[] = [];
    if (expected === "forbidden") audit.push(denied(a));
    if (expected === "ok" && got.value) {
      // The creator's own organisations own it; the others are invited.
      m.projects.push({ id: got.value.id, title, ownerIds: ownerIds.filter((id) => rules.actFor(a, id)), invitedIds: ownerIds.filter((id) => !rules.actFor(a, id)), version: 1 });
      audit.push({ action: "project.created", actorId: a.id, entityId: got.value.id, before: "absent", after: "present" });
    }
    await settle(m, r, this.toString(), got, expected, audit);
  }
  toString() {
    return `createProject(${this.actor}, owners ${this.owners.join()})`;
  }
}

export class EditProject implements Cmd {
  constructor(
    readonly actor: ActorName,
    readonly project: number,
    readonly title: number | null,
    readonly owners: readonly OrgCode[] | null,
    readonly freshness: Freshness,
  ) {}
  check() {
    return true;
  }
  async run(m: Model, r: Real) {
    const w = r.world;
    const a = who(w, this.actor);
    const p = m.projects[this.project % m.projects.length]!;
    // The form shows owners and pending invitations ticked; "same owners" sends them back as they are.
    const ownerIds = this.owners == null ? [...p.ownerIds, ...p.invitedIds].sort() : ownersOf(w, this.owners);
    const title = this.title == null ? p.title : `Renamed ${this.title}`;
    // The form opens with the project as it is now, and the user changes the title or owners.
    const db = await getDb();
    const current = ownFields(await snapshotFromDb(db, p.id));
    const version = this.freshness === "fresh" ? p.version : staleOf(p.version);
    const input = { ...current, projectId: p.id, version, title, ownerIds } as ProjectInput;
    // Owners the actor acts for join or leave at once; others are invited, and an unticked
    // invitation is withdrawn. Removing another's organisation, or the last owner, is refused.
    const removed = p.ownerIds.filter((id) => !ownerIds.includes(id));
    const fresh = ownerIds.filter((id) => !p.ownerIds.includes(id) && !p.invitedIds.includes(id));
    const ownersAfter = [...p.ownerIds.filter((id) => ownerIds.includes(id)), ...fresh.filter((id) => rules.actFor(a, id))].sort();
    const invitedAfter = [...p.invitedIds.filter((id) => ownerIds.includes(id)), ...fresh.filter((id) => !rules.actFor(a, id))].sort();
    const ownersAllowed = removed.every((id) => rules.actFor(a, id)) && ownersAfter.length > 0;
    const same = title === p.title && ownersAfter.join() === p.ownerIds.join() && invitedAfter.join() === p.invitedIds.join();
    const expected: Outcome = !(rules.editProject(a, p.ownerIds) && ownersAllowed) ? "forbidden" : this.freshness === "stale" ? "conflict" : "ok";
    const got = await attempt(() => saveProject({ actor: a, input }));
    const audit: ExpectedAudit[] = [];
    if (expected === "forbidden") audit.push(denied(a));
    if (expected === "ok" && !same) {
      Object.assign(p, { title, ownerIds: ownersAfter, invitedIds: invitedAfter, version: p.version + 1 });
      audit.push({ action: "project.updated", actorId: a.id, entityId: p.id, before: "present", after: "present" });
    }
    await settle(m, r, this.toString(), got, expected, audit);
  }
  toString() {
    return `editProject(${this.actor}, project#${this.project}, ${this.title == null ? "same title" : `title "Renamed ${this.title}"`}, ${this.owners == null ? "same owners" : `owners ${this.owners.join("+")}`}, ${this.freshness} version)`;
  }
}

// ---- Workstreams and tollgate reviews ----------------------------------------------

const workstreamOf = (m: Model, code: WorkstreamCode): WorkstreamModel => m.workstreams.find((w) => w.code === code)!;

/** One deliverable's status set by the lead (or anyone trying), as the deliverable form sends it. */
async function setDeliverable(m: Model, r: Real, what: string, a: WorldActor, ws: WorkstreamModel, position: number, status: DeliverableStatus, freshness: Freshness) {
  const d = ws.deliverables[position % ws.deliverables.length]!;
  const expected: Outcome = !rules.workOnWorkstream(a, ws) ? "forbidden" : isFinished(ws) || ws.status === "review_requested" ? "invalid" : freshness === "stale" ? "conflict" : "ok";
  const input = throughSchema(deliverableUpdateSchema, {
    deliverableId: d.id,
    status,
    reason: status === "not_required" ? "Covered by the regional programme" : "",
    note: "",
    evidenceUrl: "",
    version: String(freshness === "fresh" ? d.version : staleOf(d.version)),
  });
  if (!input) throw new Error(`${what}: the test built a deliverable form its schema refuses`);
  const got = await attempt(() => updateDeliverable({ actor: a, input }));
  const audit: ExpectedAudit[] = [];
  if (expected === "forbidden") audit.push(denied(a));
  if (expected === "ok" && d.status !== status) {
    d.status = status;
    d.version += 1;
    audit.push({ action: "deliverable.updated", actorId: a.id, entityId: ws.id, before: "present", after: "present" });
  }
  await settle(m, r, what, got, expected, audit);
  return expected === "ok";
}

export class SetDeliverable implements Cmd {
  constructor(
    readonly actor: ActorName,
    readonly workstream: WorkstreamCode,
    readonly deliverable: number,
    readonly status: DeliverableStatus,
    readonly freshness: Freshness,
  ) {}
  check(m: Readonly<Model>) {
    return workstreamOf(m as Model, this.workstream).deliverables.length > 0;
  }
  async run(m: Model, r: Real) {
    await setDeliverable(m, r, this.toString(), who(r.world, this.actor), workstreamOf(m, this.workstream), this.deliverable, this.status, this.freshness);
  }
  toString() {
    return `setDeliverable(${this.actor}, ${this.workstream}, deliverable#${this.deliverable}, ${this.status}, ${this.freshness} version)`;
  }
}

/** The lead marks every outstanding deliverable of the phase ready, one form at a time. */
export class CompletePhase implements Cmd {
  constructor(
    readonly actor: ActorName,
    readonly workstream: WorkstreamCode,
  ) {}
  check(m: Readonly<Model>) {
    return workstreamOf(m as Model, this.workstream).deliverables.some((d) => !isDone(d));
  }
  async run(m: Model, r: Real) {
    const ws = workstreamOf(m, this.workstream);
    for (const d of ws.deliverables.filter((x) => !isDone(x))) {
      const i = ws.deliverables.indexOf(d);
      if (!(await setDeliverable(m, r, `${this.toString()} at deliverable #${i}`, who(r.world, this.actor), ws, i, "ready", "fresh"))) return;
    }
  }
  toString() {
    return `completePhase(${this.actor}, ${this.workstream})`;
  }
}

export class RequestReview implements Cmd {
  constructor(
    readonly actor: ActorName,
    readonly workstream: WorkstreamCode,
    readonly freshness: Freshness,
  ) {}
  check() {
    return true;
  }
  async run(m: Model, r: Real) {
    const a = who(r.world, this.actor);
    const ws = workstreamOf(m, this.workstream);
    const expected: Outcome = !rules.workOnWorkstream(a, ws)
      ? "forbidden"
      : isFinished(ws) || ws.status === "review_requested" || !ws.deliverables.every(isDone)
        ? "invalid"
        : this.freshness === "stale"
          ? "conflict"
          : "ok";
    const version = this.freshness === "fresh" ? ws.version : staleOf(ws.version);
    const got = await attempt(() => requestReview({ actor: a, input: { workstreamId: ws.id, version } }));
    const audit: ExpectedAudit[] = [];
    if (expected === "forbidden") audit.push(denied(a));
    if (expected === "ok" && got.value) {
      ws.reviews.push({ id: got.value.id, phase: ws.phase, decision: null });
      ws.status = "review_requested";
      ws.version += 1;
      audit.push({ action: "tollgate.requested", actorId: a.id, entityId: ws.id, before: "present", after: "present" });
    }
    await settle(m, r, this.toString(), got, expected, audit);
  }
  toString() {
    return `requestReview(${this.actor}, ${this.workstream}, ${this.freshness} version)`;
  }
}

export type Attendance = "one member" | "both members" | "with a CCIO" | "nobody";

export class DecideReview implements Cmd {
  constructor(
    readonly actor: ActorName,
    readonly workstream: WorkstreamCode,
    readonly decision: Decision,
    readonly attendance: Attendance,
    readonly heldTomorrow: boolean,
  ) {}
  check(m: Readonly<Model>) {
    return workstreamOf(m as Model, this.workstream).reviews.length > 0;
  }
  async run(m: Model, r: Real) {
    const w = r.world;
    const a = who(w, this.actor);
    const ws = workstreamOf(m, this.workstream);
    // The latest review: awaiting a decision, or (a stale page) already decided.
    const review = ws.reviews.at(-1)!;
    const heldOn = this.heldTomorrow ? addDays(today, 1) : today;
    const attendees = { "one member": w.boardIds.slice(0, 1), "both members": w.boardIds, "with a CCIO": [w.boardIds[0]!, w.ccioIds[0]!], nobody: [] }[this.attendance];
    const form: Record<string, unknown> = {
      reviewId: review.id,
      heldOn,
      attendees,
      decision: this.decision,
      reasons: "Outputs reviewed against the phase's questions",
      ...Object.fromEntries(attendees.map((id) => [`recommendation.${id}`, this.decision])),
      ...(this.decision === "proceed_with_conditions" ? { "conditions.0.description": "Benefit cards signed off", "conditions.0.owner": "Workstream lead", "conditions.0.dueOn": addDays(today, 30) } : {}),
    };
    const input = throughSchema(decisionSchema, decisionFormToInput(form));
    const expected: Outcome =
      this.attendance === "nobody"
        ? "invalid"
        : !rules.decideReview(a)
          ? "forbidden"
          : this.heldTomorrow || this.attendance === "with a CCIO"
            ? "invalid"
            : review.decision != null
              ? "conflict"
              : "ok";
    const got = input ? await attempt(() => decideReview({ actor: a, input, today })) : { outcome: "invalid" as const };
    const audit: ExpectedAudit[] = [];
    if (expected === "forbidden") audit.push(denied(a));
    if (expected === "ok") {
      review.decision = this.decision;
      ws.version += 1;
      audit.push({ action: "tollgate.decided", actorId: a.id, entityId: ws.id, before: "present", after: "present" });
      if (this.decision === "stop") ws.status = "stopped";
      else if (this.decision === "rework") ws.status = "active";
      else if (ws.phase === w.phaseCount) ws.status = "closed";
      else {
        ws.phase += 1;
        ws.status = "active";
        // The model knows which outputs the next phase opens; their ids come from the database.
        const db = await getDb();
        const opened = await db
          .select()
          .from(deliverables)
          .where(and(eq(deliverables.workstreamId, ws.id), eq(deliverables.phase, ws.phase)))
          .orderBy(asc(deliverables.position));
        ws.deliverables = (w.phaseOutputs.get(ws.phase) ?? []).map((position) => ({
          id: opened.find((d) => d.position === position)?.id ?? `missing deliverable at position ${position}`,
          position,
          status: "not_started" as const,
          version: 1,
        }));
      }
      if (this.decision === "proceed_with_conditions") {
        const db = await getDb();
        const set = await db.select({ id: reviewConditions.id }).from(reviewConditions).where(eq(reviewConditions.reviewId, review.id));
        ws.conditions.push(...set.map((c) => ({ id: c.id, closed: false })));
      }
    }
    await settle(m, r, this.toString(), got, expected, audit);
  }
  toString() {
    return `decideReview(${this.actor}, ${this.workstream}, ${this.decision}, ${this.attendance}, held ${this.heldTomorrow ? "tomorrow" : "today"})`;
  }
}

export class CloseCondition implements Cmd {
  constructor(
    readonly actor: ActorName,
    readonly workstream: WorkstreamCode,
    readonly condition: number,
  ) {}
  check(m: Readonly<Model>) {
    return workstreamOf(m as Model, this.workstream).conditions.length > 0;
  }
  async run(m: Model, r: Real) {
    const a = who(r.world, this.actor);
    const ws = workstreamOf(m, this.workstream);
    const c = ws.conditions[this.condition % ws.conditions.length]!;
    const expected: Outcome = !rules.closeCondition(a, ws) ? "forbidden" : ws.status === "stopped" ? "invalid" : c.closed ? "conflict" : "ok";
    const got = await attempt(() => closeCondition({ actor: a, input: { conditionId: c.id, closureNote: "Signed off at the board" } }));
    const audit: ExpectedAudit[] = [];
    if (expected === "forbidden") audit.push(denied(a));
    if (expected === "ok") {
      c.closed = true;
      audit.push({ action: "condition.closed", actorId: a.id, entityId: ws.id, before: "present", after: "present" });
    }
    await settle(m, r, this.toString(), got, expected, audit);
  }
  toString() {
    return `closeCondition(${this.actor}, ${this.workstream}, condition#${this.condition})`;
  }
}

