// What /export/{name} does between the session check and the file: each download's filters
// read with its schema, names that exist checked (a 422 for one that does not: a file must
// not quietly hold something other than what was asked for), and the file named for them.
import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { exportDefinitions } from "@/app/export/[table]/definitions";
import type { UserWithScope } from "@/db/queries/users";
import { AppError } from "@/lib/errors";
import { exportNames, type ExportName } from "@/lib/export/links";
import { fileName, parseExportQuery } from "@/lib/export/query";
import { streamOf } from "@/lib/export/table";
import { actor, demo } from "../support/fixtures";

let viewer: UserWithScope;

beforeAll(async () => {
  viewer = await actor(demo.viewer);
});

async function download(name: ExportName, query: string) {
  const definition = exportDefinitions[name];
  const parsed = parseExportQuery(definition.query, new URLSearchParams(query)) as { format: string };
  const { table, name: parts } = await definition.build(parsed, viewer);
  return { table, file: fileName(parts, parsed.format) };
}

async function refusal(name: ExportName, query: string): Promise<AppError> {
  try {
    await download(name, query);
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error(`${name}?${query} was accepted`);
}

describe("each download", () => {
  it("is defined for every name the links use", () => {
    expect(Object.keys(exportDefinitions).sort()).toEqual([...exportNames].sort());
  });

  it("names its file for the filters", async () => {
    expect((await download("heatmap", "format=csv&framework=DMI-2016&period=2016-BASELINE&footprint=OXON")).file).toBe("heatmap-2016-BASELINE-OXON.csv");
    expect((await download("heatmap", "format=xlsx&period=2016-BASELINE")).file).toBe("heatmap-2016-BASELINE-BOB.xlsx");
    expect((await download("scores", "period=2016-BASELINE&footprint=BERKSW")).file).toBe("scores-2016-BASELINE-BERKSW.csv");
    expect((await download("scores", "")).file).toBe("scores-all.csv");
    expect((await download("trajectories", "footprint=OXON&asAt=2017-01-31")).file).toBe("trajectories-OXON-2017-01-31.csv");
    expect((await download("trajectory-figures", "asAt=2017-01-31")).file).toBe("trajectory-figures-BOB-2017-01-31.csv");
    expect((await download("capability-plan", "footprint=BUCKS")).file).toBe("capability-plan-BUCKS.csv");
    expect((await download("universal-capabilities", "by=organisation")).file).toBe("universal-capabilities-by-organisation.csv");
    expect((await download("board-view", "since=2026-01-31")).file).toBe("board-view-since-2026-01-31.csv");
  });

  it("refuses, with a 422 naming it, a framework, period, footprint or organisation that does not exist", async () => {
    const cases: [ExportName, string, string][] = [
      ["heatmap", "period=2099-NOPE", "period"],
      ["heatmap", "framework=NOPE", "framework"],
      ["heatmap", "footprint=NOWHERE", "footprint"],
      ["scores", "organisation=ZZZ", "organisation"],
      ["scores", "framework=DMI-2016&period=NOPE", "period"],
      ["trajectories", `organisation=${randomUUID()}`, "organisation"],
      ["trajectory-figures", "footprint=NOWHERE", "footprint"],
      ["capability-plan", "priority=Nothing+like+it", "priority"],
    ];
    for (const [name, query, field] of cases) {
      const error = await refusal(name, query);
      expect([error.status, Object.keys(error.fieldErrors)], `${name}?${query}`).toEqual([422, [field]]);
    }
  });

  it("refuses with a 400 a filter that is wrong in itself, and a board view since a date after today with a 422", async () => {
    expect((await refusal("trajectories", "organisation=RTH")).status).toBe(400);
    expect((await refusal("universal-capabilities", "by=colour")).status).toBe(400);
    expect((await refusal("heatmap", "format=pdf")).status).toBe(400);
    expect((await refusal("board-view", "since=2026-13-01")).status).toBe(400);
    const future = await refusal("board-view", "since=2999-01-01");
    expect([future.status, future.fieldErrors.since]).toEqual([422, expect.stringContaining("no later than today")]);
  });
});

describe("the scores download, through its route's own definition", () => {
  it("includes a draft for its own CIO and administrators only", async () => {
    const { createAssessment, saveAssessmentScores } = await import("@/db/commands/assessments");
    const { seeded } = await import("../support/fixtures");
    const s = await seeded();
    const cioOuh = await actor(demo.cioOuh);
    const draft = await createAssessment({ actor: cioOuh, organisationId: s.byOds("RTH"), periodId: s.period("2017-REASSESSMENT").id });
    await saveAssessmentScores({ actor: cioOuh, assessmentId: draft.id, version: draft.version, scores: Object.fromEntries(s.dmiDomains.map((d) => [d.code, 61])) });
    const rows = async (email: string) => {
      const definition = exportDefinitions.scores;
      const parsed = parseExportQuery(definition.query, new URLSearchParams("period=2017-REASSESSMENT"));
      const { table } = await definition.build(parsed as never, await actor(email));
      let n = 0;
      for await (const page of streamOf(table).pages) n += page.length;
      return n;
    };
    expect(await rows(demo.cioOuh)).toBe(s.dmiDomains.length);
    expect(await rows(demo.admin)).toBe(s.dmiDomains.length);
    for (const email of [demo.cioRbft, demo.viewer, demo.board]) expect(await rows(email), email).toBe(0);
  });
});
