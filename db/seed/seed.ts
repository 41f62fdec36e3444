import { randomBytes } from "node:crypto";
import { and, asc, count, eq, isNull } from "drizzle-orm";
import type { Database } from "../client";
import {
  assessmentPeriods,
  assessments,
  auditLog,
  domainScores,
  deliverables,
  footprints,
  frameworkDomains,
  frameworkSections,
  frameworks,
  lifecyclePhases,
  lifecycles,
  nationalAverages,
  organisationFootprints,
  organisations,
  phaseOutputs,
  sectionGoals,
  stpGoals,
  systems,
  targets,
  userOrganisations,
  userTwoFactor,
  users,
  workstreamFootprints,
  workstreamGoals,
  workstreamItems,
  workstreams,
} from "../schema";
import { hashPassword } from "@/lib/auth/password";
import { sealedDemoAdminTotpSecret } from "@/lib/auth/totp-secret-box";
import {
  baselineProviders,
  baselineScores,
  bobFootprints,
  bobSectionGoal,
  bobTargetYears,
  bobTargetsSetOn,
  bobTrajectoryTargets,
  bobOrganisations,
  bobSystem,
  demoPassword,
  demoUsers,
  demoWorkstreamLeads,
  dmi2016,
  dmiPeriods,
} from "./bob-data";
import { bobLifecycle, bobStpGoals, bobWorkstreams } from "./bob-workstreams";
import { seedPortfolio } from "./seed-portfolio";
import { seedDmaResults, seedNationalReference } from "./national-reference";

/** The BOB partnership, the 2016 DMI and its baseline scores, in one transaction. */
export async function seedReferenceData(db: Database): Promise<void> {
  await db.transaction(async (tx) => {
    const [system] = await tx.insert(systems).values(bobSystem).returning();
    const fps = await tx
      .insert(footprints)
      .values(bobFootprints.map((f) => ({ ...f, systemId: system!.id })))
      .returning();
    const footprintId = new Map(fps.map((f) => [f.code, f.id]));

    const orgs = await tx
      .insert(organisations)
      .values(bobOrganisations.map(({ odsCode, name, shortName, type }) => ({ systemId: system!.id, odsCode, name, shortName, type })))
      .returning();
    const orgIdByKey = new Map(bobOrganisations.map((o, i) => [o.key, orgs[i]!.id]));
    await tx.insert(organisationFootprints).values(
      bobOrganisations.flatMap((o) =>
        o.footprints.map((code) => ({ organisationId: orgIdByKey.get(o.key)!, footprintId: footprintId.get(code)! })),
      ),
    );

    const [framework] = await tx
      .insert(frameworks)
      .values({ code: dmi2016.code, name: dmi2016.name, version: dmi2016.version, publishedOn: dmi2016.publishedOn })
      .returning();
    const domainIdByCode = new Map<string, string>();
    let domainPosition = 0;
    for (const [sectionPosition, section] of dmi2016.sections.entries()) {
      const [row] = await tx
        .insert(frameworkSections)
        .values({ frameworkId: framework!.id, code: section.code, name: section.name, position: sectionPosition + 1 })
        .returning();
      const domains = await tx
        .insert(frameworkDomains)
        .values(
          section.domains.map((d) => ({ ...d, frameworkId: framework!.id, sectionId: row!.id, position: ++domainPosition })),
        )
        .returning();
      for (const d of domains) domainIdByCode.set(d.code, d.id);
    }

    const periods = await tx
      .insert(assessmentPeriods)
      .values(dmiPeriods.map((p) => ({ ...p, frameworkId: framework!.id })))
      .returning();
    const baseline = periods.find((p) => p.code === "2016-BASELINE")!;

    const scores = baselineScores();
    await tx.insert(nationalAverages).values(
      Object.entries(scores.NATIONAL).map(([code, score]) => ({ periodId: baseline.id, domainId: domainIdByCode.get(code)!, score })),
    );

    const submittedAt = new Date(`${baseline.assessedOn}T12:00:00Z`);
    for (const ods of baselineProviders) {
      const organisationId = orgIdByKey.get(ods)!;
      const [assessment] = await tx
        .insert(assessments)
        .values({ organisationId, periodId: baseline.id, status: "approved", submittedAt, approvedAt: submittedAt, updatedAt: submittedAt, createdAt: submittedAt })
        .returning();
      await tx.insert(domainScores).values(
        Object.entries(scores[ods]).map(([code, score]) => ({ assessmentId: assessment!.id, domainId: domainIdByCode.get(code)!, score })),
      );
      // The history starts with the imported baseline, so "as at" views have a first state.
      await tx.insert(auditLog).values({
        at: submittedAt,
        action: "assessment.imported",
        entityType: "assessment",
        entityId: assessment!.id,
        organisationId,
        after: { status: "approved", period: baseline.name, scores: Object.fromEntries(Object.entries(scores[ods]).map(([code, v]) => [domainIdByCode.get(code)!, v])) },
      });
    }
  });
}

/** The demo accounts (public password: only on a first seed that asked for them). */
export async function seedDemoUsers(db: Database): Promise<void> {
  const existing = new Set((await db.select({ email: users.email }).from(users)).map((u) => u.email));
  const missing = demoUsers.filter((d) => !existing.has(d.email));
  if (missing.length === 0) return;
  const passwordHash = await hashPassword(demoPassword);
  await db.transaction(async (tx) => {
    const orgs = await tx.select({ id: organisations.id, odsCode: organisations.odsCode }).from(organisations);
    const orgIdByOds = new Map(orgs.map((o) => [o.odsCode, o.id]));
    for (const u of missing) {
      const [user] = await tx.insert(users).values({ email: u.email, name: u.name, role: u.role, passwordHash }).returning();
      // Admins must sign in with a second factor: the demo one has a published secret.
      if (u.role === "admin") await tx.insert(userTwoFactor).values({ userId: user!.id, secret: sealedDemoAdminTotpSecret, enabledAt: new Date() });
      if (u.organisations.length > 0) {
        await tx
          .insert(userOrganisations)
          .values(u.organisations.map((ods) => ({ userId: user!.id, organisationId: orgIdByOds.get(ods)! })));
      }
    }
  });
}

/** The BOB-level trajectory targets and the 70% goal, unless targets were ever set. */
export async function seedTrajectories(db: Database): Promise<boolean> {
  const [existing] = await db.select({ n: count() }).from(auditLog).where(eq(auditLog.entityType, "target"));
  if ((existing?.n ?? 0) > 0) return false;
  const [system] = await db.select().from(systems).where(eq(systems.code, bobSystem.code));
  const [framework] = await db.select().from(frameworks).where(eq(frameworks.code, dmi2016.code));
  if (!system || !framework) return false;
  const [domains, sections] = await Promise.all([
    db.select().from(frameworkDomains).where(eq(frameworkDomains.frameworkId, framework.id)),
    db.select().from(frameworkSections).where(eq(frameworkSections.frameworkId, framework.id)),
  ]);
  const domainId = (code: string) => domains.find((d) => d.code === code)!.id;
  const setOn = new Date(bobTargetsSetOn);
  await db.transaction(async (tx) => {
    const rows = await tx
      .insert(targets)
      .values(
        Object.entries(bobTrajectoryTargets).flatMap(([code, scores]) =>
          bobTargetYears.map((financialYear, i) => ({ scope: "system" as const, systemId: system.id, domainId: domainId(code), financialYear, score: scores[i]!, updatedAt: setOn })),
        ),
      )
      .returning();
    await tx.insert(auditLog).values(
      rows.map((t) => ({
        at: setOn,
        action: "target.set",
        entityType: "target",
        entityId: t.id,
        before: null,
        after: { scope: t.scope, scopeId: system.id, domainId: t.domainId, financialYear: t.financialYear, score: t.score },
      })),
    );
    const section = sections.find((s) => s.code === bobSectionGoal.sectionCode)!;
    const { sectionCode: _code, ...goal } = bobSectionGoal;
    await tx.insert(sectionGoals).values({ ...goal, sectionId: section.id, systemId: system.id });
  });
  return true;
}

/**
 * The stage-gate lifecycle, the STP goals and the five workstreams, each at the start of
 * phase 1 ("the initial task of each work-stream is to fully develop the draft vision,
 * objectives and scope"), unless a lifecycle exists. Leads are the demo CCIOs if present.
 */
export async function seedWorkstreams(db: Database): Promise<boolean> {
  const [existing] = await db.select({ n: count() }).from(lifecycles);
  if ((existing?.n ?? 0) > 0) return false;
  const [system] = await db.select().from(systems).where(eq(systems.code, bobSystem.code));
  if (!system) return false;
  await db.transaction(async (tx) => {
    const [lifecycle] = await tx.insert(lifecycles).values({ code: bobLifecycle.code, name: bobLifecycle.name, description: bobLifecycle.description }).returning();
    const phases = await tx
      .insert(lifecyclePhases)
      .values(bobLifecycle.phases.map((p) => ({ lifecycleId: lifecycle!.id, number: p.number, name: p.name, aims: p.aims, questions: p.questions, goal: p.goal, reviewName: p.reviewName })))
      .returning();
    await tx.insert(phaseOutputs).values(
      bobLifecycle.phases.flatMap((p) => {
        const phaseId = phases.find((row) => row.number === p.number)!.id;
        return p.outputs.map((name, i) => ({ phaseId, position: i + 1, name }));
      }),
    );
    const goals = await tx
      .insert(stpGoals)
      .values(bobStpGoals.map((g, i) => ({ systemId: system.id, code: g.code, position: i + 1, name: g.name, description: g.description, summary: g.summary })))
      .returning();
    const fps = await tx.select().from(footprints).where(eq(footprints.systemId, system.id));
    const people = await tx.select({ id: users.id, email: users.email }).from(users);
    const firstOutputs = bobLifecycle.phases.find((p) => p.number === 1)!.outputs;
    for (const [position, w] of bobWorkstreams.entries()) {
      const leadEmail = demoWorkstreamLeads[w.code];
      const [ws] = await tx
        .insert(workstreams)
        .values({
          systemId: system.id,
          lifecycleId: lifecycle!.id,
          code: w.code,
          position: position + 1,
          name: w.name,
          vision: w.vision,
          requirementsPreamble: w.requirementsPreamble,
          leadUserId: people.find((u) => u.email === leadEmail)?.id ?? null,
        })
        .returning();
      await tx.insert(workstreamFootprints).values(w.footprints.map((code) => ({ workstreamId: ws!.id, footprintId: fps.find((f) => f.code === code)!.id })));
      await tx.insert(workstreamItems).values([
        ...w.objectives.map((text, i) => ({ workstreamId: ws!.id, kind: "objective" as const, position: i + 1, text })),
        ...w.requirements.map((text, i) => ({ workstreamId: ws!.id, kind: "requirement" as const, position: i + 1, text })),
      ]);
      if (w.goalExamples.length > 0) {
        await tx.insert(workstreamGoals).values(w.goalExamples.map((g) => ({ workstreamId: ws!.id, goalId: goals.find((row) => row.code === g.goal)!.id, examples: g.examples })));
      }
      await tx.insert(deliverables).values(firstOutputs.map((name, i) => ({ workstreamId: ws!.id, phase: 1, position: i + 1, name })));
    }
  });
  return true;
}

/** Which accounts a first seed makes: the public demo accounts (asked for), or one administrator. */
export type SeedAccounts = "demo" | "first-admin";

export interface SeedOutcome {
  /** Whether the database was empty and is now seeded. */
  seeded: boolean;
  /** The administrator made on a first start without the demo accounts, with their one-time password (to print once). */
  firstAdmin: { email: string; password: string } | null;
}

export const FIRST_ADMIN_NAME = "Administrator";

/**
 * A first start without the demo accounts: one administrator, with a random password shown
 * once and to be changed at first sign-in. Only while the database has no account at all.
 */
async function createFirstAdmin(db: Database, email: string): Promise<{ email: string; password: string } | null> {
  const [existing] = await db.select({ n: count() }).from(users);
  if ((existing?.n ?? 0) > 0) return null;
  const password = randomBytes(15).toString("base64url");
  const [admin] = await db.insert(users).values({ email, name: FIRST_ADMIN_NAME, role: "admin", passwordHash: await hashPassword(password), mustChangePassword: true }).returning();
  await db.insert(auditLog).values({ actorId: null, action: "user.created", entityType: "user", entityId: admin!.id, after: { email, name: FIRST_ADMIN_NAME, role: "admin", organisationIds: [], via: "first start", mustChangePassword: true } });
  return { email, password };
}

/** The earliest active administrator's email: who the seeded DMA import is recorded as. */
async function anAdministratorEmail(db: Database): Promise<string | null> {
  const [admin] = await db.select({ email: users.email }).from(users).where(and(eq(users.role, "admin"), isNull(users.disabledAt))).orderBy(asc(users.createdAt)).limit(1);
  return admin?.email ?? null;
}

/**
 * First start of the embedded database: the demo data, and either the demo accounts (only
 * when asked for: `npm run demo`, the tests) or one administrator with a one-time password.
 * Later starts add only the parts of the demo data that later versions brought; accounts
 * are never made again (one deleted stays deleted).
 */
export async function seedDemoIfEmpty(db: Database, { accounts, firstAdminEmail = "admin@roadmap.local" }: { accounts: SeedAccounts; firstAdminEmail?: string }): Promise<SeedOutcome> {
  const [row] = await db.select({ n: count() }).from(systems);
  if ((row?.n ?? 0) > 0) {
    // A demo database made before trajectories or workstreams existed gets them on its next start.
    await seedTrajectories(db);
    await seedWorkstreams(db);
    await seedPortfolio(db);
    if (await seedNationalReference(db)) {
      const admin = await anAdministratorEmail(db);
      if (admin) await seedDmaResults(db, admin);
    }
    return { seeded: false, firstAdmin: null };
  }
  // All or nothing: a half-seeded database would look seeded and never get its accounts.
  return db.transaction(async (tx) => {
    await seedReferenceData(tx);
    await seedTrajectories(tx);
    const firstAdmin = accounts === "demo" ? (await seedDemoUsers(tx), null) : await createFirstAdmin(tx, firstAdminEmail);
    await seedWorkstreams(tx);
    await seedPortfolio(tx);
    await seedNationalReference(tx);
    await seedDmaResults(tx, accounts === "demo" ? demoUsers[0].email : firstAdminEmail);
    return { seeded: true, firstAdmin };
  });
}
