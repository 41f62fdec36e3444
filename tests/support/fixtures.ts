import { eq } from "drizzle-orm";
import { getDb } from "@/db/client";
import { assessmentPeriods, frameworkDomains, frameworks, organisations, systems, users } from "@/db/schema";
import { getUserWithScope, type UserWithScope } from "@/db/queries/users";

export const demo = {
  admin: "admin@demo.nhs.uk",
  cioOuh: "cio.ouh@demo.nhs.uk",
  cioRbft: "cio.rbft@demo.nhs.uk",
  board: "board@demo.nhs.uk",
  ccio: "ccio@demo.nhs.uk",
  viewer: "viewer@demo.nhs.uk",
} as const;

export async function actor(email: string): Promise<UserWithScope> {
  const db = await getDb();
  const [row] = await db.select({ id: users.id }).from(users).where(eq(users.email, email));
  if (!row) throw new Error(`no user ${email}`);
  return (await getUserWithScope({ userId: row.id }))!;
}

/** Ids of the seeded demo data, by the codes people use. */
export async function seeded() {
  const db = await getDb();
  const [orgs, periods, domains, fws, systemRows] = await Promise.all([
    db.select().from(organisations),
    db.select().from(assessmentPeriods),
    db.select().from(frameworkDomains),
    db.select().from(frameworks),
    db.select().from(systems),
  ]);
  const byOds = (ods: string) => orgs.find((o) => o.odsCode === ods)!.id;
  const period = (code: string) => periods.find((p) => p.code === code)!;
  // The demo's own system, among England's (db/seed/ods-reference.ts loads every ICB as one).
  const bob = systemRows.find((x) => x.code === "BOB")!;
  const dmi = fws.find((f) => f.code === "DMI-2016")!;
  const dmiDomains = domains.filter((d) => d.frameworkId === dmi.id).sort((a, b) => a.position - b.position);
  return { byOds, period, bob, dmi, dmiDomains, domainId: (code: string) => dmiDomains.find((d) => d.code === code)!.id };
}

/** A full set of scores keyed by domain code, every domain at `value` unless overridden. */
export function allScores(codes: readonly string[], value: number, overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return { ...Object.fromEntries(codes.map((c) => [c, value])), ...overrides };
}
