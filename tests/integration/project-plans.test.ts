// Milestones and expected benefits of a project: who may add them, and the history they leave.
import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { addBenefit, addMilestone, markMilestoneDone } from "@/db/commands/project-plans";
import { listMilestonesDue } from "@/db/queries/portfolio";
import { auditLog, benefitCategories, projectOwners, projects } from "@/db/schema";
import { AppError } from "@/lib/errors";
import { benefitInputSchema, milestoneDoneSchema, milestoneInputSchema } from "@/lib/schemas/project";
import { actor, demo, seeded } from "../support/fixtures";
import { testDb } from "../support/test-database";

const code = (p: Promise<unknown>) => p.then(() => "ok", (e: unknown) => (e instanceof AppError ? e.code : String(e)));
let projectId: string;

beforeAll(async () => {
  const db = await testDb();
  const s = await seeded();
  // A card the roadmap attributes to Oxford University Hospitals (a Horton card).
  const [owned] = await db.select({ id: projectOwners.projectId }).from(projectOwners).where(eq(projectOwners.organisationId, s.byOds("RTH")));
  projectId = owned!.id;
});

const history = async (action: string) => (await testDb()).select().from(auditLog).where(and(eq(auditLog.entityId, projectId), eq(auditLog.action, action)));

describe("milestones", () => {
  it("are added and marked met by the owner's CIO, each step recorded, and a milestone is met only once", async () => {
    const cio = await actor(demo.cioOuh);
    const m = await addMilestone({ actor: cio, input: milestoneInputSchema.parse({ projectId, title: "Go-live at the Horton", dueOn: "2017-03-31" }) });
    expect(await listMilestonesDue({ by: "2017-04-30" })).toEqual([expect.objectContaining({ id: m.id, projectId, dueOn: "2017-03-31" })]);
    await markMilestoneDone({ actor: cio, input: milestoneDoneSchema.parse({ milestoneId: m.id, doneOn: "2017-03-30" }) });
    expect(await listMilestonesDue({ by: "2017-04-30" })).toEqual([]);
    expect(await code(markMilestoneDone({ actor: cio, input: milestoneDoneSchema.parse({ milestoneId: m.id, doneOn: "2017-04-01" }) }))).toBe("conflict");
    expect((await history("project.milestone.added")).map((e) => e.after)).toEqual([{ milestoneId: m.id, title: "Go-live at the Horton", dueOn: "2017-03-31" }]);
    expect((await history("project.milestone.done")).map((e) => (e.after as { doneOn: string }).doneOn)).toEqual(["2017-03-30"]);
  });

  it("are refused to another trust's CIO and to roles that do not edit projects, with the refusal recorded", async () => {
    for (const email of [demo.cioRbft, demo.board, demo.viewer, demo.ccio]) {
      const before = (await history("access.denied")).length;
      expect(await code(addMilestone({ actor: await actor(email), input: milestoneInputSchema.parse({ projectId, title: "x", dueOn: "2017-03-31" }) })), email).toBe("forbidden");
      expect((await history("access.denied")).length, email).toBe(before + 1);
    }
  });
});

describe("expected benefits", () => {
  it("are added with a benefit category, and an unknown category is refused with a field error and nothing written", async () => {
    const db = await testDb();
    const admin = await actor(demo.admin);
    const [category] = await db.select().from(benefitCategories).limit(1);
    await addBenefit({ actor: admin, input: benefitInputSchema.parse({ projectId, categoryId: category!.id, description: "Fewer notes pulled for clinics" }) });
    expect((await history("project.benefit.added")).map((e) => e.after)).toEqual([expect.objectContaining({ category: category!.name, description: "Fewer notes pulled for clinics" })]);
    const bad = addBenefit({ actor: admin, input: benefitInputSchema.parse({ projectId, categoryId: "00000000-0000-4000-8000-000000000000", description: "x" }) });
    await expect(bad).rejects.toMatchObject({ code: "invalid", fieldErrors: { categoryId: "Choose the kind of benefit from the list" } });
    expect(await history("project.benefit.added")).toHaveLength(1);
    expect(await code(addBenefit({ actor: admin, input: benefitInputSchema.parse({ projectId: (await db.select().from(projects).limit(1))[0]!.id, categoryId: category!.id, description: "ok" }) }))).toBe("ok");
  });
});
