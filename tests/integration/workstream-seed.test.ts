import { describe, expect, it } from "vitest";
import { getAlignmentMatrix, getWorkstreamDetail, listWorkstreamOverview } from "@/db/queries/workstreams";
import { bobLifecycle, bobWorkstreams } from "@/db/seed/bob-workstreams";

describe("the seeded workstreams", () => {
  it("are the roadmap's five, each at the start of phase 1 with its Initiation outputs as deliverables", async () => {
    const overview = await listWorkstreamOverview();
    expect(overview.map((w) => w.code)).toEqual(bobWorkstreams.map((w) => w.code));
    for (const w of overview) {
      expect([w.phase, w.status, w.phases.length]).toEqual([1, "active", 8]);
      expect(w.deliverablesOutstanding).toBe(bobLifecycle.phases[0]!.outputs.length);
    }
    expect(overview.find((w) => w.code === "RECORDS")!.leadName).toBe("Dr Chris Clarke");
    expect(overview.find((w) => w.code === "IG")!.leadName).toBeNull();
  });

  it("keep each objective and requirement as its own item, and the lifecycle's phases with their outputs", async () => {
    const records = (await listWorkstreamOverview()).find((w) => w.code === "RECORDS")!;
    const detail = (await getWorkstreamDetail(records.id))!;
    const seed = bobWorkstreams.find((w) => w.code === "RECORDS")!;
    expect(detail.objectives.map((i) => i.text)).toEqual(seed.objectives);
    expect(detail.requirements.map((i) => i.text)).toEqual(seed.requirements);
    expect(detail.phases.map((p) => p.name)).toEqual(bobLifecycle.phases.map((p) => p.name));
    expect(detail.phases[3]!.outputs).toContain("Design Blueprint");
    expect(detail.phases[7]!.reviewName).toBe("Closure Review");
    expect(detail.footprints.map((f) => f.code).sort()).toEqual(["BERKSW", "BUCKS", "OXON"]);
  });

  it("map every workstream to the STP goals with the roadmap's examples", async () => {
    const m = await getAlignmentMatrix();
    expect(m.goals).toHaveLength(7);
    const expected = bobWorkstreams.reduce((n, w) => n + w.goalExamples.length, 0);
    expect(m.cells).toHaveLength(expected);
    const ig = m.workstreams.find((w) => w.code === "IG")!;
    const prevention = m.goals.find((g) => g.code === "PREVENTION")!;
    expect(m.cells.find((c) => c.workstreamId === ig.id && c.goalId === prevention.id)!.examples.join(" ")).toContain("how data is used");
  });
});
