// The portfolio as seeded from the roadmap's capability plans (issue 5 groundwork).
import { count, eq, isNull } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { programmes, programmeTranches, projectCapabilities, projectOwners, projects, trancheCapabilities, universalCapabilities } from "@/db/schema";
import { programmes as seedProgrammes, projects as seedProjects } from "@/db/seed/bob-portfolio";
import { seedPortfolio } from "@/db/seed/seed-portfolio";
import { testDb } from "../support/test-database";

describe("the seeded portfolio", () => {
  it("has the ten universal capabilities and every card of both capability plans, in flight or planned by period", async () => {
    const db = await testDb();
    expect((await db.select({ n: count() }).from(universalCapabilities))[0]!.n).toBe(10);
    const rows = await db.select().from(projects);
    expect(rows).toHaveLength(seedProjects.length);
    const byPeriod = (from: number, to: number) => rows.filter((p) => p.fromYear === from && p.toYear === to);
    expect(byPeriod(2016, 2016).every((p) => p.status === "in_flight")).toBe(true);
    expect(byPeriod(2017, 2018).every((p) => p.status === "planned")).toBe(true);
    expect(byPeriod(2016, 2016).length + byPeriod(2017, 2018).length).toBe(rows.length);
  });

  it("says where a card's owner is unknown rather than guessing, and links every card that names one", async () => {
    const db = await testDb();
    const withOwner = await db.selectDistinct({ id: projectOwners.projectId }).from(projectOwners);
    const expectedOwned = seedProjects.filter((p) => p.ownerOdsCodes.length > 0).length;
    expect(withOwner).toHaveLength(expectedOwned);
    const noteless = await db.select().from(projects).where(isNull(projects.ownerNote));
    expect(noteless.map((p) => p.id).sort()).toEqual(withOwner.map((o) => o.id).sort());
    expect(seedProjects.every((p) => p.programme == null || seedProgrammes.some((g) => g.code === p.programme))).toBe(true);
  });

  it("keeps Connected Care's tranches with the capabilities each enables or supports", async () => {
    const db = await testDb();
    const [cc] = await db.select().from(programmes).where(eq(programmes.code, "BW-CONNECTED-CARE"));
    const tranches = await db
      .select({ label: programmeTranches.label, uc: universalCapabilities.number, role: trancheCapabilities.role })
      .from(programmeTranches)
      .innerJoin(trancheCapabilities, eq(trancheCapabilities.trancheId, programmeTranches.id))
      .innerJoin(universalCapabilities, eq(universalCapabilities.id, trancheCapabilities.capabilityId))
      .where(eq(programmeTranches.programmeId, cc!.id))
      .orderBy(programmeTranches.position, universalCapabilities.number);
    const seed = seedProgrammes.find((p) => p.code === "BW-CONNECTED-CARE")!;
    expect(tranches).toEqual(seed.tranches.flatMap((t) => [...t.ucs].sort((a, b) => a.uc - b.uc).map((u) => ({ label: t.number, uc: u.uc, role: u.role }))));
    // A card's own UC marks are stored only where they survived the conversion: none are invented.
    expect((await db.select({ n: count() }).from(projectCapabilities))[0]!.n).toBe(seedProjects.reduce((n, p) => n + (p.ucs?.length ?? 0), 0));
  });

  it("is seeded once: a second run adds nothing", async () => {
    const db = await testDb();
    expect(await seedPortfolio(db)).toBe(false);
    expect((await db.select({ n: count() }).from(projects))[0]!.n).toBe(seedProjects.length);
  });
});
