// The portfolio and board downloads against the seed: the capability plan (one row per
// card), the universal capability matrix and the board view, built from the pages' own
// data. Expectations come from the seed modules (db/seed/bob-portfolio.ts, bob-data.ts).
import { parse } from "csv-parse/sync";
import { and, asc, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { saveProject } from "@/db/commands/projects";
import { decideReview, requestReview } from "@/db/commands/tollgate-reviews";
import { setNextReviewDate, updateDeliverable } from "@/db/commands/workstreams";
import { getBoardView } from "@/db/queries/views/board-view";
import { getCapabilityPlanView } from "@/db/queries/views/capability-plan";
import { getUniversalCapabilitiesView } from "@/db/queries/views/universal-capabilities";
import { deliverables, workstreams, type Workstream } from "@/db/schema";
import { bobFootprints, bobOrganisations } from "@/db/seed/bob-data";
import { bobWorkstreams } from "@/db/seed/bob-workstreams";
import { programmes as seedProgrammes, projects as seedProjects, universalCapabilities as seedUcs } from "@/db/seed/bob-portfolio";
import { addDays } from "@/lib/dates";
import { londonDate } from "@/lib/as-at";
import { toCsv } from "@/lib/export/csv";
import type { Table } from "@/lib/export/table";
import { boardViewTable } from "@/lib/export/tables/board-view";
import { capabilityPlanTable } from "@/lib/export/tables/capability-plan";
import { universalCapabilitiesTable } from "@/lib/export/tables/universal-capabilities";
import type { Actor } from "@/lib/permissions";
import { projectFormToInput, projectInputSchema } from "@/lib/schemas/project";
import { decisionSchema, deliverableUpdateSchema, requestReviewSchema, reviewDateSchema } from "@/lib/schemas/workstream";
import { actor, demo, seeded } from "../support/fixtures";
import { testDb } from "../support/test-database";

function csvRecords(table: Table): Record<string, string>[] {
  return parse(Buffer.from(toCsv(table), "utf8"), { bom: true, columns: true }) as Record<string, string>[];
}

const planTable = (view: Awaited<ReturnType<typeof getCapabilityPlanView>>) =>
  capabilityPlanTable({ title: "Capability plan", projects: view.shown, footprints: view.options.footprints, footprintsOf: view.footprintsOf });

/** A cell listing several things ("RTH; RNU"), as a sorted list. */
const listOf = (cell: string | undefined) => (cell ?? "").split("; ").filter(Boolean).sort();
const footprintName = (code: string) => bobFootprints.find((f) => f.code === code)!.name;
const servesIn = (ods: string) => bobOrganisations.find((o) => o.odsCode === ods)!.footprints as readonly string[];
const periodLabel = { "2016/17": "2016/17", "2017/18-2018/19": "2017/18 – 2018/19" } as const;
const domainOrder = ["C1", "C2", "C3", "C4", "C5", "C6", "C7"];

let s: Awaited<ReturnType<typeof seeded>>;
let admin: Actor, board: Actor, lead: Actor, bwLead: Actor;

beforeAll(async () => {
  s = await seeded();
  [admin, board, lead, bwLead] = await Promise.all([actor(demo.admin), actor(demo.board), actor(demo.ccio), actor("ccio.bw@demo.nhs.uk")]);
});

describe("the capability plan download", () => {
  it("has one row per seeded card, in the grid's order, with what the seed records of it", async () => {
    const records = csvRecords(planTable(await getCapabilityPlanView({})));
    expect(records).toHaveLength(seedProjects.length);
    for (const seed of seedProjects) {
      const row = records.find((r) => r.Code === seed.code)!;
      expect(row, seed.code).toBeDefined();
      const programme = seedProgrammes.find((p) => p.code === seed.programme)?.name ?? "";
      expect([row.Title, row["Domain code"], row.Period, row["STP digital priority"], row.Programme], seed.code).toEqual([
        seed.title,
        seed.domainCode,
        periodLabel[seed.period],
        seed.stpPriority,
        programme,
      ]);
      expect(row.Status, seed.code).toBe(seed.period === "2016/17" ? "In flight" : "Planned");
      expect(listOf(row["Owner ODS codes"]), seed.code).toEqual([...seed.ownerOdsCodes].sort());
      expect(row["Owner note"], seed.code).toBe(seed.ownerNote ?? "");
      expect(listOf(row["Footprints named"]), seed.code).toEqual(seed.footprints.map(footprintName).sort());
      const appliesIn = new Set([...seed.footprints, ...seed.ownerOdsCodes.flatMap(servesIn)]);
      expect(listOf(row["Applies in footprints"]), seed.code).toEqual([...appliesIn].map(footprintName).sort());
      // No card's own UC marks survived the slides' conversion.
      expect([row["UCs enabled"], row["UCs supported"]], seed.code).toEqual(["", ""]);
    }
    // The grid reads by domain, then in flight before planned.
    const order = records.map((r) => [domainOrder.indexOf(r["Domain code"]!), r["First financial year"]!] as const);
    expect(order).toEqual([...order].sort((a, b) => a[0] - b[0] || a[1].localeCompare(b[1])));
  });

  it("with a footprint chosen, has the cards that name it or whose owners serve it", async () => {
    const view = await getCapabilityPlanView({ footprint: "BERKSW" });
    const codes = planTable(view).rows.map((r) => r.code).sort();
    const expected = seedProjects.filter((p) => p.footprints.includes("BERKSW") || p.ownerOdsCodes.some((o) => servesIn(o).includes("BERKSW"))).map((p) => p.code);
    expect(codes).toEqual(expected.sort());
    expect(view.unknown).toEqual([]);
    expect((await getCapabilityPlanView({ footprint: "NOWHERE", priority: "Nothing" })).unknown).toEqual(["footprint", "priority"]);
  });

  it("escapes a title a spreadsheet would run, and lists the UCs a project enables or supports", async () => {
    const title = "=HYPERLINK(\"https://example.com\",\"Click\")";
    const input = projectInputSchema.parse(
      projectFormToInput({
        title,
        description: "",
        ownerIds: s.byOds("RTH"),
        domainId: s.domainId("C2"),
        stpPriority: "Records sharing, care planning",
        programmeId: "",
        fromYear: "2016/17",
        toYear: "2016/17",
        startOn: "",
        endOn: "",
        status: "delivered",
        rag: "green",
        ragReason: "",
        "uc.5": "E",
        "uc.2": "S",
      }),
    );
    const saved = await saveProject({ actor: admin, input });
    const row = csvRecords(planTable(await getCapabilityPlanView({ organisation: s.byOds("RTH") }))).find((r) => r.Title?.includes("HYPERLINK"))!;
    expect(row.Title).toBe(`'${title}`);
    expect([row.Code, row.Status, row.RAG, row["UCs enabled"], row["UCs supported"], row.Owners]).toEqual([
      saved.code,
      "Delivered",
      "Green",
      "UC 5",
      "UC 2",
      "Oxford University Hospitals NHS Foundation Trust",
    ]);
  });
});

describe("the universal capabilities download", () => {
  // After the previous test: one delivered OUH project enables UC 5 and supports UC 2.
  it("by footprint: a row per capability, progress and project count per footprint", async () => {
    const view = await getUniversalCapabilitiesView({ byOwner: false });
    const records = csvRecords(universalCapabilitiesTable({ title: "UCs", capabilities: view.capabilities, columns: view.columns, matrix: view.matrix }));
    expect(records.map((r) => [r.UC, r["Universal capability"]])).toEqual(seedUcs.map((u) => [String(u.number), u.title]));
    const oxford = footprintName("OXON");
    for (const r of records) {
      for (const f of bobFootprints) {
        const [progress, count] = [r[f.name], r[`${f.name}: projects`]];
        // Oxford University Hospitals serves Oxfordshire only.
        if (f.name === oxford && r.UC === "5") expect([progress, count]).toEqual(["Delivered", "1"]);
        else if (f.name === oxford && r.UC === "2") expect([progress, count]).toEqual(["In progress", "1"]);
        else expect([progress, count], `UC ${r.UC} in ${f.name}`).toEqual(["Nothing planned", "0"]);
      }
    }
  });

  it("by owner organisation: a column per organisation that owns a project", async () => {
    const view = await getUniversalCapabilitiesView({ byOwner: true });
    const table = universalCapabilitiesTable({ title: "UCs", capabilities: view.capabilities, columns: view.columns, matrix: view.matrix });
    const owners = new Set(seedProjects.flatMap((p) => p.ownerOdsCodes));
    const names = bobOrganisations.filter((o) => o.odsCode && owners.has(o.odsCode)).map((o) => o.name).sort();
    expect(table.columns.filter((c) => c.kind === "text").map((c) => c.header).slice(1).sort()).toEqual(names);
    const ouh = view.columns.find((c) => c.name.startsWith("Oxford University"))!;
    expect(table.rows.find((r) => r.uc === 5)![`progress:${ouh.id}`]).toBe("Delivered");
  });
});

describe("the board view download", () => {
  const today = londonDate();
  const byCode = async (code: string): Promise<Workstream> => (await (await testDb()).select().from(workstreams).where(eq(workstreams.code, code)))[0]!;
  async function readyAll(by: Actor, ws: Workstream) {
    const db = await testDb();
    const rows = await db.select().from(deliverables).where(and(eq(deliverables.workstreamId, ws.id), eq(deliverables.phase, ws.phase))).orderBy(asc(deliverables.position));
    for (const [i, d] of rows.entries()) {
      const input = deliverableUpdateSchema.parse({
        deliverableId: d.id,
        status: i === 1 ? "not_required" : "ready",
        reason: i === 1 ? "Covered by the STP case" : "",
        note: "",
        evidenceUrl: i === 0 ? "https://example.nhs.uk/charter" : "",
        version: d.version,
      });
      await updateDeliverable({ actor: by, input });
    }
    return rows.map((d) => d.name);
  }
  const request = async (by: Actor, ws: Workstream) => requestReview({ actor: by, input: requestReviewSchema.parse({ workstreamId: ws.id, version: (await byCode(ws.code)).version }) });

  it("has a row per review awaiting a decision, review planned, open condition and decision since the date, in that order", async () => {
    const citizen = await byCode("CITIZEN");
    const names = await readyAll(lead, citizen);
    await request(lead, citizen);
    const infrastructure = await byCode("INFRASTRUCTURE");
    await setNextReviewDate({ actor: bwLead, input: reviewDateSchema.parse({ workstreamId: infrastructure.id, nextReviewOn: addDays(today, 30), version: infrastructure.version }) });
    const records = await byCode("RECORDS");
    await readyAll(lead, records);
    const review = await request(lead, records);
    const dueOn = addDays(today, 7);
    await decideReview({
      actor: board,
      input: decisionSchema.parse({
        reviewId: review.id,
        heldOn: today,
        attendees: [board.id],
        recommendations: { [board.id]: "proceed_with_conditions" },
        decision: "proceed_with_conditions",
        reasons: "Charter agreed; benefits to follow.",
        conditions: [{ description: "=Publish the benefit cards", owner: "CCIO", dueOn }],
      }),
    });

    const view = await getBoardView({ today, since: addDays(today, -1) });
    const rows = csvRecords(boardViewTable({ title: "Board view", view }));
    const name = (code: string) => bobWorkstreams.find((w) => w.code === code)!.name;
    expect(rows.map((r) => [r.Section, r.Workstream])).toEqual([
      ["Awaiting decision", name("CITIZEN")],
      ["Review planned", name("INFRASTRUCTURE")],
      ["Open condition", name("RECORDS")],
      ["Decision", name("RECORDS")],
    ]);
    const [pending, planned, condition, decision] = rows as [Record<string, string>, Record<string, string>, Record<string, string>, Record<string, string>];
    expect([pending.Phase, pending["Requested on"], pending["Requested by"], pending["Deliverables ready"], pending["Deliverables not required"]]).toEqual([
      "1",
      today,
      "Dr Chris Clarke",
      String(names.length - 1),
      "1",
    ]);
    expect(pending.Deliverables).toBe(
      names.map((n, i) => (i === 0 ? `${n}: ready. Evidence: https://example.nhs.uk/charter` : i === 1 ? `${n}: not required (Covered by the STP case)` : `${n}: ready`)).join("; "),
    );
    expect([planned.Phase, planned.Lead, planned["Review planned for"]]).toEqual(["1", "Dr Fatima Rahman", addDays(today, 30)]);
    // A condition due within 14 days is due soon; its formula-like text is escaped.
    expect([condition.Condition, condition["Condition owner"], condition.Due, condition["Condition state"], condition["Condition set on"]]).toEqual([
      "'=Publish the benefit cards",
      "CCIO",
      dueOn,
      "Due soon",
      today,
    ]);
    expect([decision["Board meeting"], decision.Decision, decision.Reasons, decision["Members present (recommendation)"], decision["Recorded by"]]).toEqual([
      today,
      "Proceed with conditions",
      "Charter agreed; benefits to follow.",
      "Priya Shah: proceed with conditions",
      "Priya Shah",
    ]);
    expect(decision["Conditions set"]).toBe(`'=Publish the benefit cards (CCIO, due ${dueOn}): open`);
  });

  it("leaves out decisions before the date chosen", async () => {
    const view = await getBoardView({ today, since: today });
    expect(boardViewTable({ title: "b", view }).rows.filter((r) => r.section === "Decision")).toHaveLength(1);
    // Two days on, decisions since tomorrow: none.
    const later = await getBoardView({ today: addDays(today, 2), since: addDays(today, 1) });
    expect(boardViewTable({ title: "b", view: later }).rows.filter((r) => r.section === "Decision")).toEqual([]);
  });
});
