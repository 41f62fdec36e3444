import { randomUUID } from "node:crypto";
import { and, asc, count, eq, inArray } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { decideInvitation } from "@/db/commands/project-owners";
import { saveProject } from "@/db/commands/projects";
import { listFootprints, listSystems } from "@/db/queries/places";
import { getProjectById } from "@/db/queries/portfolio";
import { auditLog, programmes, projectCapabilities, projectFootprints, projectOwnerInvitations, projectOwners, projects, universalCapabilities, users } from "@/db/schema";
import { projects as seedProjects } from "@/db/seed/bob-portfolio";
import { formatFinancialYear } from "@/lib/financial-year";
import { AppError, type ErrorCode } from "@/lib/errors";
import type { Actor } from "@/lib/permissions";
import { projectFormToInput, projectInputSchema, type ProjectInput } from "@/lib/schemas/project";
import { actor, demo, seeded } from "../support/fixtures";
import { testDb } from "../support/test-database";

// Adding and changing projects through saveProject, with inputs built as the project form
// builds them (flat fields, uc.<n>, parsed by the same schema). Authorisation: admins any
// project; a CIO only where one of their organisations owns it; another trust named as an
// owner is invited and joins when its CIO accepts (project-co-owners.test.ts has the rest).
// Every change is one transaction with one audit row; every refusal leaves nothing behind
// but an access.denied row.

type Form = Record<string, unknown>;
type Json = Record<string, unknown>;

let s: Awaited<ReturnType<typeof seeded>>;
let admin: Actor, cioOuh: Actor, cioRbft: Actor, board: Actor, ccio: Actor, viewer: Actor;
let RTH: string, RHW: string, RXQ: string, RYE: string;
let OXON: string, BERKSW: string;
let systemId: string;
let names: Record<string, string>;

beforeAll(async () => {
  s = await seeded();
  [admin, cioOuh, cioRbft, board, ccio, viewer] = await Promise.all([actor(demo.admin), actor(demo.cioOuh), actor(demo.cioRbft), actor(demo.board), actor(demo.ccio), actor(demo.viewer)]);
  [RTH, RHW, RXQ, RYE] = ["RTH", "RHW", "RXQ", "RYE"].map((ods) => s.byOds(ods)) as [string, string, string, string];
  const fps = await listFootprints();
  OXON = fps.find((f) => f.code === "OXON")!.id;
  BERKSW = fps.find((f) => f.code === "BERKSW")!.id;
  systemId = (await listSystems())[0]!.id;
  const db = await testDb();
  names = Object.fromEntries((await db.select({ id: users.id, name: users.name }).from(users)).map((u) => [u.id, u.name]));
});

// ---- building inputs as the form does ----------------------------------------------------

function parseForm(form: Form): ProjectInput {
  const parsed = projectInputSchema.safeParse(projectFormToInput(form));
  if (!parsed.success) throw new Error(`test form refused by its schema: ${parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ")}`);
  return parsed.data;
}

/** A new project's form, owned by OUH (RTH), raising C1, enabling UC 5 and supporting UC 2. */
function newForm(overrides: Form = {}): Form {
  return {
    title: "Oxfordshire shared care record viewer",
    description: "Clinicians see the shared record from the EPR.",
    ownerIds: RTH,
    domainId: s.domainId("C1"),
    stpPriority: "Records sharing, care planning",
    programmeId: "",
    fromYear: "2017/18",
    toYear: "2018/19",
    startOn: "2017-04-01",
    endOn: "2019-03-31",
    status: "planned",
    rag: "",
    ragReason: "",
    "uc.5": "E",
    "uc.2": "S",
    "uc.7": "",
    ...overrides,
  };
}

/** The form of a stored project as its edit page fills it in, with the version it shows. */
async function editForm(projectId: string, overrides: Form = {}): Promise<Form> {
  const p = (await getProjectById({ projectId }))!;
  const form: Form = {
    projectId: p.id,
    version: String(p.version),
    title: p.title,
    description: p.description,
    ownerIds: p.owners.map((o) => o.id),
    footprintIds: p.footprints.map((f) => f.id),
    domainId: p.domainId,
    stpPriority: p.stpPriority,
    programmeId: p.programmeId ?? "",
    fromYear: formatFinancialYear(p.fromYear),
    toYear: formatFinancialYear(p.toYear),
    startOn: p.startOn ?? "",
    endOn: p.endOn ?? "",
    status: p.status,
    rag: p.rag ?? "",
    ragReason: p.ragReason ?? "",
  };
  for (let n = 1; n <= 10; n++) form[`uc.${n}`] = p.capabilities.find((c) => c.uc === n)?.role ?? "";
  return { ...form, ...overrides };
}

const create = (by: Actor, overrides: Form = {}) => saveProject({ actor: by, input: parseForm(newForm(overrides)) });
const edit = async (by: Actor, projectId: string, overrides: Form = {}) => saveProject({ actor: by, input: parseForm(await editForm(projectId, overrides)) });

// ---- reading back -------------------------------------------------------------------------

/** Everything stored about one project: its row and its links, in a stable order. */
async function stored(projectId: string) {
  const db = await testDb();
  const [[row], owners, places, links] = await Promise.all([
    db.select().from(projects).where(eq(projects.id, projectId)),
    db.select({ id: projectOwners.organisationId }).from(projectOwners).where(eq(projectOwners.projectId, projectId)),
    db.select({ id: projectFootprints.footprintId }).from(projectFootprints).where(eq(projectFootprints.projectId, projectId)),
    db
      .select({ uc: universalCapabilities.number, role: projectCapabilities.role })
      .from(projectCapabilities)
      .innerJoin(universalCapabilities, eq(universalCapabilities.id, projectCapabilities.capabilityId))
      .where(eq(projectCapabilities.projectId, projectId))
      .orderBy(asc(universalCapabilities.number)),
  ]);
  return { row, ownerIds: owners.map((o) => o.id).sort(), footprintIds: places.map((f) => f.id).sort(), capabilities: links };
}

async function auditOf(projectId: string) {
  const db = await testDb();
  return db
    .select()
    .from(auditLog)
    .where(and(eq(auditLog.entityType, "project"), eq(auditLog.entityId, projectId)))
    .orderBy(asc(auditLog.id));
}

/** Row counts of everything a save can write, and of the audit trail apart from refusals. */
async function totals() {
  const db = await testDb();
  const [[p], [o], [f], [c], [a], [d]] = await Promise.all([
    db.select({ n: count() }).from(projects),
    db.select({ n: count() }).from(projectOwners),
    db.select({ n: count() }).from(projectFootprints),
    db.select({ n: count() }).from(projectCapabilities),
    db.select({ n: count() }).from(auditLog).where(inArray(auditLog.action, ["project.created", "project.updated"])),
    db.select({ n: count() }).from(auditLog).where(eq(auditLog.action, "access.denied")),
  ]);
  return { projects: p!.n, owners: o!.n, footprints: f!.n, capabilities: c!.n, changes: a!.n, denied: d!.n };
}

async function deniedRows(by: Actor) {
  const db = await testDb();
  return db
    .select()
    .from(auditLog)
    .where(and(eq(auditLog.action, "access.denied"), eq(auditLog.actorId, by.id), eq(auditLog.entityType, "project")))
    .orderBy(asc(auditLog.id));
}

async function titled(title: string) {
  const db = await testDb();
  return db.select().from(projects).where(eq(projects.title, title));
}

async function outcome(run: () => Promise<unknown>): Promise<unknown> {
  return run().then(
    () => null,
    (e: unknown) => e,
  );
}
const codeOf = (error: unknown) => (error === null ? "saved" : error instanceof AppError ? error.code : `not an AppError: ${String(error)}`);

/**
 * A save that must be forbidden: one access.denied row for `by` on `entityId` ("new" for a
 * new project) and nothing else written; the project, if any, exactly as it was.
 */
async function forbidden(by: Actor, entityId: string, run: () => Promise<unknown>, organisationId?: string, message = /only where one of your own organisations is an owner/) {
  const [before, deniedBefore, projectBefore] = await Promise.all([totals(), deniedRows(by), entityId === "new" ? null : stored(entityId)]);
  const error = await outcome(run);
  expect(codeOf(error)).toBe("forbidden");
  expect((error as AppError).message).toMatch(message);
  expect(await totals()).toEqual({ ...before, denied: before.denied + 1 });
  const denied = (await deniedRows(by)).slice(deniedBefore.length);
  expect(denied).toHaveLength(1);
  expect(denied[0]).toMatchObject({ entityId, after: { attempted: "project.edit", role: by.role } });
  if (organisationId) expect(denied[0]!.organisationId).toBe(organisationId);
  if (projectBefore) expect(await stored(entityId)).toEqual(projectBefore);
}

/** A save refused as invalid, naming `field`, with nothing written at all (no refusal row either). */
async function invalidOn(field: string, run: () => Promise<unknown>, projectId?: string) {
  const [before, projectBefore] = await Promise.all([totals(), projectId ? stored(projectId) : null]);
  const error = await outcome(run);
  expect(codeOf(error)).toBe("invalid");
  expect(Object.keys((error as AppError).fieldErrors)).toEqual([field]);
  expect(await totals()).toEqual(before);
  if (projectId) expect(await stored(projectId)).toEqual(projectBefore);
  return error as AppError;
}

/** A save that must succeed and write exactly one audit row on the project. */
async function audited<T>(projectId: string | null, action: string, by: Actor, run: () => Promise<T & { id: string }>) {
  const already = projectId ? (await auditOf(projectId)).length : 0;
  const result = await run();
  const rows = (await auditOf(result.id)).slice(already);
  expect(rows.map((r) => [r.action, r.actorId])).toEqual([[action, by.id]]);
  return { result, entry: rows[0]!, before: rows[0]!.before as Json | null, after: rows[0]!.after as Json };
}

const seededWithOwners = (ods: readonly string[]) => seedProjects.find((p) => p.ownerOdsCodes.length === ods.length && ods.every((o) => p.ownerOdsCodes.includes(o)))!;
async function seededId(code: string) {
  const db = await testDb();
  const [row] = await db.select({ id: projects.id }).from(projects).where(eq(projects.code, code));
  return row!.id;
}

// ---------------------------------------------------------------------------------------

describe("a CIO's project, from creation to a shared project", () => {
  let id: string;

  it("lets OUH's CIO add a project OUH owns that enables UC 5, with its links and one project.created row", async () => {
    const before = await totals();
    const { result, entry, before: was, after } = await audited(null, "project.created", cioOuh, () => create(cioOuh));
    id = result.id;
    const { row, ownerIds, footprintIds, capabilities } = await stored(id);
    expect(row).toMatchObject({
      systemId,
      title: "Oxfordshire shared care record viewer",
      description: "Clinicians see the shared record from the EPR.",
      domainId: s.domainId("C1"),
      stpPriority: "Records sharing, care planning",
      programmeId: null,
      fromYear: 2017,
      toYear: 2018,
      startOn: "2017-04-01",
      endOn: "2019-03-31",
      status: "planned",
      rag: null,
      ragReason: null,
      ownerNote: null,
      version: 1,
      updatedById: cioOuh.id,
    });
    expect(row!.code).toMatch(/^P-[0-9A-F]{8}$/);
    expect(ownerIds).toEqual([RTH]);
    expect(footprintIds).toEqual([]);
    expect(capabilities).toEqual([
      { uc: 2, role: "S" },
      { uc: 5, role: "E" },
    ]);
    expect(await totals()).toEqual({ ...before, projects: before.projects + 1, owners: before.owners + 1, capabilities: before.capabilities + 2, changes: before.changes + 1 });

    expect([entry.entityType, entry.organisationId, was]).toEqual(["project", RTH, null]);
    expect(after).toEqual({
      code: row!.code,
      title: "Oxfordshire shared care record viewer",
      description: "Clinicians see the shared record from the EPR.",
      domainId: s.domainId("C1"),
      stpPriority: "Records sharing, care planning",
      programmeId: null,
      fromYear: 2017,
      toYear: 2018,
      startOn: "2017-04-01",
      endOn: "2019-03-31",
      status: "planned",
      rag: null,
      ragReason: null,
      ownerIds: [RTH],
      invitedIds: [],
      footprintIds: [],
      capabilities: [
        { uc: 2, role: "S" },
        { uc: 5, role: "E" },
      ],
    });
  });

  it("refuses Royal Berkshire's CIO while OUH alone owns it", async () => {
    await forbidden(cioRbft, id, () => edit(cioRbft, id, { title: "Taken over" }), RTH);
  });

  it("updates status, RAG with its reason, invites a co-owner from another trust and adds a footprint: version 2, one project.updated row with before and after", async () => {
    const { result, entry, before, after } = await audited(id, "project.updated", cioOuh, () =>
      edit(cioOuh, id, { status: "in_flight", rag: "amber", ragReason: "  Supplier behind on the interface  ", ownerIds: [RTH, RHW], footprintIds: OXON }),
    );
    expect([result.version, result.status, result.rag, result.ragReason, result.updatedById]).toEqual([2, "in_flight", "amber", "Supplier behind on the interface", cioOuh.id]);
    const now = await stored(id);
    expect(now.row!.version).toBe(2);
    // Royal Berkshire is invited, not yet an owner.
    expect(now.ownerIds).toEqual([RTH]);
    expect(now.footprintIds).toEqual([OXON]);
    expect(now.capabilities).toEqual([
      { uc: 2, role: "S" },
      { uc: 5, role: "E" },
    ]);
    expect(entry.organisationId).toBe(RTH);
    const unchanged = {
      title: "Oxfordshire shared care record viewer",
      description: "Clinicians see the shared record from the EPR.",
      domainId: s.domainId("C1"),
      stpPriority: "Records sharing, care planning",
      programmeId: null,
      fromYear: 2017,
      toYear: 2018,
      startOn: "2017-04-01",
      endOn: "2019-03-31",
      capabilities: [
        { uc: 2, role: "S" },
        { uc: 5, role: "E" },
      ],
    };
    expect(before).toEqual({ ...unchanged, status: "planned", rag: null, ragReason: null, ownerIds: [RTH], invitedIds: [], footprintIds: [] });
    expect(after).toEqual({ ...unchanged, status: "in_flight", rag: "amber", ragReason: "Supplier behind on the interface", ownerIds: [RTH], invitedIds: [RHW], footprintIds: [OXON] });
  });

  it("refuses Royal Berkshire's CIO while Royal Berkshire is only invited", async () => {
    await forbidden(cioRbft, id, () => edit(cioRbft, id, { title: "Taken over" }), RTH);
  });

  it("lets Royal Berkshire's CIO accept: Royal Berkshire co-owns it, version 3", async () => {
    const db = await testDb();
    const [invitation] = await db.select().from(projectOwnerInvitations).where(eq(projectOwnerInvitations.projectId, id));
    await decideInvitation({ actor: cioRbft, invitationId: invitation!.id, decision: "accept" });
    const now = await stored(id);
    expect([now.ownerIds, now.row!.version]).toEqual([[RTH, RHW].sort(), 3]);
  });

  it("lets Royal Berkshire's CIO change it now that Royal Berkshire is a co-owner", async () => {
    const { result, before, after } = await audited(id, "project.updated", cioRbft, () => edit(cioRbft, id, { "uc.5": "E", "uc.9": "S", footprintIds: [OXON, BERKSW] }));
    expect([result.version, result.updatedById]).toEqual([4, cioRbft.id]);
    expect((await stored(id)).capabilities).toEqual([
      { uc: 2, role: "S" },
      { uc: 5, role: "E" },
      { uc: 9, role: "S" },
    ]);
    expect([before!.footprintIds, after.footprintIds]).toEqual([[OXON], [OXON, BERKSW].sort()]);
  });

  it("refuses a change from an out-of-date version as a conflict naming who changed it, writing nothing", async () => {
    const [before, rows] = await Promise.all([stored(id), auditOf(id)]);
    const error = await outcome(async () => saveProject({ actor: cioOuh, input: parseForm(await editForm(id, { version: "2", title: "Stale title" })) }));
    expect(codeOf(error)).toBe("conflict");
    expect((error as AppError).message).toContain(names[cioRbft.id]!);
    expect((error as AppError).message).toContain("Rachel Brook");
    expect(await stored(id)).toEqual(before);
    expect(await auditOf(id)).toEqual(rows);
    // No version at all is as stale as an old one.
    expect(codeOf(await outcome(async () => saveProject({ actor: cioOuh, input: parseForm(await editForm(id, { version: "" })) })))).toBe("conflict");
  });

  it("saves an unchanged form without a new version or history row", async () => {
    const [before, rows] = await Promise.all([stored(id), auditOf(id)]);
    const result = await edit(cioOuh, id);
    expect(result.version).toBe(before.row!.version);
    expect(await stored(id)).toEqual(before);
    expect(await auditOf(id)).toEqual(rows);
  });

  it("refuses OUH's CIO removing Royal Berkshire, a co-owner that is not theirs to remove", async () => {
    const notYours = /^You can remove only your own organisations from a project's owners, not Royal Berkshire/;
    await forbidden(cioOuh, id, () => edit(cioOuh, id, { ownerIds: RTH }), RHW, notYours);
    await forbidden(cioOuh, id, () => edit(cioOuh, id, { ownerIds: [RTH, RXQ] }), RHW, notYours);
    // Leaving is Royal Berkshire's to do.
    const { result } = await audited(id, "project.updated", cioRbft, () => edit(cioRbft, id, { ownerIds: RTH }));
    expect((await stored(result.id)).ownerIds).toEqual([RTH]);
  });

  it("refuses OUH's CIO handing the project to another trust that has not accepted, by removing OUH", async () => {
    const noOwner = /^A project keeps at least one owner/;
    await forbidden(cioOuh, id, () => edit(cioOuh, id, { ownerIds: RHW }), RTH, noOwner);
    await forbidden(cioOuh, id, () => edit(cioOuh, id, { ownerIds: [RHW, RXQ] }), RTH, noOwner);
  });

  it("refuses Royal Berkshire's CIO again once Royal Berkshire is no longer an owner", async () => {
    await forbidden(cioRbft, id, () => edit(cioRbft, id, { status: "paused" }), RTH);
  });

  it("refuses the board, a CCIO and a viewer, whether adding or changing", async () => {
    for (const by of [board, ccio, viewer]) {
      await forbidden(by, "new", () => create(by, { title: `Added by ${by.role}` }), RTH);
      await forbidden(by, id, () => edit(by, id, { title: `Changed by ${by.role}` }), RTH);
      expect(await titled(`Added by ${by.role}`)).toEqual([]);
    }
  });
});

describe("who may add and change which projects", () => {
  it("refuses a CIO adding a project owned only by another trust", async () => {
    await forbidden(cioOuh, "new", () => create(cioOuh, { title: "Royal Berkshire's project", ownerIds: RHW }), RHW);
    await forbidden(cioOuh, "new", () => create(cioOuh, { title: "Royal Berkshire's project", ownerIds: [RHW, RXQ] }), RHW);
    expect(await titled("Royal Berkshire's project")).toEqual([]);
  });

  it("records a refused add that names only organisations that do not exist (a crafted request), without a database error", async () => {
    for (const by of [cioOuh, viewer]) {
      await forbidden(by, "new", () => create(by, { title: "Nobody's project", ownerIds: randomUUID() }));
      const [denied] = (await deniedRows(by)).slice(-1);
      expect(denied!.organisationId).toBeNull();
    }
    expect(await titled("Nobody's project")).toEqual([]);
  });

  it("says a project that does not exist was not found, writing nothing", async () => {
    const before = await totals();
    const input = { ...parseForm(newForm({ title: "Ghost" })), projectId: randomUUID(), version: 1 };
    expect(codeOf(await outcome(() => saveProject({ actor: admin, input })))).toBe("not_found");
    expect(codeOf(await outcome(() => saveProject({ actor: cioOuh, input })))).toBe("not_found");
    expect(await totals()).toEqual(before);
  });

  it("lets a CIO add a project to be shared from the start with another trust, which is invited", async () => {
    const { result, after } = await audited(null, "project.created", cioOuh, () => create(cioOuh, { title: "Joint OUH and RBFT project", ownerIds: [RHW, RTH] }));
    expect((await stored(result.id)).ownerIds).toEqual([RTH]);
    expect([after.ownerIds, after.invitedIds]).toEqual([[RTH], [RHW]]);
    // The project is OUH's: its system and the history's organisation are OUH's, not the invitee's.
    expect((await auditOf(result.id))[0]!.organisationId).toBe(RTH);
  });

  it("refuses a CIO changing a seeded project their organisation does not own", async () => {
    const scas = await seededId(seededWithOwners(["RYE"]).code);
    await forbidden(cioOuh, scas, () => edit(cioOuh, scas, { status: "delivered" }), RYE);
    // Nor by adding themselves as an owner.
    await forbidden(cioOuh, scas, () => edit(cioOuh, scas, { ownerIds: [RYE, RTH] }), RYE);
    const unowned = await seededId(seedProjects.find((p) => p.ownerOdsCodes.length === 0)!.code);
    await forbidden(cioOuh, unowned, () => edit(cioOuh, unowned, { ownerIds: RTH }));
  });

  it("lets OUH's CIO change a seeded project OUH owns", async () => {
    const card = seededWithOwners(["RTH"]);
    const horton = await seededId(card.code);
    const { result, before, after } = await audited(horton, "project.updated", cioOuh, () => edit(cioOuh, horton, { status: "delivered" }));
    expect([result.version, result.updatedById, before!.status, after.status]).toEqual([2, cioOuh.id, card.period === "2016/17" ? "in_flight" : "planned", "delivered"]);
    expect([before!.title, after.title, after.ownerIds]).toEqual([card.title, card.title, [RTH]]);
  });

  it("lets an administrator change any seeded project, owned or not, seeing who changed it last", async () => {
    const scas = await seededId(seededWithOwners(["RYE"]).code);
    const { result: first } = await audited(scas, "project.updated", admin, () => edit(admin, scas, { status: "delivered", rag: "green", "uc.5": "E" }));
    expect([first.version, first.updatedById]).toEqual([2, admin.id]);
    expect((await stored(scas)).capabilities).toEqual([{ uc: 5, role: "E" }]);

    const unowned = seedProjects.find((p) => p.ownerOdsCodes.length === 0)!;
    const unownedId = await seededId(unowned.code);
    const { result, before, after } = await audited(unownedId, "project.updated", admin, () => edit(admin, unownedId, { ownerIds: RXQ, rag: "red", ragReason: "No supplier" }));
    expect([result.version, result.rag, result.ownerNote]).toEqual([2, "red", unowned.ownerNote ?? null]);
    expect([before!.ownerIds, after.ownerIds]).toEqual([[], [RXQ]]);

    // Admins may also add a project for any organisation.
    const { result: added } = await audited(null, "project.created", admin, () => create(admin, { title: "Buckinghamshire patient portal", ownerIds: RXQ }));
    expect((await stored(added.id)).ownerIds).toEqual([RXQ]);
  });
});

describe("references that do not exist", () => {
  const unknown = randomUUID();

  // Functions: the seeded ids are read in beforeAll, after the table is built.
  const bad: Record<string, () => Form> = {
    domainId: () => ({ domainId: unknown }),
    ownerIds: () => ({ ownerIds: [RTH, unknown] }),
    footprintIds: () => ({ footprintIds: [OXON, unknown] }),
    programmeId: () => ({ programmeId: unknown }),
  };

  it.each(Object.keys(bad))("refuses an unknown %s when adding, writing nothing", async (field) => {
    const form = newForm({ title: `Bad ${field}`, ...bad[field]!() });
    const error = await invalidOn(field, () => saveProject({ actor: cioOuh, input: parseForm(form) }));
    expect(error.message).toMatch(/Nothing was saved/);
    expect(await titled(`Bad ${field}`)).toEqual([]);
  });

  it("refuses unknown references when changing, leaving the project and its history as they were", async () => {
    const { result } = await audited(null, "project.created", cioOuh, () => create(cioOuh, { title: "References project" }));
    const rows = await auditOf(result.id);
    for (const [field, overrides] of Object.entries(bad)) {
      await invalidOn(field, async () => saveProject({ actor: cioOuh, input: parseForm(await editForm(result.id, { title: "Changed", ...overrides() })) }), result.id);
    }
    expect(await auditOf(result.id)).toEqual(rows);
  });

  it("accepts a programme that exists", async () => {
    const db = await testDb();
    const [gde] = await db.select().from(programmes).where(eq(programmes.code, "OUH-GDE"));
    const { result } = await audited(null, "project.created", cioOuh, () => create(cioOuh, { title: "GDE project", programmeId: gde!.id }));
    expect(result.programmeId).toBe(gde!.id);
  });
});

describe("nothing half-written", () => {
  /** A hand-built input that the schema would never produce. */
  const handBuilt = (overrides: Partial<ProjectInput>): ProjectInput => ({ ...parseForm(newForm()), ...overrides });

  it("refuses a universal capability that does not exist (UC 11), with no project, links or history", async () => {
    const before = await totals();
    const error = await outcome(() => saveProject({ actor: cioOuh, input: handBuilt({ title: "UC eleven", capabilities: [{ uc: 5, role: "E" }, { uc: 11, role: "E" }] }) }));
    expect(codeOf(error)).toBe("invalid");
    expect((error as AppError).fieldErrors).toEqual({ "capabilities.11": "There is no such universal capability" });
    expect(await titled("UC eleven")).toEqual([]);
    expect(await totals()).toEqual(before);
  });

  it("rolls back the new project row when writing its links fails after it was inserted", async () => {
    // Two links to UC 5 pass the reference checks, then break project_capabilities' key:
    // by then the project row and its owners are written, and must go with the rest.
    const before = await totals();
    const error = await outcome(() => saveProject({ actor: cioOuh, input: handBuilt({ title: "Links fail", capabilities: [{ uc: 5, role: "E" }, { uc: 5, role: "S" }] }) }));
    expect(error).not.toBeNull();
    expect(await titled("Links fail")).toEqual([]);
    expect(await totals()).toEqual(before);
  });

  it("rolls back a change whose links fail: the old owners, footprints, capabilities and version stay", async () => {
    const { result } = await audited(null, "project.created", cioOuh, () => create(cioOuh, { title: "Kept whole", ownerIds: [RTH, RHW], footprintIds: OXON }));
    const [before, rows, all] = await Promise.all([stored(result.id), auditOf(result.id), totals()]);
    const input = { ...parseForm(await editForm(result.id, { title: "Half written", status: "delivered", ownerIds: RTH, footprintIds: BERKSW })), capabilities: [{ uc: 1, role: "E" as const }, { uc: 1, role: "S" as const }] };
    expect(await outcome(() => saveProject({ actor: cioOuh, input }))).not.toBeNull();
    expect(await stored(result.id)).toEqual(before);
    expect(await auditOf(result.id)).toEqual(rows);
    expect(await totals()).toEqual(all);
  });
});

describe("concurrent edits", () => {
  it("lets exactly one of two changes from the same version through; the other is a conflict", async () => {
    const { result } = await audited(null, "project.created", admin, () => create(admin, { title: "Raced project", ownerIds: [RTH, RHW] }));
    const [formA, formB] = await Promise.all([editForm(result.id, { title: "Raced: OUH's title", status: "in_flight" }), editForm(result.id, { title: "Raced: RBFT's title", rag: "red", ragReason: "Late" })]);
    const outcomes = await Promise.allSettled([saveProject({ actor: cioOuh, input: parseForm(formA) }), saveProject({ actor: cioRbft, input: parseForm(formB) })]);
    const won = outcomes.flatMap((o, i) => (o.status === "fulfilled" ? [i] : []));
    expect(won).toHaveLength(1);
    const lost = outcomes.find((o) => o.status === "rejected")!.reason as unknown;
    expect(codeOf(lost)).toBe("conflict");
    const winner = won[0] === 0 ? { by: cioOuh, loser: cioRbft, title: "Raced: OUH's title" } : { by: cioRbft, loser: cioOuh, title: "Raced: RBFT's title" };
    expect((lost as AppError).message).toContain(names[winner.by.id]!);

    const now = await stored(result.id);
    expect([now.row!.version, now.row!.title, now.row!.updatedById]).toEqual([2, winner.title, winner.by.id]);
    const updates = (await auditOf(result.id)).filter((r) => r.action === "project.updated");
    expect(updates.map((u) => [u.actorId, (u.after as Json).title])).toEqual([[winner.by.id, winner.title]]);
  });

  it("serialises many simultaneous changes from one version: one wins, the rest conflict, one history row", async () => {
    const { result } = await audited(null, "project.created", admin, () => create(admin, { title: "Crowded project" }));
    const forms = await Promise.all(Array.from({ length: 5 }, (_, i) => editForm(result.id, { title: `Crowded ${i}` })));
    const outcomes = await Promise.allSettled(forms.map((f) => saveProject({ actor: admin, input: parseForm(f) })));
    expect(outcomes.filter((o) => o.status === "fulfilled")).toHaveLength(1);
    expect(outcomes.filter((o) => o.status === "rejected").map((o) => codeOf((o as PromiseRejectedResult).reason))).toEqual(Array(4).fill("conflict") as ErrorCode[]);
    expect((await stored(result.id)).row!.version).toBe(2);
    expect((await auditOf(result.id)).filter((r) => r.action === "project.updated")).toHaveLength(1);
  });
});
