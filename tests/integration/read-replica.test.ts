// With DATABASE_READ_URL, the API's GET answers are read from the replica and everything
// else (the token check, every write) from the primary. Here the "replica" is a second
// copy of the demo database, told apart by a renamed organisation.
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";

vi.mock("@/lib/auth/session", () => ({ getCurrentUser: vi.fn(async () => null) }));

import { GET as listOrganisations } from "@/app/api/v1/organisations/route";
import { POST as createAssessment } from "@/app/api/v1/assessments/route";
import { getDb, useReadReplicaHandle } from "@/db/client";
import { assessments, organisations } from "@/db/schema";
import { openTestDatabase, type TestDatabase } from "../support/test-database";
import { seeded, demo } from "../support/fixtures";
import { apiRequest, call, tokenFor } from "./api-support";

let replica: TestDatabase;
beforeAll(async () => {
  replica = await openTestDatabase();
  await replica.handle.db.update(organisations).set({ name: "Oxford University Hospitals (replica copy)" }).where(eq(organisations.odsCode, "RTH"));
});
afterAll(async () => {
  useReadReplicaHandle(null);
  await replica.dispose();
});

const rthName = async (secret: string) => {
  const answer = await call(listOrganisations, apiRequest("/organisations?limit=1000", { secret }));
  expect(answer.status).toBe(200);
  return (answer.body.data as { odsCode: string; name: string }[]).find((o) => o.odsCode === "RTH")!.name;
};

describe("a read replica for the API", () => {
  it("serves GET from the replica once configured, and from the primary without one", async () => {
    const { secret } = await tokenFor(demo.viewer);
    useReadReplicaHandle(null);
    expect(await rthName(secret)).toBe("Oxford University Hospitals NHS Foundation Trust");
    useReadReplicaHandle(replica.handle);
    // The token itself exists only on the primary: authentication reads there.
    expect(await rthName(secret)).toBe("Oxford University Hospitals (replica copy)");
  });

  it("writes to the primary, never the replica", async () => {
    useReadReplicaHandle(replica.handle);
    const { secret } = await tokenFor(demo.cioOuh, "read-write");
    const s = await seeded();
    const created = await call(createAssessment, apiRequest("/assessments", { secret, method: "POST", body: { organisationId: s.byOds("RTH"), periodId: s.period("2017-REASSESSMENT").id } }));
    expect(created.status).toBe(201);
    const id = created.body.data.id as string;
    expect(await (await getDb()).select().from(assessments).where(eq(assessments.id, id))).toHaveLength(1);
    expect(await replica.handle.db.select().from(assessments).where(eq(assessments.id, id))).toHaveLength(0);
  });
});
