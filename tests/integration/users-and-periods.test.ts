import { describe, expect, it } from "vitest";
import { createPeriod, setPeriodOpen } from "@/db/commands/periods";
import { createUser, setUserDisabled, updateUserAccess } from "@/db/commands/users";
import { getUserCredentialsByEmail, getUserWithScope } from "@/db/queries/users";
import { listAuditEntriesByEntity } from "@/db/queries/audit";
import { AppError } from "@/lib/errors";
import { can } from "@/lib/permissions";
import { verifyPassword } from "@/lib/auth/password";
import { actor, demo, seeded } from "../support/fixtures";

const refusedWith = async (promise: Promise<unknown>) => {
  const error = await promise.then(() => null, (e: unknown) => e);
  expect(error).toBeInstanceOf(AppError);
  return (error as AppError).code;
};

describe("managing users", () => {
  it("creates a user with a hashed password, and a CIO scoped to organisations", async () => {
    const admin = await actor(demo.admin);
    const { byOds } = await seeded();
    const created = await createUser({ actor: admin, email: "new.cio@nhs.net", name: "New CIO", password: "a long enough password", role: "cio", organisationIds: [byOds("RXQ")] });
    const stored = await getUserCredentialsByEmail({ email: "NEW.CIO@nhs.net " });
    expect(stored!.passwordHash).not.toContain("a long enough password");
    expect(await verifyPassword(stored!.passwordHash!, "a long enough password")).toBe(true);
    expect(await verifyPassword(stored!.passwordHash!, "wrong password!!")).toBe(false);
    const scoped = await getUserWithScope({ userId: created.id });
    expect(can(scoped, "assessment.edit", { organisationId: byOds("RXQ") })).toBe(true);
    expect(can(scoped, "assessment.edit", { organisationId: byOds("RTH") })).toBe(false);
    expect(await refusedWith(createUser({ actor: admin, email: "new.cio@nhs.net", name: "Again", password: "", role: "viewer", organisationIds: [] }))).toBe("conflict");
  });

  it("changes a role so that it applies on the very next read, with the change in the history", async () => {
    const admin = await actor(demo.admin);
    const { byOds } = await seeded();
    const viewer = await actor(demo.viewer);
    expect(can(viewer, "assessment.edit", { organisationId: byOds("RNU") })).toBe(false);
    await updateUserAccess({ actor: admin, userId: viewer.id, role: "cio", organisationIds: [byOds("RNU")] });
    const promoted = await getUserWithScope({ userId: viewer.id });
    expect(can(promoted, "assessment.edit", { organisationId: byOds("RNU") })).toBe(true);
    await updateUserAccess({ actor: admin, userId: viewer.id, role: "viewer", organisationIds: [] });
    const revoked = await getUserWithScope({ userId: viewer.id });
    expect(revoked!.organisationIds).toEqual([]);
    expect(can(revoked, "assessment.edit", { organisationId: byOds("RNU") })).toBe(false);
    const history = await listAuditEntriesByEntity({ entityType: "user", entityId: viewer.id });
    expect(history.map((h) => [h.action, h.before, h.after])).toEqual([
      ["user.access-changed", { role: "cio", organisationIds: [byOds("RNU")] }, { role: "viewer", organisationIds: [] }],
      ["user.access-changed", { role: "viewer", organisationIds: [] }, { role: "cio", organisationIds: [byOds("RNU")] }],
    ]);
  });

  it("disables and enables an account, but never the admin's own", async () => {
    const admin = await actor(demo.admin);
    const ccio = await actor(demo.ccio);
    await setUserDisabled({ actor: admin, userId: ccio.id, disabled: true });
    expect((await getUserWithScope({ userId: ccio.id }))!.disabledAt).toBeInstanceOf(Date);
    await setUserDisabled({ actor: admin, userId: ccio.id, disabled: false });
    expect((await getUserWithScope({ userId: ccio.id }))!.disabledAt).toBeNull();
    expect(await refusedWith(setUserDisabled({ actor: admin, userId: admin.id, disabled: true }))).toBe("conflict");
  });

  it("refuses every user-management action to non-admins", async () => {
    for (const email of [demo.cioOuh, demo.board, demo.ccio, demo.viewer]) {
      const someone = await actor(email);
      expect(await refusedWith(createUser({ actor: someone, email: `x-${someone.id}@nhs.net`, name: "X", password: "", role: "admin", organisationIds: [] }))).toBe("forbidden");
      expect(await refusedWith(updateUserAccess({ actor: someone, userId: someone.id, role: "admin", organisationIds: [] }))).toBe("forbidden");
      expect(await refusedWith(setUserDisabled({ actor: someone, userId: someone.id, disabled: false }))).toBe("forbidden");
      expect((await getUserWithScope({ userId: someone.id }))!.role).toBe(someone.role);
    }
  });
});

describe("assessment periods", () => {
  it("opens a new period, refuses a duplicate code, and closes it", async () => {
    const admin = await actor(demo.admin);
    const { dmi } = await seeded();
    const period = await createPeriod({ actor: admin, frameworkId: dmi.id, code: "2018-REASSESSMENT", name: "Reassessment 2018", assessedOn: "2018-06-30" });
    expect(period.isOpen).toBe(true);
    const duplicate = await createPeriod({ actor: admin, frameworkId: dmi.id, code: "2018-REASSESSMENT", name: "Again", assessedOn: "2018-07-01" }).catch((e: unknown) => e);
    expect((duplicate as AppError).fieldErrors).toEqual({ code: "The code 2018-REASSESSMENT is already used" });
    await setPeriodOpen({ actor: admin, periodId: period.id, isOpen: false });
    expect(await refusedWith(setPeriodOpen({ actor: admin, periodId: period.id, isOpen: false }))).toBe("conflict");
    expect(await refusedWith(setPeriodOpen({ actor: await actor(demo.board), periodId: period.id, isOpen: true }))).toBe("forbidden");
    expect(await refusedWith(createPeriod({ actor: await actor(demo.cioOuh), frameworkId: dmi.id, code: "X-1", name: "X", assessedOn: "2019-01-01" }))).toBe("forbidden");
  });
});
