import "server-only";
import { eq } from "drizzle-orm";
import { getDb } from "../client";
import { assessmentPeriods, frameworks } from "../schema";
import { recordAudit, recordDenied } from "./audit";
import { conflict, forbidden, invalid, notFound } from "@/lib/errors";
import { can, type Actor } from "@/lib/permissions";

async function requirePeriodManager(actor: Actor, entityId: string) {
  if (can(actor, "period.manage")) return;
  await recordDenied(await getDb(), actor, { action: "period.manage", entityType: "assessment_period", entityId });
  throw forbidden("Only administrators can open or close assessment periods.");
}

export async function createPeriod({
  actor,
  frameworkId,
  code,
  name,
  assessedOn,
}: {
  actor: Actor;
  frameworkId: string;
  code: string;
  name: string;
  assessedOn: string;
}) {
  await requirePeriodManager(actor, code);
  const db = await getDb();
  const [framework] = await db.select().from(frameworks).where(eq(frameworks.id, frameworkId));
  if (!framework) throw invalid("That framework does not exist.", { frameworkId: "Choose a framework from the list" });
  return db.transaction(async (tx) => {
    const [created] = await tx.insert(assessmentPeriods).values({ frameworkId, code, name, assessedOn, isOpen: true }).onConflictDoNothing().returning();
    if (!created) throw invalid(`${framework.name} already has a period with the code ${code}.`, { code: `The code ${code} is already used` });
    await recordAudit(tx, {
      actorId: actor.id,
      action: "period.opened",
      entityType: "assessment_period",
      entityId: created.id,
      after: { code, name, assessedOn, framework: framework.code },
    });
    return created;
  });
}

export async function setPeriodOpen({ actor, periodId, isOpen }: { actor: Actor; periodId: string; isOpen: boolean }) {
  await requirePeriodManager(actor, periodId);
  const db = await getDb();
  await db.transaction(async (tx) => {
    const [period] = await tx.select().from(assessmentPeriods).where(eq(assessmentPeriods.id, periodId)).for("update");
    if (!period) throw notFound("That assessment period");
    if (period.isOpen === isOpen) throw conflict(`${period.name} is already ${isOpen ? "open" : "closed"}.`);
    await tx.update(assessmentPeriods).set({ isOpen }).where(eq(assessmentPeriods.id, periodId));
    await recordAudit(tx, {
      actorId: actor.id,
      action: isOpen ? "period.opened" : "period.closed",
      entityType: "assessment_period",
      entityId: periodId,
      before: { isOpen: period.isOpen },
      after: { isOpen, name: period.name },
    });
  });
}
