import ExcelJS from "exceljs";
import { and, count, eq, sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { saveAssessmentScores } from "@/db/commands/assessments";
import { checkImport, commitImport, discardImport } from "@/db/commands/imports";
import { getImportJob } from "@/db/queries/imports";
import { rowsOf } from "@/db/result-rows";
import { assessments, auditLog, domainScores, frameworkDomains, nationalAverages, targets } from "@/db/schema";
import { baselineScores } from "@/db/seed/bob-data";
import { AppError } from "@/lib/errors";
import { actor, demo, seeded } from "../support/fixtures";
import { testDb } from "../support/test-database";

type Seeded = Awaited<ReturnType<typeof seeded>>;
let s: Seeded;
beforeAll(async () => {
  s = await seeded();
});

const csv = (...lines: string[]) => new TextEncoder().encode(lines.join("\r\n") + "\r\n");
const header = "ods_code,framework,period,domain,score";
const errorOf = (p: Promise<unknown>) => p.then(() => null, (e: unknown) => (e instanceof AppError ? e : Promise.reject(e)));

async function auditCount() {
  const db = await testDb();
  const [row] = await db.select({ n: count() }).from(auditLog);
  return row!.n;
}

/** An organisation's scores in a period, by domain code. */
async function scoresOf(ods: string, periodCode: string): Promise<Record<string, number>> {
  const db = await testDb();
  const rows = await db
    .select({ code: frameworkDomains.code, score: domainScores.score })
    .from(domainScores)
    .innerJoin(assessments, eq(assessments.id, domainScores.assessmentId))
    .innerJoin(frameworkDomains, eq(frameworkDomains.id, domainScores.domainId))
    .where(and(eq(assessments.organisationId, s.byOds(ods)), eq(assessments.periodId, s.period(periodCode).id)));
  return Object.fromEntries(rows.map((r) => [r.code, r.score]));
}

async function xlsx(rows: ExcelJS.CellValue[][]): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet("Scores");
  for (const row of rows) sheet.addRow(row);
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

describe("importing assessment scores", () => {
  it("previews, commits all rows with their history, and changes nothing the second time", async () => {
    const cio = await actor(demo.cioOuh);
    const codes = s.dmiDomains.map((d) => d.code);
    const wanted = Object.fromEntries(codes.map((c, i) => [c, 40 + i]));
    const file = csv(header, ...codes.map((c) => `RTH,DMI-2016,2017-REASSESSMENT,${c},${wanted[c]}`));
    const before = await auditCount();

    const job = await checkImport({ actor: cio, kind: "scores", fileName: "rth.csv", bytes: file });
    expect(job).toMatchObject({ rowCount: codes.length, created: codes.length, changed: 0, unchanged: 0, errorCount: 0, status: "checked" });
    // A preview writes nothing but the preview itself.
    expect(await scoresOf("RTH", "2017-REASSESSMENT")).toEqual({});
    expect(await auditCount()).toBe(before);

    const committed = await commitImport({ actor: cio, jobId: job.id });
    expect(committed.status).toBe("committed");
    expect(await scoresOf("RTH", "2017-REASSESSMENT")).toEqual(wanted);
    const db = await testDb();
    const history = await db.select().from(auditLog).where(eq(auditLog.actorId, cio.id));
    expect(history.filter((h) => h.action === "score.changed")).toHaveLength(codes.length);
    expect(history.filter((h) => h.action === "assessment.created")).toHaveLength(1);
    expect(history.filter((h) => h.action === "import.committed").map((h) => h.entityId)).toEqual([job.id]);
    // The planner was told of the assessment the import added, in its own transaction (see
    // db/imports/scores.ts: without it, a large import into a small database slows to a crawl).
    const [assessmentRows] = await db.select({ n: count() }).from(assessments);
    const [stats] = rowsOf<{ estimate: number }>(await db.execute(sql`select reltuples::float8 as estimate from pg_class where relname = 'assessments'`));
    expect(Math.round(stats!.estimate)).toBe(assessmentRows!.n);

    // The same file again: all unchanged, and the commit writes no history but its own line.
    const again = await checkImport({ actor: cio, kind: "scores", fileName: "rth.csv", bytes: file });
    expect(again).toMatchObject({ created: 0, changed: 0, unchanged: codes.length, errorCount: 0 });
    const beforeSecond = await auditCount();
    await commitImport({ actor: cio, jobId: again.id });
    expect(await auditCount()).toBe(beforeSecond + 1);
    expect(await scoresOf("RTH", "2017-REASSESSMENT")).toEqual(wanted);
  });

  it("changes a draft's scores, counting created, changed and unchanged, and bumps its version", async () => {
    const cio = await actor(demo.cioRbft);
    const first = await checkImport({ actor: cio, kind: "scores", fileName: "a.csv", bytes: csv(header, "RHW,DMI-2016,2017-REASSESSMENT,R1,50", "RHW,DMI-2016,2017-REASSESSMENT,R2,60") });
    await commitImport({ actor: cio, jobId: first.id });
    const db = await testDb();
    const [draft] = await db.select().from(assessments).where(and(eq(assessments.organisationId, s.byOds("RHW")), eq(assessments.periodId, s.period("2017-REASSESSMENT").id)));
    // By name rather than code, in another order, with a % sign.
    const second = await checkImport({
      actor: cio,
      kind: "scores",
      fileName: "b.csv",
      bytes: csv("Score,Domain,Period,Framework,ODS Code", "50,Strategic Alignment,Reassessment 2017,DMI-2016,rhw", "65%,R2,2017-REASSESSMENT,dmi-2016,RHW", "70,R3,2017-REASSESSMENT,DMI-2016,RHW"),
    });
    expect(second).toMatchObject({ rowCount: 3, created: 1, changed: 1, unchanged: 1, errorCount: 0 });
    await commitImport({ actor: cio, jobId: second.id });
    expect(await scoresOf("RHW", "2017-REASSESSMENT")).toEqual({ R1: 50, R2: 65, R3: 70 });
    const [after] = await db.select().from(assessments).where(eq(assessments.id, draft!.id));
    expect(after!.version).toBeGreaterThan(draft!.version);
    // A form opened before the import is refused rather than overwriting it.
    const full = Object.fromEntries(s.dmiDomains.map((d) => [d.code, 1]));
    const stale = await errorOf(saveAssessmentScores({ actor: cio, assessmentId: draft!.id, version: draft!.version, scores: full }));
    expect(stale?.code).toBe("conflict");
  });

  it("lists every invalid row with its line, column and reason, and cannot be committed", async () => {
    const cio = await actor(demo.cioOuh);
    const file = csv(
      header,
      "RTH,DMI-2016,2017-REASSESSMENT,R1,70",
      "XXX,DMI-2016,2017-REASSESSMENT,R1,70",
      "RTH,DMI-2016,2017-REASSESSMENT,Z9,70",
      "RTH,DMI-2016,2017-REASSESSMENT,R2,101",
      "RTH,DMI-2016,2017-REASSESSMENT,R1,71",
      "RTH,DMI-2016,2017-REASSESSMENT,R3,=A1+1",
      "RHW,DMI-2016,2017-REASSESSMENT,R4,70",
      "RTH,DMI-2016,2019,R5,70",
      "RTH,NOPE,2017-REASSESSMENT,R5,70",
      "RTH,DMI-2016,2017-REASSESSMENT,R6,",
      "RTH,DMI-2016,2017-REASSESSMENT,C1,6.5",
    );
    const job = await checkImport({ actor: cio, kind: "scores", fileName: "bad.csv", bytes: file });
    const view = await getImportJob({ jobId: job.id });
    expect(view!.errors.map((e) => [e.line, e.column])).toEqual([
      [3, "ods_code"],
      [4, "domain"],
      [5, "score"],
      [6, null],
      [7, "score"],
      [8, "ods_code"],
      [9, "period"],
      [10, "framework"],
      [11, "domain"],
      [11, "score"],
      [12, "score"],
    ]);
    const messages = view!.errors.map((e) => e.message).join("\n");
    expect(messages).toMatch(/Unknown ODS code “XXX”/);
    expect(messages).toMatch(/Unknown domain “Z9” in DMI-2016/);
    expect(messages).toMatch(/The score must be from 0 to 100 \(not 101\)/);
    expect(messages).toMatch(/Duplicate of line 2/);
    expect(messages).toMatch(/looks like a formula/);
    expect(messages).toMatch(/only import scores for your own organisations: Royal Berkshire/);
    expect(messages).toMatch(/Unknown period “2019”/);
    expect(messages).toMatch(/must be a whole number/);
    expect(job.errorCount).toBe(11);
    expect(await errorOf(commitImport({ actor: cio, jobId: job.id }))).toMatchObject({ code: "conflict" });
    expect(await scoresOf("RTH", "2017-REASSESSMENT")).not.toHaveProperty("R1", 70);
  });

  it("names a missing column, a file in the wrong encoding, and a formula in a workbook", async () => {
    const admin = await actor(demo.admin);
    const missing = await checkImport({ actor: admin, kind: "scores", fileName: "m.csv", bytes: csv("ods_code,framework,period,score", "RTH,DMI-2016,2017-REASSESSMENT,5") });
    expect((await getImportJob({ jobId: missing.id }))!.errors).toEqual([{ line: 1, column: "domain", message: expect.stringMatching(/Missing column domain/) }]);

    const latin1 = new Uint8Array([...new TextEncoder().encode(`${header}\r\nRTH,DMI-2016,2017-REASSESSMENT,R1,5\r\n`), ...[0x52, 0x54, 0x48, 0x2c, 0xa3, 0x0d, 0x0a]]);
    const encoding = await checkImport({ actor: admin, kind: "scores", fileName: "w.csv", bytes: latin1 });
    expect((await getImportJob({ jobId: encoding.id }))!.errors).toEqual([{ line: 3, column: null, message: expect.stringMatching(/not UTF-8/) }]);

    const book = await xlsx([header.split(","), ["RTH", "DMI-2016", "2017-REASSESSMENT", "R1", { formula: "50+5", result: 55 }], ["RTH", "DMI-2016", "2017-REASSESSMENT", "R2", 55]]);
    const formula = await checkImport({ actor: admin, kind: "scores", fileName: "f.xlsx", bytes: book });
    expect(formula).toMatchObject({ rowCount: 2, errorCount: 1 });
    expect((await getImportJob({ jobId: formula.id }))!.errors).toEqual([{ line: 2, column: "score", message: expect.stringMatching(/is a formula \(=50\+5\)/) }]);
  });

  it("refuses to change an approved assessment's scores but accepts the same scores unchanged", async () => {
    const admin = await actor(demo.admin);
    const baseline = baselineScores().RXQ;
    const same = csv(header, ...Object.entries(baseline).map(([code, v]) => `RXQ,DMI-2016,2016-BASELINE,${code},${v}`));
    expect(await checkImport({ actor: admin, kind: "scores", fileName: "same.csv", bytes: same })).toMatchObject({ unchanged: 14, errorCount: 0 });
    const changed = await checkImport({ actor: admin, kind: "scores", fileName: "diff.csv", bytes: csv(header, `RXQ,DMI-2016,2016-BASELINE,R1,${baseline.R1! + 1}`) });
    expect((await getImportJob({ jobId: changed.id }))!.errors[0]!.message).toMatch(/is approved, so its scores cannot change/);
  });

  it("commits nothing when the data changed after the preview, and shows the new errors", async () => {
    const admin = await actor(demo.admin);
    const cio = await actor(demo.cioRbft);
    const job = await checkImport({ actor: cio, kind: "scores", fileName: "late.csv", bytes: csv(header, "RWX,DMI-2016,2017-REASSESSMENT,R1,10") });
    expect(job.errorCount).toBe(1); // not their trust: checked first
    const own = await checkImport({ actor: admin, kind: "scores", fileName: "late.csv", bytes: csv(header, "RWX,DMI-2016,2017-REASSESSMENT,R1,10", "RWX,DMI-2016,2017-REASSESSMENT,R2,11") });
    // Meanwhile the period closes for new assessments.
    const db = await testDb();
    const { assessmentPeriods } = await import("@/db/schema");
    await db.update(assessmentPeriods).set({ isOpen: false }).where(eq(assessmentPeriods.id, s.period("2017-REASSESSMENT").id));
    try {
      const before = await auditCount();
      const error = await errorOf(commitImport({ actor: admin, jobId: own.id }));
      expect(error?.code).toBe("conflict");
      expect(error?.message).toMatch(/Nothing was imported/);
      expect(await scoresOf("RWX", "2017-REASSESSMENT")).toEqual({});
      expect(await auditCount()).toBe(before);
      const view = await getImportJob({ jobId: own.id });
      expect(view).toMatchObject({ status: "checked", errorCount: 2 });
      expect(view!.errors[0]!.message).toMatch(/closed for new assessments/);
    } finally {
      await db.update(assessmentPeriods).set({ isOpen: true }).where(eq(assessmentPeriods.id, s.period("2017-REASSESSMENT").id));
    }
  });

  it("commits nothing when the file would now do other than its preview showed", async () => {
    const admin = await actor(demo.admin);
    const file = csv(header, "RXQ,DMI-2016,2017-REASSESSMENT,R1,44", "RXQ,DMI-2016,2017-REASSESSMENT,R2,45");
    const first = await checkImport({ actor: admin, kind: "scores", fileName: "one.csv", bytes: file });
    expect(first).toMatchObject({ created: 2, errorCount: 0 });
    // Meanwhile someone else imports one of the same scores.
    const other = await checkImport({ actor: admin, kind: "scores", fileName: "other.csv", bytes: csv(header, "RXQ,DMI-2016,2017-REASSESSMENT,R1,44") });
    await commitImport({ actor: admin, jobId: other.id });
    const before = await auditCount();
    const error = await errorOf(commitImport({ actor: admin, jobId: first.id }));
    expect(error?.code).toBe("conflict");
    expect(error?.message).toMatch(/would now add 1, change 0 and leave 1 alone/);
    expect(await auditCount()).toBe(before);
    expect(await scoresOf("RXQ", "2017-REASSESSMENT")).toEqual({ R1: 44 });
    // The preview now shows what it would do, and can be imported as it stands.
    expect(await getImportJob({ jobId: first.id })).toMatchObject({ status: "checked", created: 1, unchanged: 1, errorCount: 0 });
    await commitImport({ actor: admin, jobId: first.id });
    expect(await scoresOf("RXQ", "2017-REASSESSMENT")).toEqual({ R1: 44, R2: 45 });
  });

  it("commits a file once, even when two commits arrive together; a discarded file cannot be committed", async () => {
    const cio = await actor(demo.cioOuh);
    const job = await checkImport({ actor: cio, kind: "scores", fileName: "twice.csv", bytes: csv(header, "RTH,DMI-2016,2017-REASSESSMENT,R1,33") });
    expect(job.errorCount).toBe(0);
    const results = await Promise.allSettled([commitImport({ actor: cio, jobId: job.id }), commitImport({ actor: cio, jobId: job.id })]);
    expect(results.map((r) => r.status).sort()).toEqual(["fulfilled", "rejected"]);
    const db = await testDb();
    const committed = await db.select().from(auditLog).where(and(eq(auditLog.action, "import.committed"), eq(auditLog.entityId, job.id)));
    expect(committed).toHaveLength(1);

    const other = await checkImport({ actor: cio, kind: "scores", fileName: "drop.csv", bytes: csv(header, "RTH,DMI-2016,2017-REASSESSMENT,R2,34") });
    await discardImport({ actor: cio, jobId: other.id });
    expect(await errorOf(commitImport({ actor: cio, jobId: other.id }))).toMatchObject({ code: "conflict" });
    // Someone else's import is not found for another user.
    expect(await errorOf(commitImport({ actor: await actor(demo.admin), jobId: job.id }))).toMatchObject({ code: "not_found" });
  });

  it("is refused to roles that cannot edit scores", async () => {
    for (const email of [demo.viewer, demo.board, demo.ccio]) {
      const error = await errorOf(checkImport({ actor: await actor(email), kind: "scores", fileName: "x.csv", bytes: csv(header, "RTH,DMI-2016,2017-REASSESSMENT,R1,1") }));
      expect(error?.code, email).toBe("forbidden");
    }
  });
});

describe("importing national averages and targets", () => {
  it("lets an administrator set national averages, and no one else", async () => {
    const file = csv("framework,period,domain,score", "DMI-2016,2017-REASSESSMENT,R1,66", "DMI-2016,2017-REASSESSMENT,R2,67", `DMI-2016,2016-BASELINE,R1,${baselineScores().NATIONAL.R1}`);
    expect(await errorOf(checkImport({ actor: await actor(demo.cioOuh), kind: "national-averages", fileName: "n.csv", bytes: file }))).toMatchObject({ code: "forbidden" });
    const admin = await actor(demo.admin);
    const job = await checkImport({ actor: admin, kind: "national-averages", fileName: "n.csv", bytes: file });
    expect(job).toMatchObject({ created: 2, unchanged: 1, errorCount: 0 });
    await commitImport({ actor: admin, jobId: job.id });
    const db = await testDb();
    const rows = await db.select().from(nationalAverages).where(eq(nationalAverages.periodId, s.period("2017-REASSESSMENT").id));
    expect(rows.map((r) => [r.domainId, r.score]).sort()).toEqual([[s.domainId("R1"), 66], [s.domainId("R2"), 67]].sort());
  });

  it("sets targets within each role's reach, with history", async () => {
    const board = await actor(demo.board);
    const file = csv("scope,place,framework,domain,financial_year,score", "footprint,OXON,DMI-2016,C4,2019/20,70", "system,BOB,DMI-2016,C4,2019/20,72", "organisation,RTH,DMI-2016,C4,2019/20,90");
    const job = await checkImport({ actor: board, kind: "targets", fileName: "t.csv", bytes: file });
    expect((await getImportJob({ jobId: job.id }))!.errors).toEqual([{ line: 4, column: "place", message: expect.stringMatching(/own organisations/) }]);
    const cio = await actor(demo.cioOuh);
    const cioJob = await checkImport({ actor: cio, kind: "targets", fileName: "t.csv", bytes: file });
    expect((await getImportJob({ jobId: cioJob.id }))!.errors.map((e) => e.line)).toEqual([2, 3]);
    const ok = await checkImport({ actor: board, kind: "targets", fileName: "t.csv", bytes: csv("scope,place,framework,domain,financial_year,score", "footprint,OXON,DMI-2016,C4,2019/20,70", "system,BOB,DMI-2016,C4,2019-20,72") });
    expect(ok).toMatchObject({ created: 2, errorCount: 0 });
    await commitImport({ actor: board, jobId: ok.id });
    const db = await testDb();
    const rows = await db.select().from(targets).where(and(eq(targets.domainId, s.domainId("C4")), eq(targets.financialYear, 2019)));
    expect(rows.map((r) => [r.scope, r.score]).sort()).toEqual([["footprint", 70], ["system", 72]]);
    const history = await db.select().from(auditLog).where(and(eq(auditLog.action, "target.set"), eq(auditLog.actorId, board.id)));
    expect(history).toHaveLength(2);
    const changed = await checkImport({ actor: board, kind: "targets", fileName: "t2.csv", bytes: csv("scope,place,framework,domain,financial_year,score", "footprint,Oxfordshire,DMI-2016,C4,2019/20,75") });
    expect(changed).toMatchObject({ changed: 1, errorCount: 0 });
    await commitImport({ actor: board, jobId: changed.id });
    const [updated] = await db.select().from(targets).where(and(eq(targets.scope, "footprint"), eq(targets.domainId, s.domainId("C4")), eq(targets.financialYear, 2019)));
    expect([updated!.score, updated!.version]).toEqual([75, 2]);
  });
});

describe("importing projects", () => {
  // Every column is in the header (a blank cell clears a value; a missing column is refused).
  const head = "code,title,description,domain,stp_priority,programme,owners,footprints,from_year,to_year,start_on,end_on,status,rag,rag_reason,enables,supports";
  const row = (cells: Record<string, string>) =>
    head
      .split(",")
      .map((c) => cells[c] ?? "")
      .map((v) => (/[",]/.test(v) ? `"${v.replaceAll('"', '""')}"` : v))
      .join(",");
  it("adds new codes and changes known ones the CIO's organisations own, with history, once", async () => {
    const { projects: seedProjects } = await import("@/db/seed/bob-portfolio");
    const { projects, projectCapabilities, universalCapabilities } = await import("@/db/schema");
    const ours = seedProjects.find((p) => p.ownerOdsCodes.length === 1 && p.ownerOdsCodes[0] === "RTH")!;
    const cio = await actor(demo.cioOuh);
    const file = csv(
      head,
      row({ code: "IMP-OUH-1", title: "Discharge summaries, electronically", domain: "C2", stp_priority: "Records sharing, care planning", owners: "RTH", footprints: "OXON", from_year: "2017/18", to_year: "2018/19", status: "in flight", rag: "amber", rag_reason: "Supplier delay", enables: "5", supports: "2;9" }),
      row({ code: ours.code, title: ours.title, domain: ours.domainCode, stp_priority: ours.stpPriority, owners: "RTH", from_year: "2016/17", to_year: "2016/17", status: "delivered", rag: "green" }),
    );
    const job = await checkImport({ actor: cio, kind: "projects", fileName: "p.csv", bytes: file });
    expect(await getImportJob({ jobId: job.id }).then((j) => j!.errors)).toEqual([]);
    expect(job).toMatchObject({ created: 1, changed: 1, errorCount: 0 });
    await commitImport({ actor: cio, jobId: job.id });
    const db = await testDb();
    const [added] = await db.select().from(projects).where(eq(projects.code, "IMP-OUH-1"));
    expect(added).toMatchObject({ title: "Discharge summaries, electronically", status: "in_flight", rag: "amber", ragReason: "Supplier delay", fromYear: 2017, toYear: 2018 });
    const links = await db
      .select({ uc: universalCapabilities.number, role: projectCapabilities.role })
      .from(projectCapabilities)
      .innerJoin(universalCapabilities, eq(universalCapabilities.id, projectCapabilities.capabilityId))
      .where(eq(projectCapabilities.projectId, added!.id));
    expect(links.sort((a, b) => a.uc - b.uc)).toEqual([
      { uc: 2, role: "S" },
      { uc: 5, role: "E" },
      { uc: 9, role: "S" },
    ]);
    const [changed] = await db.select().from(projects).where(eq(projects.code, ours.code));
    expect(changed!.status).toBe("delivered");
    const history = await db.select().from(auditLog).where(and(eq(auditLog.actorId, cio.id), eq(auditLog.entityType, "project")));
    expect(history.map((h) => h.action).sort()).toEqual(["project.created", "project.updated"]);
    const again = await checkImport({ actor: cio, kind: "projects", fileName: "p.csv", bytes: file });
    expect(again).toMatchObject({ created: 0, changed: 0, unchanged: 2, errorCount: 0 });
  });

  it("refuses projects the CIO's organisations do not own, and what the form would refuse", async () => {
    const { projects: seedProjects } = await import("@/db/seed/bob-portfolio");
    const notOurs = seedProjects.find((p) => !p.ownerOdsCodes.includes("RTH"))!;
    const cio = await actor(demo.cioOuh);
    const file = csv(
      head,
      row({ code: "IMP-OUH-2", title: "Given away", domain: "C2", stp_priority: "Provider digital maturity", owners: "RHW", from_year: "2017/18", to_year: "2017/18", status: "planned" }),
      row({ code: notOurs.code, title: "Taken over", domain: "C2", stp_priority: "Provider digital maturity", owners: "RTH", from_year: "2017/18", to_year: "2017/18", status: "planned" }),
      row({ code: "IMP-OUH-3", title: "Red without reason", domain: "C2", stp_priority: "Provider digital maturity", owners: "RTH", from_year: "2017/18", to_year: "2017/18", status: "in flight", rag: "red" }),
      row({ code: "IMP-OUH-4", title: "Backwards", domain: "C9", stp_priority: "Nothing", owners: "RTH", footprints: "NOWHERE", from_year: "2018/19", to_year: "2017/18", status: "finished", rag: "purple", enables: "11" }),
    );
    const job = await checkImport({ actor: cio, kind: "projects", fileName: "p.csv", bytes: file });
    const errors = (await getImportJob({ jobId: job.id }))!.errors;
    expect(errors.map((e) => [e.line, e.column])).toEqual([
      [2, "owners"],
      [3, "code"],
      [4, "rag_reason"],
      [5, "domain"],
      [5, "stp_priority"],
      [5, "footprints"],
      [5, "status"],
      [5, "rag"],
      [5, "enables"],
    ]);
    expect(errors[2]!.message).toBe("Say why the project is red");
  });

  it("refuses a file that leaves columns out, rather than clearing those fields", async () => {
    const cio = await actor(demo.cioOuh);
    const job = await checkImport({ actor: cio, kind: "projects", fileName: "short.csv", bytes: csv("code,title,domain,stp_priority,owners,from_year,to_year,status", "IMP-OUH-1,Short,C2,Provider digital maturity,RTH,2017/18,2017/18,planned") });
    const errors = (await getImportJob({ jobId: job.id }))!.errors;
    expect(errors.map((e) => e.column)).toEqual(["description", "programme", "footprints", "start_on", "end_on", "rag", "rag_reason", "enables", "supports"]);
    expect(errors.every((e) => e.line === 1 && /^Missing column/.test(e.message))).toBe(true);
  });
});
