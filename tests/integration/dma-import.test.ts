import { readFileSync } from "node:fs";
import ExcelJS from "exceljs";
import { and, count, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { checkImport, commitImport, recheckDmaImport } from "@/db/commands/imports";
import { getImportJob } from "@/db/queries/imports";
import { getNationalAveragesByPeriod, getNationalMediansByPeriod } from "@/db/queries/maturity";
import { assessmentPeriods, assessments, auditLog, domainScores, frameworkDomains, frameworks, organisationNameMappings, organisations } from "@/db/schema";
import { dmaWorkbookPath } from "@/db/seed/national-reference";
import { AppError } from "@/lib/errors";
import { actor, demo } from "../support/fixtures";
import { testDb } from "../support/test-database";

// NHS England's 2025 workbook, as the demo seed imported it through the importer and as a
// user imports it again. Expected figures are read here straight from the workbook's
// cells, not through the app's reader.

const bytes = new Uint8Array(readFileSync(dmaWorkbookPath));
const pillarHeadings = ["Well Led", "Ensure Smart Foundations", "Safe Practice", "Support Workforce", "Empower People", "Improve Care", "Healthy Populations"];
const pillarCodes = ["WL", "SF", "SP", "SW", "EP", "IC", "HP"];

interface SheetRow {
  provider: string;
  setting: string;
  pillars: number[];
}

/** The secondary-care pillar sheet's rows, by reading cells under the headings. */
async function publishedRows(): Promise<SheetRow[]> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
  const sheet = workbook.worksheets.find((w) => w.name.trim() === "SC - 2025 Pillar Summary")!;
  let headerRow = 0;
  const column = new Map<string, number>();
  sheet.eachRow((row, n) => {
    if (headerRow) return;
    const texts = (row.values as unknown[]).map((v) => (typeof v === "string" ? v.trim() : ""));
    if (texts.includes("Provider") && texts.includes("Care Setting")) {
      headerRow = n;
      texts.forEach((t, i) => t && column.set(t, i));
    }
  });
  const rows: SheetRow[] = [];
  for (let n = headerRow + 1; n <= sheet.rowCount; n++) {
    const row = sheet.getRow(n);
    const provider = row.getCell(column.get("Provider")!).value;
    if (typeof provider !== "string" || !provider.trim()) break;
    rows.push({
      provider: provider.trim(),
      setting: String(row.getCell(column.get("Care Setting")!).value).trim(),
      pillars: pillarHeadings.map((h) => Number(row.getCell(column.get(h)!).value)),
    });
  }
  return rows;
}

async function dmaPeriod(code: string) {
  const db = await testDb();
  const [row] = await db
    .select({ id: assessmentPeriods.id })
    .from(assessmentPeriods)
    .innerJoin(frameworks, eq(frameworks.id, assessmentPeriods.frameworkId))
    .where(and(eq(frameworks.code, "NHSE-DMA"), eq(assessmentPeriods.code, code)));
  return row!.id;
}

async function domainIdsByCode() {
  const db = await testDb();
  const rows = await db
    .select({ id: frameworkDomains.id, code: frameworkDomains.code })
    .from(frameworkDomains)
    .innerJoin(frameworks, eq(frameworks.id, frameworkDomains.frameworkId))
    .where(eq(frameworks.code, "NHSE-DMA"));
  return new Map(rows.map((r) => [r.code, r.id]));
}

async function auditCount() {
  const db = await testDb();
  const [row] = await db.select({ n: count() }).from(auditLog);
  return row!.n;
}

let sheet: SheetRow[];
beforeAll(async () => {
  sheet = await publishedRows();
});

describe("NHS England's 2025 results, as the demo imported them", () => {
  it("holds Oxford University Hospitals' acute pillars as published (Well Led 2.0)", async () => {
    const db = await testDb();
    const published = sheet.find((r) => r.provider === "OXFORD UNIVERSITY HOSPITALS NHS FOUNDATION TRUST" && r.setting === "Acute")!;
    expect(published.pillars[0]).toBe(2);
    const rows = await db
      .select({ code: frameworkDomains.code, score: domainScores.score })
      .from(domainScores)
      .innerJoin(assessments, eq(assessments.id, domainScores.assessmentId))
      .innerJoin(organisations, eq(organisations.id, assessments.organisationId))
      .innerJoin(frameworkDomains, eq(frameworkDomains.id, domainScores.domainId))
      .where(and(eq(organisations.odsCode, "RTH"), eq(assessments.periodId, await dmaPeriod("DMA-2025")), eq(assessments.careSetting, "acute")));
    expect(Object.fromEntries(rows.map((r) => [r.code, r.score]))).toEqual(Object.fromEntries(pillarCodes.map((c, i) => [c, published.pillars[i]])));
  });

  it("gives the national acute mean and median per pillar over all 134 acute rows", async () => {
    const acute = sheet.filter((r) => r.setting === "Acute");
    expect(acute).toHaveLength(134);
    const ids = await domainIdsByCode();
    const periodId = await dmaPeriod("DMA-2025");
    const means = await getNationalAveragesByPeriod({ periodId, careSetting: "acute" });
    const medians = await getNationalMediansByPeriod({ periodId, careSetting: "acute" });
    pillarCodes.forEach((code, i) => {
      const values = acute.map((r) => r.pillars[i]!).sort((a, b) => a - b);
      const expectedMean = values.reduce((sum, v) => sum + v, 0) / values.length;
      const expectedMedian = (values[66]! + values[67]!) / 2;
      expect(means[ids.get(code)!], code).toBeCloseTo(expectedMean, 9);
      expect(medians[ids.get(code)!], code).toBeCloseTo(expectedMedian, 9);
    });
  });

  it("files Buckinghamshire Healthcare under two care settings, and South Central Ambulance under its lead ICB", async () => {
    const db = await testDb();
    const rows = await db
      .select({ ods: organisations.odsCode, setting: assessments.careSetting, system: assessments.systemId })
      .from(assessments)
      .innerJoin(organisations, eq(organisations.id, assessments.organisationId))
      .where(eq(assessments.periodId, await dmaPeriod("DMA-2025")));
    expect(rows.filter((r) => r.ods === "RXQ").map((r) => r.setting).sort()).toEqual(["acute", "community"]);
    const [qrl] = await db.select({ id: organisations.systemId }).from(organisations).where(eq(organisations.odsCode, "QRL"));
    expect(rows.find((r) => r.ods === "RYE")!.system).toBe(qrl!.id);
  });
});

describe("importing the workbook again", () => {
  it("changes nothing: every figure is already as published, and no history is written", async () => {
    const admin = await actor(demo.admin);
    const before = await auditCount();
    const job = await checkImport({ actor: admin, kind: "scores", fileName: "dma.xlsx", bytes, options: { leaveOutUnmatched: true } });
    expect(job.kind).toBe("dma-results");
    expect(job).toMatchObject({ created: 0, changed: 0, errorCount: 0 });
    expect(job.unchanged).toBeGreaterThan(0);
    const done = await commitImport({ actor: admin, jobId: job.id });
    expect(done).toMatchObject({ created: 0, changed: 0 });
    // Only the import itself is recorded.
    expect(await auditCount()).toBe(before + 1);
  });

  it("reads a copy re-saved by hand the same way: sheets renamed and reordered, header moved, names retyped", async () => {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
    for (const w of workbook.worksheets) {
      w.name = `Copy of ${w.name.trim()}`.slice(0, 31);
      w.spliceRows(1, 0, [], []);
      w.eachRow((row) =>
        row.eachCell((cell) => {
          // "OXFORD UNIVERSITY HOSPITALS NHS FOUNDATION TRUST" → "  Oxford  university hospitals nhs foundation trust "
          if (typeof cell.value === "string" && /TRUST|BOARD/.test(cell.value)) cell.value = `  ${cell.value.charAt(0)}${cell.value.slice(1).toLowerCase().replace(/ /, "  ")} `;
        }),
      );
    }
    workbook.worksheets.reverse().forEach((w, i) => ((w as unknown as { orderNo: number }).orderNo = i));
    const copy = new Uint8Array(await workbook.xlsx.writeBuffer());
    const admin = await actor(demo.admin);
    const job = await checkImport({ actor: admin, kind: "scores", fileName: "copy.xlsx", bytes: copy, options: { leaveOutUnmatched: true } });
    expect(job.kind).toBe("dma-results");
    expect(job).toMatchObject({ created: 0, changed: 0, errorCount: 0 });
    const original = await checkImport({ actor: admin, kind: "scores", fileName: "dma.xlsx", bytes, options: { leaveOutUnmatched: true } });
    expect(job.unchanged).toBe(original.unchanged);
    expect(job.rowCount).toBe(original.rowCount);
  });

  it("lists the names that match nothing, keeps the file, and imports a name once it is mapped", async () => {
    const admin = await actor(demo.admin);
    const job = await checkImport({ actor: admin, kind: "dma-results", fileName: "dma.xlsx", bytes });
    const unmatched = (job.options.unmatched ?? []).map((u) => u.name).sort();
    // Trusts missing from the shipped ODS lists, found independently of the app's matcher.
    expect(unmatched).toEqual(["BLACK COUNTRY HEALTHCARE NHS FOUNDATION TRUST", "BRADFORD DISTRICT CARE NHS FOUNDATION TRUST", "SHEFFIELD HEALTH & SOCIAL CARE NHS FOUNDATION TRUST"]);
    // One error per row of theirs, each naming it; and the file kept for the names to be settled.
    const view = await getImportJob({ jobId: job.id });
    expect(view!.hasContents).toBe(true);
    expect(view!.errors.every((e) => /no organisation in the app matches/.test(e.message) && unmatched.some((n) => e.message.includes(n)))).toBe(true);
    expect(job.errorCount).toBeGreaterThanOrEqual(sheet.filter((r) => unmatched.includes(r.provider)).length);

    // An organisation the lists lack, added by hand, then the name mapped to it.
    const db = await testDb();
    const [system] = await db.select({ id: organisations.systemId }).from(organisations).where(eq(organisations.odsCode, "RXA"));
    await db.insert(organisations).values({ odsCode: "TAD", name: "Bradford District Care NHS Foundation Trust", shortName: "Bradford District Care", type: "nhs_trust", systemId: system!.id });
    const mapped = await recheckDmaImport({ actor: admin, jobId: job.id, options: { mappings: { "BRADFORD DISTRICT CARE NHS FOUNDATION TRUST": "TAD" } } });
    expect((mapped.options.unmatched ?? []).map((u) => u.name)).not.toContain("BRADFORD DISTRICT CARE NHS FOUNDATION TRUST");
    expect(mapped.errorCount).toBeGreaterThan(0);

    // The rest left out, on the record.
    const ready = await recheckDmaImport({ actor: admin, jobId: job.id, options: { leaveOutUnmatched: true } });
    expect(ready.errorCount).toBe(0);
    expect(ready.created).toBeGreaterThan(0);
    await commitImport({ actor: admin, jobId: job.id });
    const bradford = sheet.filter((r) => r.provider === "BRADFORD DISTRICT CARE NHS FOUNDATION TRUST");
    const [tad] = await db.select({ id: organisations.id }).from(organisations).where(eq(organisations.odsCode, "TAD"));
    const imported = await db.select({ setting: assessments.careSetting }).from(assessments).where(and(eq(assessments.organisationId, tad!.id), eq(assessments.periodId, await dmaPeriod("DMA-2025"))));
    expect(imported).toHaveLength(bradford.length);
    const [remembered] = await db.select().from(organisationNameMappings).where(eq(organisationNameMappings.organisationId, tad!.id));
    expect(remembered!.name).toBe("BRADFORD DISTRICT CARE NHS FOUNDATION TRUST");
    const [history] = await db.select({ after: auditLog.after }).from(auditLog).where(and(eq(auditLog.action, "import.committed"), eq(auditLog.entityId, job.id)));
    expect((history!.after as { leftOut: string[] }).leftOut.sort()).toEqual(["BLACK COUNTRY HEALTHCARE NHS FOUNDATION TRUST", "SHEFFIELD HEALTH & SOCIAL CARE NHS FOUNDATION TRUST"]);
  });

  it("refuses a CIO: published national results are administrators' to import", async () => {
    const cio = await actor(demo.cioOuh);
    const refused = await checkImport({ actor: cio, kind: "scores", fileName: "dma.xlsx", bytes }).then(
      () => null,
      (e: unknown) => e,
    );
    expect(refused).toBeInstanceOf(AppError);
    expect((refused as AppError).status).toBe(403);
  });
});
