import { and, asc, count, eq, inArray } from "drizzle-orm";
import { getDb } from "@/db/client";
import {
  assessmentPeriods,
  assessments,
  deliverables,
  domainScores,
  footprints,
  frameworkDomains,
  lifecyclePhases,
  organisations,
  phaseOutputs,
  projectOwners,
  projects,
  systems,
  targets,
  tollgateReviews,
  workstreams,
} from "@/db/schema";
import type { Actor } from "@/lib/permissions";
import { actor } from "../../support/fixtures";
import type { Model } from "./model";

// The seeded demo data the model-based test works on, read once per file: who can act,
// on what, and the model's starting state (which every run rebuilds from a copy).

export interface WorldActor extends Actor {
  name: ActorName;
}

export interface World {
  actors: WorldActor[];
  boardIds: string[];
  ccioIds: string[];
  frameworkId: string;
  domains: { id: string; code: string }[];
  /** Organisations assessments, targets and projects are tried on: two with a CIO, one without. */
  orgs: { id: string; ods: string }[];
  openPeriodId: string;
  closedPeriodId: string;
  systemId: string;
  footprintIds: string[];
  /** Positions of each phase's outputs, by phase number. */
  phaseOutputs: Map<number, number[]>;
  phaseCount: number;
  /** Rows in the whole database at the start, for "nothing added elsewhere". */
  totals: { assessments: number; projects: number };
  initial: Model;
}

/** The demo accounts that act, by the part of their e-mail address before the @. */
export const ACTORS = ["admin", "cio.ouh", "cio.rbft", "board", "board.chair", "ccio", "ccio.bw", "viewer"] as const;
export type ActorName = (typeof ACTORS)[number];
/** RTH has a CIO (cio.ouh), RHW too (cio.rbft), RXQ none. */
export const ORGS = ["RTH", "RHW", "RXQ"] as const;
export type OrgCode = (typeof ORGS)[number];
/** RECORDS and CITIZEN are led by ccio, INTELLIGENCE and INFRASTRUCTURE by ccio.bw, IG by nobody. */
export const WORKSTREAMS = ["RECORDS", "CITIZEN", "INTELLIGENCE", "INFRASTRUCTURE", "IG"] as const;
export type WorkstreamCode = (typeof WORKSTREAMS)[number];

export async function loadWorld(): Promise<World> {
  const db = await getDb();
  const actors = await Promise.all(ACTORS.map(async (name) => ({ ...(await actor(`${name}@demo.nhs.uk`)), name })));
  const orgRows = await db.select({ id: organisations.id, ods: organisations.odsCode }).from(organisations);
  const orgs = ORGS.map((ods) => ({ id: orgRows.find((o) => o.ods === ods)!.id, ods }));
  const periods = await db.select().from(assessmentPeriods);
  const open = periods.find((p) => p.isOpen)!;
  const closed = periods.find((p) => !p.isOpen)!;
  const domains = await db
    .select({ id: frameworkDomains.id, code: frameworkDomains.code })
    .from(frameworkDomains)
    .where(eq(frameworkDomains.frameworkId, open.frameworkId))
    .orderBy(asc(frameworkDomains.position));
  const [system] = await db.select({ id: systems.id }).from(systems).orderBy(asc(systems.name));
  const fps = await db.select({ id: footprints.id }).from(footprints).orderBy(asc(footprints.code));

  const wsRows = (await db.select().from(workstreams)).sort((a, b) => WORKSTREAMS.indexOf(a.code as WorkstreamCode) - WORKSTREAMS.indexOf(b.code as WorkstreamCode));
  if (wsRows.map((w) => w.code).join() !== WORKSTREAMS.join()) throw new Error("the model assumes the seed's five workstreams");
  const lifecycleId = wsRows[0]!.lifecycleId;
  if (wsRows.some((w) => w.lifecycleId !== lifecycleId)) throw new Error("the model assumes one lifecycle");
  const outputs = await db
    .select({ phase: lifecyclePhases.number, position: phaseOutputs.position })
    .from(lifecyclePhases)
    .leftJoin(phaseOutputs, eq(phaseOutputs.phaseId, lifecyclePhases.id))
    .where(eq(lifecyclePhases.lifecycleId, lifecycleId))
    .orderBy(asc(lifecyclePhases.number), asc(phaseOutputs.position));
  const phaseOutputMap = new Map<number, number[]>();
  for (const o of outputs) {
    const list = phaseOutputMap.get(o.phase) ?? [];
    if (o.position != null) list.push(o.position);
    phaseOutputMap.set(o.phase, list);
  }
  const [phases] = await db.select({ n: count() }).from(lifecyclePhases).where(eq(lifecyclePhases.lifecycleId, lifecycleId));

  const model: Model = { assessments: [], targets: new Map(), workstreams: [], projects: [], changes: 0, denials: 0 };

  const assessmentRows = await db.select().from(assessments).where(inArray(assessments.organisationId, orgs.map((o) => o.id)));
  for (const a of assessmentRows) {
    const scores = await db.select().from(domainScores).where(eq(domainScores.assessmentId, a.id));
    model.assessments.push({
      id: a.id,
      organisationId: a.organisationId,
      periodId: a.periodId,
      status: a.status,
      version: a.version,
      scores: Object.fromEntries(scores.map((s) => [s.domainId, s.score])),
    });
  }

  for (const t of await db.select().from(targets)) {
    const scopeId = (t.systemId ?? t.footprintId ?? t.organisationId)!;
    model.targets.set(targetKey(scopeId, t.domainId, t.financialYear), { id: t.id, scope: t.scope, scopeId, score: t.score, version: t.version });
  }

  for (const w of wsRows) {
    const current = await db
      .select()
      .from(deliverables)
      .where(and(eq(deliverables.workstreamId, w.id), eq(deliverables.phase, w.phase)))
      .orderBy(asc(deliverables.position));
    model.workstreams.push({
      id: w.id,
      code: w.code,
      leadUserId: w.leadUserId,
      phase: w.phase,
      status: w.status,
      version: w.version,
      deliverables: current.map((d) => ({ id: d.id, position: d.position, status: d.status, version: d.version })),
      reviews: [],
      conditions: [],
    });
  }

  // A few seeded projects of each kind of ownership: one of the CIOs' organisations alone,
  // both, and neither (a CIO may change none of those).
  const ownerRows = await db.select({ projectId: projectOwners.projectId, organisationId: projectOwners.organisationId }).from(projectOwners);
  const ownersOf = new Map<string, string[]>();
  for (const r of ownerRows) ownersOf.set(r.projectId, [...(ownersOf.get(r.projectId) ?? []), r.organisationId]);
  const projectRows = await db.select({ id: projects.id, title: projects.title, version: projects.version }).from(projects).orderBy(asc(projects.code));
  const [rth, rhw] = [orgs[0]!.id, orgs[1]!.id];
  const kinds: ((owners: string[]) => boolean)[] = [
    (o) => o.length === 1 && o[0] === rth,
    (o) => o.length === 1 && o[0] === rhw,
    (o) => o.includes(rth) && o.length > 1,
    (o) => o.length > 0 && !o.includes(rth) && !o.includes(rhw),
  ];
  for (const kind of kinds) {
    for (const p of projectRows.filter((p) => kind(ownersOf.get(p.id) ?? [])).slice(0, 2)) {
      model.projects.push({ id: p.id, title: p.title, ownerIds: [...ownersOf.get(p.id)!].sort(), invitedIds: [], version: p.version });
    }
  }

  // The model starts every workstream without reviews or conditions, as the seed leaves them.
  const [reviews] = await db.select({ n: count() }).from(tollgateReviews);
  if (reviews!.n > 0) throw new Error("the model assumes a seed without tollgate reviews");

  const [[assessmentTotal], [projectTotal]] = await Promise.all([db.select({ n: count() }).from(assessments), db.select({ n: count() }).from(projects)]);

  return {
    actors,
    boardIds: actors.filter((a) => a.role === "board").map((a) => a.id),
    ccioIds: actors.filter((a) => a.role === "ccio").map((a) => a.id),
    frameworkId: open.frameworkId,
    domains,
    orgs,
    openPeriodId: open.id,
    closedPeriodId: closed.id,
    systemId: system!.id,
    footprintIds: fps.map((f) => f.id),
    phaseOutputs: phaseOutputMap,
    phaseCount: phases!.n,
    totals: { assessments: assessmentTotal!.n, projects: projectTotal!.n },
    initial: model,
  };
}

export const targetKey = (scopeId: string, domainId: string, year: number) => `${scopeId}:${domainId}:${year}`;
