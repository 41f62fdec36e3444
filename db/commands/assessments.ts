import { scaleOf } from "@/lib/scale";
import { careSettingLabels, type CareSetting } from "@/lib/care-settings";
import "server-only";
import { and, eq, isNull, or, sql } from "drizzle-orm";
import type { Database } from "../client";
import { getDb } from "../client";
import { assessmentPeriods, assessments, domainScores, frameworkDomains, frameworks, organisations, users } from "../schema";
import { recordAudit, recordDenied, type NewAuditEntry } from "./audit";
import { can, type Action, type Actor } from "@/lib/permissions";
import { applyTransition, isEditable, transitions, type Transition } from "@/lib/assessment-workflow";
import { conflict, forbidden, invalid, notFound } from "@/lib/errors";
import { parseScores } from "@/lib/schemas/assessment";

async function loadAssessment(db: Database, assessmentId: string) {
  const [row] = await db
    .select({ assessment: assessments, period: assessmentPeriods })
    .from(assessments)
    .innerJoin(assessmentPeriods, eq(assessmentPeriods.id, assessments.periodId))
    .where(eq(assessments.id, assessmentId));
  if (!row) throw notFound("That assessment");
  return row;
}

async function authorise(db: Database, actor: Actor, action: Action, assessment: { id: string; organisationId: string }) {
  if (can(actor, action, { organisationId: assessment.organisationId })) return;
  await recordDenied(db, actor, { action, entityType: "assessment", entityId: assessment.id, organisationId: assessment.organisationId });
  throw forbidden(
    action === "assessment.edit" || action === "assessment.submit"
      ? "You can only change assessments of your own organisation."
      : "Your role does not allow you to do that to this assessment.",
  );
}

/** Bumps the version only if nobody else has since the caller read it. */
async function claimVersion(tx: Database, actor: Actor, assessmentId: string, version: number, changes: Partial<typeof assessments.$inferInsert>) {
  const [updated] = await tx
    .update(assessments)
    .set({ ...changes, version: sql`${assessments.version} + 1`, updatedAt: new Date(), updatedById: actor.id })
    .where(and(eq(assessments.id, assessmentId), eq(assessments.version, version)))
    .returning();
  if (updated) return updated;
  const [current] = await tx
    .select({ updatedAt: assessments.updatedAt, name: users.name })
    .from(assessments)
    .leftJoin(users, eq(users.id, assessments.updatedById))
    .where(eq(assessments.id, assessmentId));
  const who = current?.name ?? "Someone else";
  const when = current ? current.updatedAt.toISOString().slice(0, 16).replace("T", " ") + " UTC" : "";
  throw conflict(
    `${who} saved this assessment at ${when}, after you opened it. Your changes were not saved: reload the page to see theirs, then make your changes again.`,
  );
}

export async function createAssessment({
  actor,
  organisationId,
  periodId,
  careSetting: asked,
}: {
  actor: Actor;
  organisationId: string;
  periodId: string;
  /** For a framework answered in several care settings; its first when not given. */
  careSetting?: CareSetting;
}) {
  const db = await getDb();
  const [org] = await db.select().from(organisations).where(eq(organisations.id, organisationId));
  if (!org) throw notFound("That organisation");
  if (!can(actor, "assessment.create", { organisationId })) {
    await recordDenied(db, actor, { action: "assessment.create", entityType: "organisation", entityId: organisationId, organisationId });
    throw forbidden("You can only start assessments for your own organisation.");
  }
  const [period] = await db.select().from(assessmentPeriods).where(eq(assessmentPeriods.id, periodId));
  if (!period) throw invalid("That assessment period does not exist.", { periodId: "Choose an assessment period that exists" });
  if (!period.isOpen) throw invalid(`${period.name} is closed for new assessments.`, { periodId: `${period.name} is closed: choose an open period` });
  const [framework] = await db.select({ careSettings: frameworks.careSettings }).from(frameworks).where(eq(frameworks.id, period.frameworkId));
  const careSetting = asked ?? framework!.careSettings[0] ?? "all";
  if (!framework!.careSettings.includes(careSetting)) {
    throw invalid(`${period.name} is not assessed in the ${careSettingLabels[careSetting].toLowerCase()} setting.`, {
      careSetting: `Choose one of ${framework!.careSettings.map((c) => careSettingLabels[c].toLowerCase()).join(", ")}`,
    });
  }
  const several = framework!.careSettings.length > 1;
  return db.transaction(async (tx) => {
    const [created] = await tx
      .insert(assessments)
      .values({ organisationId, periodId, careSetting, createdById: actor.id, updatedById: actor.id })
      .onConflictDoNothing()
      .returning();
    if (!created) throw conflict(`${org.name} already has ${several ? `a ${careSettingLabels[careSetting].toLowerCase()} ` : "an "}assessment for ${period.name}.`);
    await recordAudit(tx, {
      actorId: actor.id,
      action: "assessment.created",
      entityType: "assessment",
      entityId: created.id,
      organisationId,
      after: { status: created.status, period: period.name, ...(several ? { careSetting } : {}) },
    });
    return created;
  });
}

/**
 * Saves a full set of domain scores to a draft (and submits it when asked), in one
 * transaction with one history row per changed score.
 */
export async function saveAssessmentScores({
  actor,
  assessmentId,
  version,
  scores: rawScores,
  submit = false,
}: {
  actor: Actor;
  assessmentId: string;
  version: number;
  scores: Readonly<Record<string, unknown>>;
  submit?: boolean;
}) {
  const db = await getDb();
  const { assessment, period } = await loadAssessment(db, assessmentId);
  await authorise(db, actor, "assessment.edit", assessment);
  if (submit) await authorise(db, actor, "assessment.submit", assessment);
  if (!isEditable(assessment.status)) {
    throw conflict(`This assessment has been ${assessment.status}, so its scores can no longer be changed.`);
  }
  const [framework] = await db.select().from(frameworks).where(eq(frameworks.id, period.frameworkId));
  // A framework answered in several care settings may give each its own domains.
  const domains = await db
    .select({ id: frameworkDomains.id, code: frameworkDomains.code, name: frameworkDomains.name })
    .from(frameworkDomains)
    .where(
      and(
        eq(frameworkDomains.frameworkId, period.frameworkId),
        or(isNull(frameworkDomains.careSetting), eq(frameworkDomains.careSetting, assessment.careSetting)),
      ),
    )
    .orderBy(frameworkDomains.position);
  const parsed = parseScores(rawScores, domains, scaleOf(framework!));
  if (!parsed.ok) {
    const extra = parsed.unknownDomains.length
      ? ` The form included ${parsed.unknownDomains.length === 1 ? "a domain" : "domains"} that ${parsed.unknownDomains.length === 1 ? "is" : "are"} not part of this assessment's framework (${parsed.unknownDomains.join(", ")}).`
      : "";
    throw invalid(`Nothing was saved: correct the scores marked below.${extra}`, parsed.fieldErrors);
  }

  return db.transaction(async (tx) => {
    const previous = Object.fromEntries(
      (await tx.select().from(domainScores).where(eq(domainScores.assessmentId, assessmentId))).map((s) => [s.domainId, s.score]),
    );
    const updated = await claimVersion(tx, actor, assessmentId, version, submit ? { status: "submitted", submittedAt: new Date(), submittedById: actor.id } : {});
    const changed = domains.filter((d) => previous[d.id] !== parsed.scores[d.id]);
    if (changed.length > 0) {
      await tx
        .insert(domainScores)
        .values(changed.map((d) => ({ assessmentId, domainId: d.id, score: parsed.scores[d.id]! })))
        .onConflictDoUpdate({ target: [domainScores.assessmentId, domainScores.domainId], set: { score: sql`excluded.score` } });
    }
    const history: NewAuditEntry[] = changed.map((d) => ({
      actorId: actor.id,
      action: "score.changed",
      entityType: "domain_score",
      entityId: `${assessmentId}:${d.id}`,
      organisationId: assessment.organisationId,
      before: previous[d.id] == null ? null : { score: previous[d.id], domain: d.name, period: period.name, unit: framework!.unit },
      after: { score: parsed.scores[d.id], domain: d.name, period: period.name, unit: framework!.unit },
    }));
    if (submit) {
      history.push({
        actorId: actor.id,
        action: "assessment.submitted",
        entityType: "assessment",
        entityId: assessmentId,
        organisationId: assessment.organisationId,
        before: { status: assessment.status },
        after: { status: "submitted", period: period.name },
      });
    }
    await recordAudit(tx, history);
    return { assessment: updated, changed: changed.length };
  });
}

/** Approve, return or reopen an assessment: the workflow decides what may follow what. */
export async function changeAssessmentStatus({
  actor,
  assessmentId,
  version,
  transition,
  reason,
}: {
  actor: Actor;
  assessmentId: string;
  version: number;
  transition: Exclude<Transition, "submit">;
  reason?: string;
}) {
  const db = await getDb();
  const { assessment, period } = await loadAssessment(db, assessmentId);
  await authorise(db, actor, transitions[transition].action, assessment);
  const next = applyTransition(assessment.status, transition);
  if (!next.ok) throw conflict(next.reason);
  const trimmedReason = reason?.trim() ?? "";
  if (transition !== "approve" && trimmedReason === "") {
    throw invalid("Say why, so that the CIO knows what to change.", { reason: "Enter the reason" });
  }
  return db.transaction(async (tx) => {
    const changes: Partial<typeof assessments.$inferInsert> =
      next.to === "approved" ? { status: next.to, approvedAt: new Date(), approvedById: actor.id } : { status: next.to, approvedAt: null, approvedById: null };
    const updated = await claimVersion(tx, actor, assessmentId, version, changes);
    await recordAudit(tx, {
      actorId: actor.id,
      action: `assessment.${transition === "approve" ? "approved" : transition === "return" ? "returned" : "reopened"}`,
      entityType: "assessment",
      entityId: assessmentId,
      organisationId: assessment.organisationId,
      before: { status: assessment.status },
      after: { status: next.to, period: period.name, ...(trimmedReason ? { reason: trimmedReason } : {}) },
    });
    return updated;
  });
}

