import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { frameworks, users } from "@/db/schema";
import { generateNationalDataSet } from "@/db/seed/national/generate";

describe("npm run generate:national on a live database", () => {
  it("refuses a database with accounts besides the demo's, and writes nothing", async () => {
    const db = await getDb();
    await db.insert(users).values({ email: "real.person@nhs.net", name: "Real Person", role: "viewer" });
    await expect(generateNationalDataSet(db, { seed: 1, scale: 0.02 })).rejects.toThrow(/accounts besides the demo's/);
    expect(await db.select().from(frameworks).where(eq(frameworks.code, "DMA-2023"))).toEqual([]);
  });
});
