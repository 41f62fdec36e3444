// The soak test's database: the demo data (migrated and seeded as the embedded demo seeds
// itself, with its accounts) or the national data set, then what the virtual users need:
// a draft assessment per demo provider in the open period (the editors' work), the
// organisations the browsers visit, and one personal API token per virtual user.
// Runs in this process against DATABASE_URL, which the caller sets first.
import { runScript } from "../bench/children";
import { demoPassword, demoUsers } from "@/db/seed/bob-data";

export type DataSet = "demo" | "national";

export type Account = { email: string; role: string; organisationIds: string[] };
/** A draft to edit, with its framework's domain codes in order (a save sends every one). */
export type DraftAssessment = { id: string; organisationId: string; odsCode: string; domainCodes: string[] };
export type VirtualUserCredentials = { account: Account; token: string; canEdit: boolean };

export type PreparedDatabase = {
  password: string;
  counts: Record<string, number>;
  organisationIds: string[];
  drafts: DraftAssessment[];
  users: VirtualUserCredentials[];
};

/** Fills the database at url with the chosen data set (it must be empty or a demo database). */
export async function loadDataSet(root: string, url: string, dataSet: DataSet, options: { seed: number; scale: number }): Promise<void> {
  if (dataSet === "national") {
    await runScript(root, "scripts/generate-national.ts", ["--seed", String(options.seed), "--scale", String(options.scale)], { DATABASE_URL: url }, { echo: true });
    return;
  }
  // `npm run db:seed` leaves the demo accounts out (it is for real databases); the embedded
  // demo's own seed brings them, so the soak seeds the demo exactly as the demo does.
  const { openPostgres } = await import("@/db/client");
  const { migrateDatabase } = await import("@/db/migrate");
  const { seedDemoIfEmpty } = await import("@/db/seed/seed");
  const handle = await openPostgres(url, { max: 2 });
  try {
    await migrateDatabase(handle);
    await seedDemoIfEmpty(handle.db, { accounts: "demo" });
  } finally {
    await handle.close();
  }
}

/**
 * Drafts to edit, organisations to browse and a token per virtual user. Virtual user i
 * signs in as demo account i mod n: several share an account, each with its own session
 * and token. Editors (administrators and CIOs) get read-write tokens.
 */
export async function prepareSoak(virtualUsers: number): Promise<PreparedDatabase> {
  const { getDb, databaseHandle } = await import("@/db/client");
  const { createApiToken } = await import("@/db/commands/api-tokens");
  const { createAssessment } = await import("@/db/commands/assessments");
  const { getUserCredentialsByEmail, getUserWithScope } = await import("@/db/queries/users");
  const { can } = await import("@/lib/permissions");
  const { sql } = await import("drizzle-orm");
  const db = await getDb();
  const rows = async <T>(query: ReturnType<typeof sql>) => (await db.execute(query)) as unknown as T[];
  try {
    const accounts = [];
    for (const demo of demoUsers) {
      const credentials = await getUserCredentialsByEmail({ email: demo.email });
      if (!credentials) throw new Error(`The database has no ${demo.email}: it should hold the demo accounts.`);
      accounts.push((await getUserWithScope({ userId: credentials.id }))!);
    }
    const admin = accounts.find((a) => a.role === "admin")!;

    // The demo providers' assessments in an open period (DMI-2016's in the demo, the
    // national set's later framework there): made as drafts where missing.
    const providers = await rows<{ id: string; ods_code: string; period_id: string; framework_id: string; assessment_id: string | null; status: string | null }>(sql`
      select distinct on (o.ods_code) o.id, o.ods_code, p.id as period_id, p.framework_id, a.id as assessment_id, a.status
      from organisations o
      cross join assessment_periods p
      left join assessments a on a.organisation_id = o.id and a.period_id = p.id
      where o.ods_code in ('RHW', 'RTH', 'RXQ', 'RNU', 'RWX', 'RYE') and p.is_open and (a.id is null or a.status = 'draft')
      order by o.ods_code, p.assessed_on desc`);
    const drafts: DraftAssessment[] = [];
    for (const p of providers) {
      const id = p.assessment_id ?? (await createAssessment({ actor: admin, organisationId: p.id, periodId: p.period_id })).id;
      const domainCodes = (await rows<{ code: string }>(sql`select code from framework_domains where framework_id = ${p.framework_id} order by position`)).map((d) => d.code);
      drafts.push({ id, organisationId: p.id, odsCode: p.ods_code, domainCodes });
    }
    if (drafts.length === 0) throw new Error("No demo provider has a draft (or room for one) in an open period: nothing to edit.");

    // The demo's own organisations first, then (national set) a spread of the others.
    const organisationIds = (
      await rows<{ id: string }>(sql`
        select id from organisations
        order by (ods_code in ('RHW', 'RTH', 'RXQ', 'RNU', 'RWX', 'RYE')) desc, md5(id::text)
        limit 24`)
    ).map((o) => o.id);

    const users: VirtualUserCredentials[] = [];
    for (let i = 0; i < virtualUsers; i++) {
      const actor = accounts[i % accounts.length]!;
      const canEdit = drafts.some((d) => can(actor, "assessment.edit", { organisationId: d.organisationId }));
      const { secret } = await createApiToken({ actor, name: `Soak test, virtual user ${i + 1}`, scope: canEdit ? "read-write" : "read", lifetimeDays: 30 });
      users.push({ account: { email: actor.email, role: actor.role, organisationIds: actor.organisationIds }, token: secret, canEdit });
    }

    const counts: Record<string, number> = {};
    for (const [label, table] of [
      ["organisations", "organisations"],
      ["assessments", "assessments"],
      ["scores", "domain_scores"],
      ["targets", "targets"],
      ["projects", "projects"],
      ["workstreams", "workstreams"],
      ["audit rows", "audit_log"],
    ] as const) {
      counts[label] = (await rows<{ n: number }>(sql.raw(`select count(*)::int as n from ${table}`)))[0]!.n;
    }
    return { password: demoPassword, counts, organisationIds, drafts, users };
  } finally {
    await (await databaseHandle()).close();
  }
}
