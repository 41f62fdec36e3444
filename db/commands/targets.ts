import { formatScore, scaleOf, scoreMessage } from "@/lib/scale";
import "server-only";
import { and, eq, sql } from "drizzle-orm";
import { getDb } from "../client";
import { footprints, frameworkDomains, frameworks, organisations, systems, targets } from "../schema";
import { recordAudit, recordDenied } from "./audit";
import { conflict, forbidden, invalid, notFound } from "@/lib/errors";
import { formatFinancialYear } from "@/lib/financial-year";
import { canSetTarget, targetAction, type Actor } from "@/lib/permissions";
import type { TargetInput } from "@/lib/schemas/target";

const scopeColumn = { system: targets.systemId, footprint: targets.footprintId, organisation: targets.organisationId } as const;

async function scopeExists(scope: TargetInput["scope"], scopeId: string): Promise<boolean> {
  const db = await getDb();
  const table = scope === "system" ? systems : scope === "footprint" ? footprints : organisations;
  const [row] = await db.select({ id: table.id }).from(table).where(eq(table.id, scopeId));
  return Boolean(row);
}

async function authoriseTarget(actor: Actor, scope: TargetInput["scope"], scopeId: string, entityId: string) {
  if (canSetTarget(actor, scope, scopeId)) return;
  await recordDenied(await getDb(), actor, {
    action: targetAction(scope),
    entityType: "target",
    entityId,
    organisationId: scope === "organisation" ? scopeId : null,
  });
  throw forbidden(
    scope === "organisation"
      ? "You can only set targets for your own organisation."
      : "Only programme board members and administrators can set footprint and system targets.",
  );
}

/** Adds a target or changes one, refusing a change based on an out-of-date version. */
export async function setTarget({ actor, input }: { actor: Actor; input: TargetInput }) {
  const { scope, scopeId, frameworkId, domainId, financialYear, score, version } = input;
  if (!(await scopeExists(scope, scopeId))) throw notFound(`That ${scope}`);
  await authoriseTarget(actor, scope, scopeId, `${scopeId}:${domainId}:${financialYear}`);
  const db = await getDb();
  const [domain] = await db.select().from(frameworkDomains).where(eq(frameworkDomains.id, domainId));
  if (!domain || domain.frameworkId !== frameworkId) {
    throw invalid("That domain is not part of this framework: nothing was saved.", { domainId: "Choose a domain of this framework" });
  }
  const [framework] = await db.select().from(frameworks).where(eq(frameworks.id, frameworkId));
  const scale = scaleOf(framework!);
  const outOfScale = scoreMessage("The target", score, scale);
  if (outOfScale) throw invalid(`Nothing was saved: ${outOfScale.charAt(0).toLowerCase()}${outOfScale.slice(1)}.`, { score: outOfScale });
  const fy = formatFinancialYear(financialYear);
  const printed = (v: number) => formatScore(v, { ...scale, decimals: Math.max(scale.decimals, String(v).split(".")[1]?.length ?? 0) });
  return db.transaction(async (tx) => {
    const [existing] = await tx
      .select()
      .from(targets)
      .where(and(eq(scopeColumn[scope], scopeId), eq(targets.domainId, domainId), eq(targets.financialYear, financialYear)))
      .for("update");
    const after = { scope, scopeId, domainId, financialYear, score, domain: domain.name, year: fy, unit: scale.unit };
    if (existing) {
      if (version == null) {
        throw conflict(`There is already a ${fy} target for ${domain.name} (${printed(existing.score)}): change that one instead.`);
      }
      if (version !== existing.version) {
        throw conflict(`The ${fy} target for ${domain.name} was changed by someone else after you opened this page (it is now ${printed(existing.score)}). Reload to see it.`);
      }
      if (existing.score === score) return existing;
      const [updated] = await tx
        .update(targets)
        .set({ score, version: sql`${targets.version} + 1`, updatedAt: new Date(), updatedById: actor.id })
        .where(eq(targets.id, existing.id))
        .returning();
      await recordAudit(tx, {
        actorId: actor.id,
        action: "target.set",
        entityType: "target",
        entityId: existing.id,
        organisationId: scope === "organisation" ? scopeId : null,
        before: { ...after, score: existing.score },
        after,
      });
      return updated!;
    }
    if (version != null) throw conflict(`The ${fy} target for ${domain.name} was removed after you opened this page. Reload to see the current targets.`);
    const [created] = await tx
      .insert(targets)
      .values({ scope, [scope === "system" ? "systemId" : scope === "footprint" ? "footprintId" : "organisationId"]: scopeId, domainId, financialYear, score, updatedById: actor.id })
      .onConflictDoNothing()
      .returning();
    // Someone else added the same year a moment ago.
    if (!created) throw conflict(`A ${fy} target for ${domain.name} was added by someone else just now. Reload to see it.`);
    await recordAudit(tx, {
      actorId: actor.id,
      action: "target.set",
      entityType: "target",
      entityId: created.id,
      organisationId: scope === "organisation" ? scopeId : null,
      before: null,
      after,
    });
    return created;
  });
}

export async function removeTarget({ actor, targetId, version }: { actor: Actor; targetId: string; version: number }) {
  const db = await getDb();
  const [found] = await db
    .select({ target: targets, domain: frameworkDomains.name, unit: frameworks.unit })
    .from(targets)
    .innerJoin(frameworkDomains, eq(frameworkDomains.id, targets.domainId))
    .innerJoin(frameworks, eq(frameworks.id, frameworkDomains.frameworkId))
    .where(eq(targets.id, targetId));
  if (!found) throw notFound("That target");
  const { target, domain, unit } = found;
  const scopeId = (target.systemId ?? target.footprintId ?? target.organisationId)!;
  await authoriseTarget(actor, target.scope, scopeId, targetId);
  await db.transaction(async (tx) => {
    const [removed] = await tx.delete(targets).where(and(eq(targets.id, targetId), eq(targets.version, version))).returning();
    if (!removed) throw conflict("This target was changed by someone else after you opened the page. Reload to see it.");
    await recordAudit(tx, {
      actorId: actor.id,
      action: "target.removed",
      entityType: "target",
      entityId: targetId,
      organisationId: target.scope === "organisation" ? scopeId : null,
      before: { scope: target.scope, scopeId, domainId: target.domainId, financialYear: target.financialYear, score: target.score, domain, year: formatFinancialYear(target.financialYear), unit },
      after: null,
    });
  });
}
