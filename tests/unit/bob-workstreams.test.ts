// Unit tests for db/seed/bob-workstreams.ts: the work-stream lifecycle, STP goals and
// work-streams transcribed from the BOB Local Digital Roadmap.
import { describe, expect, it } from "vitest";
import { bobLifecycle, bobStpGoals, bobWorkstreams } from "@/db/seed/bob-workstreams";

/** Every string in a value, with a path naming where it is. */
function strings(value: unknown, path = "$"): { path: string; text: string }[] {
  if (typeof value === "string") return [{ path, text: value }];
  if (Array.isArray(value)) return value.flatMap((v, i) => strings(v, `${path}[${i}]`));
  if (value && typeof value === "object") return Object.entries(value).flatMap(([k, v]) => strings(v, `${path}.${k}`));
  return [];
}

const byCode = (code: string) => {
  const workstream = bobWorkstreams.find((w) => w.code === code);
  if (!workstream) throw new Error(`no work-stream ${code}`);
  return workstream;
};
const examplesFor = (code: string, goal: string) => byCode(code).goalExamples.find((g) => g.goal === goal)?.examples ?? [];

describe("bobLifecycle", () => {
  const { phases } = bobLifecycle;

  it("is identified and described", () => {
    expect(bobLifecycle.code).toBe("STP-DIGITAL-8");
    expect(bobLifecycle.name).toBe("STP digital work-stream lifecycle");
    expect(bobLifecycle.description.length).toBeGreaterThan(0);
  });

  it("has the eight phases, numbered 1 to 8 in order", () => {
    expect(phases.map((p) => p.number)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    expect(phases.map((p) => p.name)).toEqual([
      "Initiation",
      "Visioning",
      "Planning",
      "Design",
      "Build",
      "Deployment",
      "Implementation",
      "Maintenance",
    ]);
  });

  it("gives every phase aims, outputs, questions and a goal", () => {
    for (const phase of phases) {
      expect(phase.aims.length, phase.name).toBeGreaterThanOrEqual(1);
      expect(phase.outputs.length, phase.name).toBeGreaterThanOrEqual(2);
      expect(phase.questions.length, phase.name).toBeGreaterThanOrEqual(2);
      for (const q of phase.questions) expect(q, phase.name).toMatch(/\?$/);
      expect(phase.goal.length, phase.name).toBeGreaterThan(0);
      expect(phase.outputs, phase.name).not.toContain(phase.goal);
    }
  });

  it("closes phases 1 to 7 with a tollgate review and phase 8 with a closure review", () => {
    expect(phases.map((p) => p.reviewName)).toEqual([...Array<string>(7).fill("Tollgate Review"), "Closure Review"]);
  });

  it("has the goals of the slide", () => {
    expect(phases.map((p) => p.goal)).toEqual([
      "Executive Charter",
      "As Is / To Be Model",
      "Outline Solution",
      "Detail Solution",
      "Finished Product",
      "System In Service",
      "Fully Integrated",
      "Established Solution",
    ]);
  });

  it("keeps the cells of the slide's table apart (spot checks)", () => {
    const [p1, p2, p3, p4, p5, p6, p7, p8] = phases;
    expect(p1!.aims).toEqual(["Engage Leadership", "Define strategic needs", "Define strategic outcomes", "Develop strategic business case"]);
    expect(p1!.questions[0]).toBe("What is driving the change?");
    expect(p2!.outputs).toContain("Outline Business Case");
    expect(p2!.aims).toEqual(['Describe the "As Is"', 'Articulate the "To Be" vision']);
    expect(p3!.outputs).toContain("Benefit Cards");
    expect(p3!.outputs).toContain("Full Business Case");
    expect(p3!.outputs).toHaveLength(6);
    expect(p4!.outputs).toContain("Design Blueprint");
    expect(p4!.outputs).toContain("Validated Benefit Cards");
    expect(p5!.aims).toContain("Testing – Unit/System/Integration");
    expect(p6!.aims).toContain("User Acceptance Testing (UAT)");
    expect(p7!.questions).toEqual(["Is it living up to expectations?", "Has it delivered?"]);
    expect(p8!.outputs).toContain("Continuous improvement strategy");
  });
});

describe("bobStpGoals", () => {
  it("lists the seven STP priorities in the document's order, with unique codes", () => {
    expect(bobStpGoals.map((g) => g.code)).toEqual([
      "PREVENTION",
      "QUALITY-CARE",
      "ACUTE",
      "MENTAL-HEALTH",
      "SPECIALISED",
      "WORKFORCE",
      "PRIMARY-SCALE",
    ]);
  });

  it("has a summary exactly for the goals with an examples page", () => {
    const withPage = bobStpGoals.filter((g) => g.summary !== null).map((g) => g.code);
    expect(withPage).toEqual(["PREVENTION", "QUALITY-CARE", "ACUTE", "MENTAL-HEALTH", "WORKFORCE", "PRIMARY-SCALE"]);
    expect(bobStpGoals.find((g) => g.code === "PREVENTION")!.summary).toMatch(/^Technology enables patient engagement/);
  });
});

describe("bobWorkstreams", () => {
  it("has the five work-streams with unique codes", () => {
    expect(bobWorkstreams.map((w) => w.code)).toEqual(["RECORDS", "CITIZEN", "INTELLIGENCE", "INFRASTRUCTURE", "IG"]);
    expect(new Set(bobWorkstreams.map((w) => w.code)).size).toBe(5);
    expect(byCode("RECORDS").name).toBe("Records sharing for cross-organisational care");
  });

  it("gives every work-stream a vision, objectives, requirements and the three footprints", () => {
    for (const w of bobWorkstreams) {
      expect(w.vision.length, w.code).toBeGreaterThan(0);
      expect(w.objectives.length, w.code).toBeGreaterThanOrEqual(3);
      expect(w.requirements.length, w.code).toBeGreaterThanOrEqual(3);
      expect(w.footprints, w.code).toEqual(["BUCKS", "OXON", "BERKSW"]);
    }
  });

  it("refers only to known goals, each at most once per work-stream, with examples", () => {
    const goalCodes = new Set(bobStpGoals.map((g) => g.code));
    for (const w of bobWorkstreams) {
      const goals = w.goalExamples.map((g) => g.goal);
      expect(new Set(goals).size, w.code).toBe(goals.length);
      for (const { goal, examples } of w.goalExamples) {
        expect(goalCodes.has(goal), `${w.code} → ${goal}`).toBe(true);
        expect(examples.length, `${w.code} → ${goal}`).toBeGreaterThanOrEqual(1);
        expect(examples.length, `${w.code} → ${goal}`).toBeLessThanOrEqual(2);
      }
    }
  });

  it("has examples from every work-stream for every goal with an examples page, and none for the others", () => {
    for (const goal of bobStpGoals) {
      for (const w of bobWorkstreams) {
        const has = w.goalExamples.some((g) => g.goal === goal.code);
        expect(has, `${w.code} → ${goal.code}`).toBe(goal.summary !== null);
      }
    }
  });

  it("has a single example column for workforce", () => {
    for (const w of bobWorkstreams) expect(examplesFor(w.code, "WORKFORCE"), w.code).toHaveLength(1);
  });

  it("keeps the records-sharing preamble out of the requirements", () => {
    expect(byCode("RECORDS").requirementsPreamble).toMatch(/^Each digital footprint have their own solutions/);
    for (const w of bobWorkstreams) {
      for (const r of w.requirements) expect(r, w.code).not.toMatch(/^Each digital footprint/);
    }
  });

  it("splits merged bullets and drops conversion garbage (spot checks)", () => {
    const records = byCode("RECORDS");
    expect(records.objectives).toContain("Multiagency care plans can be created.");
    expect(records.objectives.join(" ")).not.toMatch(/Currente|dissiplinent|celleboration/);
    expect(records.requirements).toContain("Suppliers that will work together.");

    const citizen = byCode("CITIZEN");
    expect(citizen.objectives).toContain("Use an online appointment service.");
    expect(citizen.objectives).toContain("Look up medical jargon.");
    expect(citizen.objectives).toContain("Take part in multi-agency consultations about their care.");
    expect(citizen.requirements.some((r) => r.includes("including wearables, smartphone applications"))).toBe(true);

    const infrastructure = byCode("INFRASTRUCTURE");
    expect(infrastructure.objectives).toContain("Free public WiFi");
    expect(infrastructure.objectives).toContain("Voice over IP");
    expect(infrastructure.objectives).toContain("There is easy access to the right IT Support.");
    expect(infrastructure.requirements).toContain("Single sign on technologies.");

    expect(byCode("INTELLIGENCE").requirements).toContain("Common metrics and interpretations.");
    expect(byCode("IG").requirements).toContain("A common consent process.");
  });

  it("repairs words split across table cells", () => {
    expect(examplesFor("IG", "PREVENTION")).toHaveLength(1);
    expect(examplesFor("IG", "PREVENTION")[0]).toContain("how data is used");
    expect(examplesFor("IG", "QUALITY-CARE")[0]).toContain("legitimate records access");
    expect(examplesFor("IG", "MENTAL-HEALTH")[0]).toContain("legitimate records access");
    expect(examplesFor("RECORDS", "PREVENTION")).toHaveLength(1);
    expect(examplesFor("CITIZEN", "ACUTE")).toHaveLength(1);
  });
});

describe("the text of all the seed data", () => {
  const all = strings({ bobLifecycle, bobStpGoals, bobWorkstreams });

  it("has no empty, padded or slide-garbled strings", () => {
    expect(all.length).toBeGreaterThan(200);
    for (const { path, text } of all) {
      expect(text, path).not.toBe("");
      expect(text, path).toBe(text.trim());
      expect(text, path).not.toMatch(/\t|\u2022|[\uE000-\uF8FF]|\s{2}/);
    }
  });
});
