import { and, asc, count, eq, inArray } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { checkImport, commitImport } from "@/db/commands/imports";
import { decideInvitation } from "@/db/commands/project-owners";
import { saveProject } from "@/db/commands/projects";
import { getBoardPackData } from "@/db/queries/board-pack";
import { getImportJob } from "@/db/queries/imports";
import { getProjectById, listPendingInvitationsForOrganisations, listPlanFilterOptions, listPlanProjects, pagePlanProjects } from "@/db/queries/portfolio";
import { getUniversalCapabilitiesView } from "@/db/queries/views/universal-capabilities";
import { auditLog, organisations, projectOwnerInvitations, projectOwners, projects, systems } from "@/db/schema";
import { londonDate } from "@/lib/as-at";
import { assembleBoardPack } from "@/lib/board-pack";
import { addDays } from "@/lib/dates";
import { AppError } from "@/lib/errors";
import { formatFinancialYear } from "@/lib/financial-year";
import type { Actor } from "@/lib/permissions";
import { projectFormToInput, projectInputSchema, type ProjectInput } from "@/lib/schemas/project";
import { actor, demo, seeded } from "../support/fixtures";
import { testDb } from "../support/test-database";

// Co-owning a project (docs/project-co-owners.md). An owner's capability matrix, plan and
// counts include the project, so a CIO cannot make another trust an owner: naming it
// invites it, and it joins when its own CIO (or an administrator) accepts. A CIO removes
// only their own organisations; owners come from the project's own system. The same rules
// hold through the form's command and the projects import.

type Form = Record<string, unknown>;
let s: Awaited<ReturnType<typeof seeded>>;
let admin: Actor, cioOuh: Actor & { name: string }, cioRbft: Actor, board: Actor;
let RTH: string, RHW: string, RXQ: string;
let elsewhere: string;

beforeAll(async () => {
  s = await seeded();
  [admin, cioOuh, cioRbft, board] = await Promise.all([actor(demo.admin), actor(demo.cioOuh), actor(demo.cioRbft), actor(demo.board)]);
  [RTH, RHW, RXQ] = ["RTH", "RHW", "RXQ"].map((ods) => s.byOds(ods)) as [string, string, string];
  // A trust of another integrated care system.
  const db = await testDb();
  const [other] = await db.select({ id: systems.id }).from(systems).where(eq(systems.code, "QWO"));
  const otherSystem = other?.id ?? (await db.select({ id: systems.id }).from(systems)).find((x) => x.id !== s.bob.id)!.id;
  const [trust] = await db.insert(organisations).values({ systemId: otherSystem, odsCode: "ZZCO1", name: "Elsewhere Hospitals NHS Trust", shortName: "Elsewhere", type: "nhs_trust" }).returning();
  elsewhere = trust!.id;
});

function parse(form: Form): ProjectInput {
  const parsed = projectInputSchema.safeParse(projectFormToInput(form));
  if (!parsed.success) throw new Error(parsed.error.message);
  return parsed.data;
}

const newForm = (title: string, ownerIds: string[]): Form => ({
  title,
  ownerIds,
  domainId: s.domainId("C1"),
  stpPriority: "Records sharing, care planning",
  fromYear: "2017/18",
  toYear: "2018/19",
  status: "in_flight",
  "uc.5": "E",
});

/** The project's form as its page fills it in: owners and pending invitations ticked. */
async function editForm(projectId: string, overrides: Form = {}): Promise<Form> {
  const p = (await getProjectById({ projectId }))!;
  const form: Form = {
    projectId: p.id,
    version: String(p.version),
    title: p.title,
    description: p.description,
    ownerIds: [...p.owners.map((o) => o.id), ...p.invitations.map((i) => i.organisationId)],
    footprintIds: p.footprints.map((f) => f.id),
    domainId: p.domainId,
    stpPriority: p.stpPriority,
    fromYear: formatFinancialYear(p.fromYear),
    toYear: formatFinancialYear(p.toYear),
    status: p.status,
    rag: p.rag ?? "",
    ragReason: p.ragReason ?? "",
  };
  for (const c of p.capabilities) form[`uc.${c.uc}`] = c.role;
  return { ...form, ...overrides };
}

const create = (by: Actor, title: string, ownerIds: string[]) => saveProject({ actor: by, input: parse(newForm(title, ownerIds)) });
const edit = async (by: Actor, projectId: string, overrides: Form) => saveProject({ actor: by, input: parse(await editForm(projectId, overrides)) });
const failure = (run: () => Promise<unknown>) =>
  run().then(
    () => null,
    (e: unknown) => (e instanceof AppError ? e : Promise.reject(e)),
  );

async function ownersOf(projectId: string) {
  const db = await testDb();
  return (await db.select({ id: projectOwners.organisationId }).from(projectOwners).where(eq(projectOwners.projectId, projectId))).map((o) => o.id).sort();
}
async function invitationsOf(projectId: string) {
  const db = await testDb();
  return db
    .select({ id: projectOwnerInvitations.id, organisationId: projectOwnerInvitations.organisationId, status: projectOwnerInvitations.status, invitedById: projectOwnerInvitations.invitedById, decidedById: projectOwnerInvitations.decidedById })
    .from(projectOwnerInvitations)
    .where(eq(projectOwnerInvitations.projectId, projectId))
    .orderBy(asc(projectOwnerInvitations.invitedAt));
}
async function pendingId(projectId: string, organisationId: string) {
  return (await invitationsOf(projectId)).find((i) => i.organisationId === organisationId && i.status === "pending")!.id;
}
async function historyOf(projectId: string) {
  const db = await testDb();
  return db.select().from(auditLog).where(and(eq(auditLog.entityType, "project"), eq(auditLog.entityId, projectId))).orderBy(asc(auditLog.id));
}
async function versionOf(projectId: string) {
  const db = await testDb();
  return (await db.select({ v: projects.version }).from(projects).where(eq(projects.id, projectId)))[0]!.v;
}

/** Everything that says whether an organisation owns a project, as each reader sees it. */
async function readersSay(projectId: string, organisationId: string) {
  const [matrix, plan, page, filters, detail] = await Promise.all([
    getUniversalCapabilitiesView({ byOwner: true, system: "BOB" }),
    listPlanProjects({ systemId: s.bob.id }),
    pagePlanProjects({ organisationId, limit: 1000, offset: 0 }),
    listPlanFilterOptions({ systemId: s.bob.id }),
    getProjectById({ projectId }),
  ]);
  return {
    matrix: matrix.matrix.get(5)?.get(organisationId)?.projectIds.includes(projectId) ?? false,
    plan: plan.projects.find((p) => p.id === projectId)!.ownerIds.includes(organisationId),
    ownerFilter: page.projects.some((p) => p.id === projectId),
    detail: detail!.owners.some((o) => o.id === organisationId),
    filterOption: filters.organisations.some((o) => o.id === organisationId),
  };
}
const owns = { matrix: true, plan: true, ownerFilter: true, detail: true };
const doesNotOwn = { matrix: false, plan: false, ownerFilter: false, detail: false };

describe("an invitation to co-own, accepted by the invited trust's CIO", () => {
  let id: string;

  it("makes Royal Berkshire an invitee, not an owner, when OUH's CIO names it: no reader counts it", async () => {
    const rbftBefore = await readersSay((await create(cioOuh, "Probe", [RTH])).id, RHW);
    const created = await create(cioOuh, "Shared discharge summaries", [RTH, RHW]);
    id = created.id;
    expect(await ownersOf(id)).toEqual([RTH]);
    expect(await invitationsOf(id)).toEqual([{ id: expect.any(String), organisationId: RHW, status: "pending", invitedById: cioOuh.id, decidedById: null }]);
    const { filterOption, ...rbft } = await readersSay(id, RHW);
    expect(rbft).toEqual(doesNotOwn);
    // Royal Berkshire owns nothing else in the seed: an invitation adds no owner option either.
    expect(filterOption).toBe(rbftBefore.filterOption);
    const { filterOption: _, ...ouh } = await readersSay(id, RTH);
    expect(ouh).toEqual(owns);
    const [entry] = await historyOf(id);
    expect([entry!.action, (entry!.after as Record<string, unknown>).ownerIds, (entry!.after as Record<string, unknown>).invitedIds]).toEqual(["project.created", [RTH], [RHW]]);
    expect((await getProjectById({ projectId: id }))!.invitations.map((i) => [i.organisationId, i.invitedBy])).toEqual([[RHW, cioOuh.name]]);
  });

  it("lists the invitation among Royal Berkshire's co-ownership requests, not OUH's", async () => {
    expect((await listPendingInvitationsForOrganisations({ organisationIds: cioRbft.organisationIds })).map((i) => i.projectId)).toContain(id);
    expect((await listPendingInvitationsForOrganisations({ organisationIds: cioOuh.organisationIds })).map((i) => i.projectId)).not.toContain(id);
  });

  it("refuses OUH's CIO and the board accepting on Royal Berkshire's behalf, recording each refusal", async () => {
    const invitation = await pendingId(id, RHW);
    for (const by of [cioOuh, board]) {
      const error = await failure(() => decideInvitation({ actor: by, invitationId: invitation, decision: "accept" }));
      expect([error?.code, error?.message]).toEqual(["forbidden", expect.stringMatching(/^Only a CIO of Royal Berkshire.*or an administrator, can accept or decline/)]);
      const denied = (await historyOf(id)).filter((h) => h.action === "access.denied" && h.actorId === by.id);
      expect(denied.map((d) => [d.organisationId, (d.after as Record<string, unknown>).attempted])).toEqual([[RHW, "project.co-owner.accept"]]);
    }
    expect(await ownersOf(id)).toEqual([RTH]);
  });

  it("makes Royal Berkshire an owner when its CIO accepts: in its capability matrix now, recorded with before and after", async () => {
    const version = await versionOf(id);
    const decided = await decideInvitation({ actor: cioRbft, invitationId: await pendingId(id, RHW), decision: "accept" });
    expect(decided.status).toBe("accepted");
    expect(await ownersOf(id)).toEqual([RTH, RHW].sort());
    expect((await invitationsOf(id)).map((i) => [i.status, i.decidedById])).toEqual([["accepted", cioRbft.id]]);
    const { filterOption, ...rbft } = await readersSay(id, RHW);
    expect(rbft).toEqual(owns);
    expect(filterOption).toBe(true);
    expect(await versionOf(id)).toBe(version + 1);
    const entry = (await historyOf(id)).at(-1)!;
    expect(entry).toMatchObject({ action: "project.co-owner.accepted", actorId: cioRbft.id, organisationId: RHW });
    expect([(entry.before as Record<string, unknown>).ownerIds, (entry.before as Record<string, unknown>).invitedIds]).toEqual([[RTH], [RHW]]);
    expect([(entry.after as Record<string, unknown>).ownerIds, (entry.after as Record<string, unknown>).invitedIds]).toEqual([[RTH, RHW].sort(), []]);
    expect((entry.after as Record<string, unknown>).title).toBe("Shared discharge summaries");
  });

  it("says an invitation already answered cannot be answered again", async () => {
    const [answered] = await invitationsOf(id);
    const error = await failure(() => decideInvitation({ actor: cioRbft, invitationId: answered!.id, decision: "decline" }));
    expect([error?.code, error?.message]).toEqual(["conflict", "This invitation was already accepted: nothing was changed."]);
  });

  it("refuses a form opened before the acceptance as out of date", async () => {
    const stale = await editForm(id, { version: String((await versionOf(id)) - 1), title: "Stale" });
    expect((await failure(() => saveProject({ actor: cioOuh, input: parse(stale) })))?.code).toBe("conflict");
  });

  it("refuses each CIO removing the other's organisation, with a clear message, recorded, nothing changed", async () => {
    const rows = (await historyOf(id)).length;
    const byOuh = await failure(() => edit(cioOuh, id, { ownerIds: [RTH] }));
    expect([byOuh?.code, byOuh?.message]).toEqual(["forbidden", expect.stringMatching(/^You can remove only your own organisations from a project's owners, not Royal Berkshire/)]);
    const byRbft = await failure(() => edit(cioRbft, id, { ownerIds: [RHW] }));
    expect([byRbft?.code, byRbft?.message]).toEqual(["forbidden", expect.stringMatching(/not Oxford University Hospitals/)]);
    const added = (await historyOf(id)).slice(rows);
    expect(added.map((h) => [h.action, h.actorId, h.organisationId])).toEqual([
      ["access.denied", cioOuh.id, RHW],
      ["access.denied", cioRbft.id, RTH],
    ]);
    expect(await ownersOf(id)).toEqual([RTH, RHW].sort());
  });

  it("lets Royal Berkshire's CIO take Royal Berkshire off the owners", async () => {
    await edit(cioRbft, id, { ownerIds: [RTH] });
    expect(await ownersOf(id)).toEqual([RTH]);
    const entry = (await historyOf(id)).at(-1)!;
    expect([entry.action, (entry.before as Record<string, unknown>).ownerIds, (entry.after as Record<string, unknown>).ownerIds]).toEqual(["project.updated", [RTH, RHW].sort(), [RTH]]);
    const { filterOption: _, ...rbft } = await readersSay(id, RHW);
    expect(rbft).toEqual(doesNotOwn);
  });
});

describe("declining, withdrawing, and what may not be done", () => {
  it("leaves a declined invitation out of the owners, recorded", async () => {
    const { id } = await create(cioOuh, "Declined project", [RTH, RHW]);
    await decideInvitation({ actor: cioRbft, invitationId: await pendingId(id, RHW), decision: "decline" });
    expect(await ownersOf(id)).toEqual([RTH]);
    expect((await invitationsOf(id)).map((i) => i.status)).toEqual(["declined"]);
    const entry = (await historyOf(id)).at(-1)!;
    expect([entry.action, entry.actorId, (entry.before as Record<string, unknown>).invitedIds, (entry.after as Record<string, unknown>).invitedIds]).toEqual(["project.co-owner.declined", cioRbft.id, [RHW], []]);
    expect((await getProjectById({ projectId: id }))!.invitations).toEqual([]);
    // Asked again, it is a new invitation.
    await edit(cioOuh, id, { ownerIds: [RTH, RHW] });
    expect((await invitationsOf(id)).map((i) => i.status)).toEqual(["declined", "pending"]);
  });

  it("withdraws an invitation its project's CIO unticks, recorded with before and after", async () => {
    const { id } = await create(cioOuh, "Withdrawn project", [RTH, RHW, RXQ]);
    expect((await invitationsOf(id)).map((i) => i.organisationId).sort()).toEqual([RHW, RXQ].sort());
    await edit(cioOuh, id, { ownerIds: [RTH, RXQ] });
    const rows = await invitationsOf(id);
    expect(rows.find((r) => r.organisationId === RHW)).toMatchObject({ status: "withdrawn", decidedById: cioOuh.id });
    expect(rows.find((r) => r.organisationId === RXQ)!.status).toBe("pending");
    const entry = (await historyOf(id)).at(-1)!;
    expect([entry.action, (entry.before as Record<string, unknown>).invitedIds, (entry.after as Record<string, unknown>).invitedIds]).toEqual(["project.updated", [RHW, RXQ].sort(), [RXQ]]);
    // A withdrawn invitation can no longer be accepted.
    const withdrawn = rows.find((r) => r.organisationId === RHW)!.id;
    expect((await failure(() => decideInvitation({ actor: cioRbft, invitationId: withdrawn, decision: "accept" })))?.message).toMatch(/already withdrawn/);
    expect(await ownersOf(id)).toEqual([RTH]);
  });

  it("lets an administrator make any organisation of the system an owner at once, and accept for one", async () => {
    const { id } = await create(cioOuh, "Administered project", [RTH, RHW]);
    await edit(admin, id, { ownerIds: [RTH, RHW, RXQ] });
    expect(await ownersOf(id)).toEqual([RTH, RXQ].sort());
    await decideInvitation({ actor: admin, invitationId: await pendingId(id, RHW), decision: "accept" });
    expect(await ownersOf(id)).toEqual([RTH, RHW, RXQ].sort());
    expect((await historyOf(id)).at(-1)).toMatchObject({ action: "project.co-owner.accepted", actorId: admin.id });
  });

  it("refuses an organisation of another system, for a CIO and an administrator, naming it", async () => {
    const { id } = await create(cioOuh, "One system's project", [RTH]);
    for (const by of [cioOuh, admin]) {
      const error = await failure(() => edit(by, id, { ownerIds: [RTH, elsewhere] }));
      expect([error?.code, error?.fieldErrors.ownerIds]).toEqual(["invalid", expect.stringMatching(/^Elsewhere Hospitals NHS Trust is not in .*: a project's owners are organisations of its own integrated care system$/)]);
    }
    const error = await failure(() => create(cioOuh, "Across systems", [RTH, elsewhere]));
    expect(error?.fieldErrors.ownerIds).toMatch(/Elsewhere Hospitals NHS Trust is not in/);
    expect(await ownersOf(id)).toEqual([RTH]);
    expect(await invitationsOf(id)).toEqual([]);
  });

  it("refuses removing the last owner, even for an invited organisation that has not accepted", async () => {
    const { id } = await create(cioOuh, "Kept project", [RTH]);
    const error = await failure(() => edit(cioOuh, id, { ownerIds: [RHW] }));
    expect([error?.code, error?.message]).toEqual(["forbidden", expect.stringMatching(/^A project keeps at least one owner, and an invited organisation is not one until it accepts/)]);
    expect(await ownersOf(id)).toEqual([RTH]);
    expect(await invitationsOf(id)).toEqual([]);
    // And no form can send no owners at all.
    expect(projectInputSchema.safeParse(projectFormToInput(await editForm(id, { ownerIds: [] }))).success).toBe(false);
  });

  it("refuses accepting an invitation that does not exist", async () => {
    const error = await failure(() => decideInvitation({ actor: admin, invitationId: "00000000-0000-4000-8000-000000000000", decision: "accept" }));
    expect(error?.code).toBe("not_found");
  });
});

describe("the board pack as at a past date", () => {
  it("shows the owners before an acceptance made since, not after", async () => {
    const db = await testDb();
    // An OUH project whose only change since yesterday is Royal Berkshire's acceptance (the
    // invitation written straight to the table, so that the acceptance is the first change):
    // one OUH alone owns, still open (the pack leaves out delivered and stopped ones), and
    // that no other test in this file has touched.
    const candidates = await db
      .select({ id: projects.id })
      .from(projects)
      .innerJoin(projectOwners, eq(projectOwners.projectId, projects.id))
      .where(and(eq(projectOwners.organisationId, RTH), eq(projects.systemId, s.bob.id), inArray(projects.status, ["planned", "in_flight"])))
      .orderBy(asc(projects.code));
    const touched = new Set((await db.select({ id: auditLog.entityId }).from(auditLog).where(eq(auditLog.entityType, "project"))).map((r) => r.id));
    let id: string | undefined;
    for (const c of candidates) {
      if (!touched.has(c.id) && (await ownersOf(c.id)).join() === RTH) {
        id = c.id;
        break;
      }
    }
    if (!id) throw new Error("the seed has no open project OUH alone owns");
    expect(await ownersOf(id)).toEqual([RTH]);
    const [invitation] = await db.insert(projectOwnerInvitations).values({ projectId: id, organisationId: RHW }).returning();
    await decideInvitation({ actor: cioRbft, invitationId: invitation!.id, decision: "accept" });
    const today = londonDate();
    const ownersOn = async (asAt: string) => {
      const pack = assembleBoardPack((await getBoardPackData({ footprint: undefined, asAt, today }))!);
      return pack.projects.find((p) => p.id === id)!.owners.map((o) => o.id).sort();
    };
    expect(await ownersOn(today)).toEqual([RTH, RHW].sort());
    expect(await ownersOn(addDays(today, -1))).toEqual([RTH]);
  });
});

describe("the projects import follows the same rules", () => {
  const head = "code,title,description,domain,stp_priority,programme,owners,footprints,from_year,to_year,start_on,end_on,status,rag,rag_reason,enables,supports";
  const line = (code: string, owners: string) => `${code},Imported co-owned project,,C2,Provider digital maturity,,${owners},,2017/18,2017/18,,,planned,,,5,`;
  const file = (...lines: string[]) => new TextEncoder().encode([head, ...lines].join("\r\n") + "\r\n");

  it("invites another trust a CIO's file names as an owner, and refuses removing another's organisation or one of another system", async () => {
    const job = await checkImport({ actor: cioOuh, kind: "projects", fileName: "p.csv", bytes: file(line("IMP-CO-1", "RTH;RHW")) });
    expect((await getImportJob({ jobId: job.id }))!.errors).toEqual([]);
    expect(job).toMatchObject({ created: 1, errorCount: 0 });
    await commitImport({ actor: cioOuh, jobId: job.id });
    const db = await testDb();
    const [added] = await db.select().from(projects).where(eq(projects.code, "IMP-CO-1"));
    expect(await ownersOf(added!.id)).toEqual([RTH]);
    expect((await invitationsOf(added!.id)).map((i) => [i.organisationId, i.status])).toEqual([[RHW, "pending"]]);
    // The same file again changes nothing: the invitation stands.
    expect(await checkImport({ actor: cioOuh, kind: "projects", fileName: "p.csv", bytes: file(line("IMP-CO-1", "RTH;RHW")) })).toMatchObject({ unchanged: 1, errorCount: 0 });

    await decideInvitation({ actor: cioRbft, invitationId: await pendingId(added!.id, RHW), decision: "accept" });
    const refused = await checkImport({ actor: cioOuh, kind: "projects", fileName: "p.csv", bytes: file(line("IMP-CO-1", "RTH"), line("IMP-CO-2", "RTH;ZZCO1")) });
    const errors = (await getImportJob({ jobId: refused.id }))!.errors;
    expect(errors.map((e) => [e.line, e.column])).toEqual([
      [2, "owners"],
      [3, "owners"],
    ]);
    expect(errors[0]!.message).toMatch(/^You can remove only your own organisations from a project's owners, not Royal Berkshire/);
    expect(errors[1]!.message).toMatch(/^Elsewhere Hospitals NHS Trust is not in/);
    expect(await ownersOf(added!.id)).toEqual([RTH, RHW].sort());
  });

  it("leaves nothing behind when nothing is committed", async () => {
    const db = await testDb();
    const [row] = await db.select({ n: count() }).from(projects).where(eq(projects.code, "IMP-CO-2"));
    expect(row!.n).toBe(0);
  });
});
