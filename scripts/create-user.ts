// Adds a user from a terminal, e.g. the first administrator of a real deployment:
//   npm run user:create -- --email jo.bloggs@nhs.net --name "Jo Bloggs" --role admin
//   npm run user:create -- --email cio@nhs.net --name "A CIO" --role cio --organisations RTH,RHW
// The password comes from NEW_USER_PASSWORD, or one is generated and printed once; either
// way someone else chose it, so the person is asked for a new one at first sign-in.
import crypto from "node:crypto";
import { parseArgs } from "node:util";
import { inArray } from "drizzle-orm";
import { databaseHandle } from "@/db/client";
import { auditLog, organisations, userOrganisations, users } from "@/db/schema";
import { hashPassword } from "@/lib/auth/password";
import { newUserSchema } from "@/lib/schemas/admin";

const { values } = parseArgs({
  options: { email: { type: "string" }, name: { type: "string" }, role: { type: "string", default: "viewer" }, organisations: { type: "string", default: "" } },
});
const password = process.env.NEW_USER_PASSWORD ?? crypto.randomBytes(15).toString("base64url");
const odsCodes = values.organisations!.split(",").map((c) => c.trim()).filter(Boolean);

// Opened as the server opens it: migrated, and the embedded database seeded if new.
const handle = await databaseHandle();
try {
  const orgs = odsCodes.length ? await handle.db.select().from(organisations).where(inArray(organisations.odsCode, odsCodes)) : [];
  const unknown = odsCodes.filter((c) => !orgs.some((o) => o.odsCode === c));
  if (unknown.length) throw new Error(`Unknown ODS code(s): ${unknown.join(", ")}`);
  const parsed = newUserSchema.safeParse({ ...values, password, organisationIds: orgs.map((o) => o.id) });
  if (!parsed.success) throw new Error(parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("\n"));
  const input = parsed.data;
  await handle.db.transaction(async (tx) => {
    const [user] = await tx.insert(users).values({ email: input.email, name: input.name, role: input.role, passwordHash: await hashPassword(password), mustChangePassword: true }).returning();
    if (input.organisationIds.length) await tx.insert(userOrganisations).values(input.organisationIds.map((organisationId) => ({ userId: user!.id, organisationId })));
    await tx.insert(auditLog).values({ action: "user.created", entityType: "user", entityId: user!.id, after: { email: input.email, name: input.name, role: input.role, organisationIds: input.organisationIds, via: "command line", mustChangePassword: true } });
  });
  console.log(`Added ${input.name} <${input.email}> as ${input.role}.`);
  if (!process.env.NEW_USER_PASSWORD) console.log(`Password (shown once): ${password}`);
  console.log("They will be asked to choose a new password when they first sign in.");
} catch (error) {
  console.error((error as Error).message);
  process.exitCode = 1;
} finally {
  await handle.close();
}
