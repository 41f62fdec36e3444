import "server-only";
import { eq } from "drizzle-orm";
import { getDb } from "../client";
import { organisations, systems } from "../schema";
import { recordAudit, recordDenied } from "./audit";
import { forbidden, invalid } from "@/lib/errors";
import type { OrganisationType } from "@/lib/organisation-types";
import { can, type Actor } from "@/lib/permissions";

/**
 * Adds an organisation the reference lists lack (a care trust with a T code, say), so
 * that a published result naming it can be imported. Administrators only; recorded.
 */
export async function addOrganisation({
  actor,
  odsCode,
  name,
  type,
  systemCode,
}: {
  actor: Actor;
  odsCode: string;
  name: string;
  type: OrganisationType;
  systemCode: string;
}) {
  const db = await getDb();
  if (!can(actor, "organisation.manage")) {
    await recordDenied(db, actor, { action: "organisation.manage", entityType: "organisation", entityId: odsCode });
    throw forbidden("Only administrators can add organisations.");
  }
  const [system] = await db.select().from(systems).where(eq(systems.code, systemCode));
  if (!system) throw invalid(`No system has the code ${systemCode}.`, { systemCode: "Give the code of a system the app has, like QWO" });
  return db.transaction(async (tx) => {
    const [created] = await tx.insert(organisations).values({ odsCode, name, shortName: name, type, systemId: system.id }).onConflictDoNothing().returning();
    if (!created) throw invalid(`An organisation already has the ODS code ${odsCode}: map the name to it instead.`, { odsCode: `${odsCode} is already used` });
    await recordAudit(tx, { actorId: actor.id, action: "organisation.added", entityType: "organisation", entityId: created.id, organisationId: created.id, after: { odsCode, name, type, system: system.code } });
    return created;
  });
}
