// Pages show one system at a time once the national data set puts several in the database:
// the one the URL names, else the user's own, else the first by name; a footprint named
// without a system brings its own system. The targets API pages without building every scope.
import { beforeAll, describe, expect, it, vi } from "vitest";

vi.mock("@/lib/auth/session", () => ({ getCurrentUser: vi.fn(async () => null) }));

import { GET as listSummaries } from "@/app/api/v1/summaries/route";
import { GET as listTargets } from "@/app/api/v1/targets/route";
import { getDb } from "@/db/client";
import { systems } from "@/db/schema";
import { listAssessments } from "@/db/queries/assessments";
import { getBoardView } from "@/db/queries/views/board-view";
import { getCapabilityPlanView } from "@/db/queries/views/capability-plan";
import { getHeatmapView } from "@/db/queries/views/heatmap";
import { getTrajectoriesView } from "@/db/queries/views/trajectories";
import { getUniversalCapabilitiesView } from "@/db/queries/views/universal-capabilities";
import { generateNationalDataSet } from "@/db/seed/national/generate";
import type { NationalPlan } from "@/db/seed/national/types";
import { apiRequest, call, tokenFor } from "./api-support";
import { demo, seeded } from "../support/fixtures";

let plan: NationalPlan;
let rth: string;
beforeAll(async () => {
  plan = await generateNationalDataSet(await getDb(), { seed: 2, scale: 0.02 });
  rth = (await seeded()).byOds("RTH");
});

const synthetic = () => plan.systems[0]!;
const orgsOf = (systemId: string) => new Set(plan.organisations.filter((o) => o.systemId === systemId).map((o) => o.id));

describe("one system per page", () => {
  it("shows a CIO their own system's heatmap, and another system's when the URL names it", async () => {
    const own = await getHeatmapView({ organisationIds: [rth] });
    expect(own.data!.system!.code).toBe("BOB");
    expect(own.data!.organisations.some((o) => o.id === rth)).toBe(true);
    expect(own.data!.organisations.every((o) => !orgsOf(synthetic().id!).has(o.id))).toBe(true);
    expect(own.selection!.footprints.map((f) => f.code).sort()).toEqual(["BERKSW", "BUCKS", "OXON"]);

    const other = await getHeatmapView({ organisationIds: [rth], system: synthetic().code, framework: "DMA-2023" });
    expect(other.data!.system!.code).toBe(synthetic().code);
    expect(other.data!.organisations.length).toBeGreaterThan(0);
    expect(other.data!.organisations.every((o) => orgsOf(synthetic().id!).has(o.id))).toBe(true);
  });

  it("follows a footprint named without a system to its own system", async () => {
    const footprint = plan.footprints[0]!;
    const view = await getHeatmapView({ organisationIds: [rth], footprint: footprint.code, framework: "DMA-2023" });
    expect(view.data!.system!.code).toBe(synthetic().code);
    expect(view.data!.footprint!.code).toBe(footprint.code);
  });

  it("shows someone with no organisation the first system by name", async () => {
    const plan2 = await getCapabilityPlanView({});
    const first = (await (await getDb()).select({ name: systems.name }).from(systems)).map((x) => x.name).sort()[0];
    expect([synthetic().name, "Buckinghamshire, Oxfordshire & Berkshire West"]).toContain(first);
    expect(plan2.system!.name).toBe(first);
    expect(new Set(plan2.projects.map((p) => p.code.split("-")[0]))).toEqual(new Set(first === synthetic().name ? [synthetic().code] : ["BOB"]));
  });

  it("scopes the capability plan, the capability matrix, the board view and the trajectories", async () => {
    const code = synthetic().code;
    const systemId = synthetic().id!;
    const projectCodes = new Set(plan.projects.filter((p) => p.systemId === systemId).map((p) => p.code));
    const planView = await getCapabilityPlanView({ system: code });
    expect(new Set(planView.projects.map((p) => p.code))).toEqual(projectCodes);
    expect(planView.options.footprints.every((f) => f.systemId === systemId)).toBe(true);

    const matrix = await getUniversalCapabilitiesView({ byOwner: false, system: code });
    expect(matrix.columns.map((c) => c.key).sort()).toEqual(plan.footprints.map((f) => f.code).sort());

    const board = await getBoardView({ today: "2026-12-01", since: "2000-01-01", system: "BOB" });
    const ours = new Set(plan.workstreams.map((w) => w.id));
    expect([...board.agenda.pending, ...board.agenda.recent].every((r) => !ours.has(r.workstreamId))).toBe(true);
    const theirs = await getBoardView({ today: "2026-12-01", since: "2000-01-01", system: code });
    expect(theirs.agenda.recent.length).toBeGreaterThan(0);
    expect(theirs.agenda.recent.every((r) => ours.has(r.workstreamId))).toBe(true);

    const trajectories = await getTrajectoriesView({ today: "2026-12-01", system: code, framework: "DMA-2023" });
    expect(trajectories!.scope).toEqual({ type: "system", id: systemId });
    expect(trajectories!.organisations.every((o) => o.systemId === systemId)).toBe(true);
    expect(trajectories!.scopeParams.system).toBe(code);
  });

  it("lists one system's assessments", async () => {
    const bob = await listAssessments({ systemId: (await getHeatmapView({ organisationIds: [rth] })).data!.system!.id });
    expect(bob.some((a) => a.organisationId === rth)).toBe(true);
    expect(bob.every((a) => !orgsOf(synthetic().id!).has(a.organisationId))).toBe(true);
    const theirs = await listAssessments({ systemId: synthetic().id! });
    expect(theirs.length).toBe(plan.assessments.filter((a) => orgsOf(synthetic().id!).has(a.organisationId)).length);
  });

  it("opens an organisation's trajectories in its own system", async () => {
    const view = await getTrajectoriesView({ today: "2026-12-01", organisation: rth, organisationIds: [] });
    expect(view!.system.code).toBe("BOB");
    expect(view!.organisation!.id).toBe(rth);
  });
});

describe("GET /targets over several systems", () => {
  it("gives every page exactly as slicing the whole list would", async () => {
    const { secret } = await tokenFor(demo.viewer);
    const get = async (query: string) => (await call(listTargets, apiRequest(`/targets?${query}`, { secret }))).body;
    const all = await get("limit=1000&framework=DMI-2016");
    expect(all.paging.total).toBe(plan.targets.filter((t) => plan.frameworkDomains.every((d) => d.id !== t.domainId)).length + 21);
    const ids: string[] = all.data.map((r: { id: string }) => r.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const [offset, limit] of [
      [0, 7],
      [40, 50],
      [ids.length - 3, 10],
    ] as const) {
      const page = await get(`framework=DMI-2016&offset=${offset}&limit=${limit}`);
      expect(page.data.map((r: { id: string }) => r.id)).toEqual(ids.slice(offset, offset + limit));
      expect(page.paging.total).toBe(ids.length);
    }
    // The systems' own targets come first, then the footprints'.
    expect(all.data[0].level).toBe("system");
  });
});

describe("GET /summaries over several systems", () => {
  it("gives each system its own summary, from its own organisations", async () => {
    const { secret } = await tokenFor(demo.viewer);
    // Every system's rows, a page of 1000 at a time.
    const rows: { scopeId: string; scopeCode: string; domainCode: string; organisationCount?: number }[] = [];
    for (let offset = 0; ; offset += 1000) {
      const answer = await call(listSummaries, apiRequest(`/summaries?level=system&framework=DMA-2023&period=DMA-2025&limit=1000&offset=${offset}`, { secret }));
      expect(answer.status).toBe(200);
      rows.push(...answer.body.data);
      if (!answer.body.paging.next) break;
    }
    // A row for every system in the database: BOB, England's ICBs and the synthetic one.
    const every = await (await getDb()).select({ code: systems.code }).from(systems);
    expect(new Set(rows.map((r) => r.scopeCode))).toEqual(new Set(every.map((x) => x.code)));
    expect(rows.filter((r) => r.scopeCode === synthetic().code)).toHaveLength(29);
  });
});
