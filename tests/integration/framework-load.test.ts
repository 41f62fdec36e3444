// Loading a maturity framework from a file (db/commands/frameworks.ts): all of it in one
// transaction with its history row, or nothing; administrators only; a code once.
import { and, asc, count, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { loadFramework } from "@/db/commands/frameworks";
import { listFrameworksWithCounts } from "@/db/queries/frameworks";
import { getDb } from "@/db/client";
import { auditLog, frameworkDomains, frameworkSections, frameworks } from "@/db/schema";
import { toXlsx } from "@/lib/export/xlsx";
import { text, type Table } from "@/lib/export/table";
import { AppError } from "@/lib/errors";
import { actor, demo } from "../support/fixtures";

const header =
  "framework_code,framework_name,version,scale_min,scale_max,score_decimals,unit,section_code,section_name,domain_code,domain_name,domain_short_name,care_setting,level_1,level_2,level_3,level_4,level_5";
const csv = (...lines: string[]) => new TextEncoder().encode(`${header}\n${lines.join("\n")}\n`);

/** A small DMA-like framework: two pillars, domains for acute, community and every setting. */
function dmaFile(code: string, name = `Test DMA ${code}`) {
  const f = `${code},${name},2026,1,5,0,`;
  return csv(
    `${f},WL,Well led,${code}-WL-AC,Leadership,Leadership,acute,None,Some,Most,All,Exemplary`,
    `${f},WL,Well led,${code}-WL-CO,Leadership,,community,,,,,`,
    `${f},SF,Ensure smart foundations,${code}-SF,Infrastructure,,,Basic,Managed,,,`,
  );
}

async function counts() {
  const db = await getDb();
  const [[f], [s], [d], [a]] = await Promise.all([
    db.select({ n: count() }).from(frameworks),
    db.select({ n: count() }).from(frameworkSections),
    db.select({ n: count() }).from(frameworkDomains),
    db.select({ n: count() }).from(auditLog).where(eq(auditLog.action, "framework.loaded")),
  ]);
  return { frameworks: f!.n, sections: s!.n, domains: d!.n, history: a!.n };
}

const refusal = async (promise: Promise<unknown>) => {
  const error = await promise.then(() => null, (e: unknown) => e);
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
};

describe("loading a framework from a file", () => {
  it("previews without writing anything", async () => {
    const admin = await actor(demo.admin);
    const before = await counts();
    const outcome = await loadFramework({ actor: admin, bytes: dmaFile("PREVIEW-1"), commit: false });
    expect(outcome).toMatchObject({
      ok: true,
      committed: false,
      frameworkId: null,
      summary: {
        code: "PREVIEW-1",
        careSettings: ["acute", "community"],
        domainCount: 3,
        domainsBySetting: [
          { careSetting: "acute", domainCount: 2 },
          { careSetting: "community", domainCount: 2 },
        ],
      },
    });
    expect(await counts()).toEqual(before);
  });

  it("creates the framework, its sections and domains (per setting, with level descriptors) and a history row", async () => {
    const admin = await actor(demo.admin);
    const outcome = await loadFramework({ actor: admin, bytes: dmaFile("LOAD-1"), commit: true });
    if (!outcome.ok) throw new Error(JSON.stringify(outcome.errors));
    expect(outcome.committed).toBe(true);
    const db = await getDb();
    const [framework] = await db.select().from(frameworks).where(eq(frameworks.code, "LOAD-1"));
    expect(framework).toMatchObject({ id: outcome.frameworkId, name: "Test DMA LOAD-1", version: "2026", scaleMin: 1, scaleMax: 5, scoreDecimals: 0, unit: "", careSettings: ["acute", "community"] });
    const sections = await db.select().from(frameworkSections).where(eq(frameworkSections.frameworkId, framework!.id)).orderBy(asc(frameworkSections.position));
    expect(sections.map((s) => [s.code, s.name, s.position])).toEqual([
      ["WL", "Well led", 1],
      ["SF", "Ensure smart foundations", 2],
    ]);
    const sectionCode = new Map(sections.map((s) => [s.id, s.code]));
    const domains = await db.select().from(frameworkDomains).where(eq(frameworkDomains.frameworkId, framework!.id)).orderBy(asc(frameworkDomains.position));
    expect(domains.map((d) => [d.code, d.name, d.shortName, sectionCode.get(d.sectionId), d.position, d.careSetting, d.levelDescriptors])).toEqual([
      ["LOAD-1-WL-AC", "Leadership", "Leadership", "WL", 1, "acute", ["None", "Some", "Most", "All", "Exemplary"]],
      ["LOAD-1-WL-CO", "Leadership", "Leadership", "WL", 2, "community", null],
      ["LOAD-1-SF", "Infrastructure", "Infrastructure", "SF", 3, null, ["Basic", "Managed"]],
    ]);
    const history = await db.select().from(auditLog).where(and(eq(auditLog.entityType, "framework"), eq(auditLog.entityId, framework!.id)));
    expect(history).toHaveLength(1);
    expect(history[0]).toMatchObject({
      actorId: admin.id,
      action: "framework.loaded",
      before: null,
      after: {
        code: "LOAD-1",
        name: "Test DMA LOAD-1",
        version: "2026",
        scale: { min: 1, max: 5, decimals: 0, unit: "" },
        careSettings: ["acute", "community"],
        sections: 2,
        domains: 3,
        domainsBySetting: { acute: 2, community: 2 },
        describedDomains: 2,
      },
    });
    // The admin page lists it with its counts.
    expect((await listFrameworksWithCounts()).find((f) => f.code === "LOAD-1")).toMatchObject({ sectionCount: 2, domainCount: 3, careSettings: ["acute", "community"] });
  });

  it("loads an XLSX workbook with one setting, all, when no row names one", async () => {
    const admin = await actor(demo.admin);
    const names = header.split(",").slice(0, 13);
    const row = (code: string, name: string) => ["XLSX-1", "Excel index", "1", "0", "100", "0", "%", "R", "Readiness", code, name, null, null];
    const table: Table = { title: "Framework", columns: names.map((n) => text(n, n)), rows: [row("X1", "Strategy"), row("X2", "Leadership")].map((r) => Object.fromEntries(names.map((n, i) => [n, r[i] ?? null]))) };
    const outcome = await loadFramework({ actor: admin, bytes: await toXlsx(table), commit: true });
    expect(outcome).toMatchObject({ ok: true, summary: { careSettings: ["all"], domainCount: 2, scale: { min: 0, max: 100, unit: "%" } } });
    const db = await getDb();
    const [framework] = await db.select().from(frameworks).where(eq(frameworks.code, "XLSX-1"));
    expect(framework!.careSettings).toEqual(["all"]);
  });

  it("writes nothing from a file with errors, and says where they are", async () => {
    const admin = await actor(demo.admin);
    const before = await counts();
    const f = "BAD-1,Bad,1,1,5,0,";
    const outcome = await loadFramework({
      actor: admin,
      bytes: csv(`${f},WL,Well led,BAD-A,Fine,,acute,,,,,`, `${f},WL,Well led,BAD-B,Unknown setting,,hospice,,,,,`, `${f},WL,Well led,BAD-A,Again,,,,,,,`),
      commit: true,
    });
    expect(outcome).toMatchObject({ ok: false, errorCount: 2 });
    if (outcome.ok) return;
    expect(outcome.errors.map((e) => [e.line, e.column])).toEqual([
      [3, "care_setting"],
      [4, "domain_code"],
    ]);
    expect(await counts()).toEqual(before);
  });

  it("refuses a non-admin, records the refusal, and writes nothing", async () => {
    const db = await getDb();
    for (const email of [demo.cioOuh, demo.board, demo.ccio, demo.viewer]) {
      const someone = await actor(email);
      const before = await counts();
      for (const commit of [false, true]) {
        const error = await refusal(loadFramework({ actor: someone, bytes: dmaFile("NOPE-1"), commit }));
        expect(error.code).toBe("forbidden");
        expect(error.message).toBe("Only administrators can load maturity frameworks.");
      }
      expect(await counts()).toEqual(before);
      const refusals = await db.select().from(auditLog).where(and(eq(auditLog.action, "access.denied"), eq(auditLog.entityType, "framework"), eq(auditLog.actorId, someone.id)));
      expect(refusals).toHaveLength(2);
      expect(refusals[0]!.after).toEqual({ attempted: "framework.load", role: someone.role });
    }
  });

  it("refuses a code the app already has, in the preview and the load, whatever its case", async () => {
    const admin = await actor(demo.admin);
    const first = await loadFramework({ actor: admin, bytes: dmaFile("TWICE-1"), commit: true });
    expect(first.ok).toBe(true);
    const before = await counts();
    for (const commit of [false, true]) {
      const again = await loadFramework({ actor: admin, bytes: dmaFile("twice-1", "Another name"), commit });
      expect(again.ok).toBe(false);
      if (again.ok) return;
      expect(again.errors).toEqual([
        { line: 2, column: "framework_code", message: expect.stringMatching(/^The app already has a framework TWICE-1 \(Test DMA TWICE-1\)\. Frameworks are versioned data .*load it as a new framework$/) },
      ]);
    }
    // The seeded 2016 index, by its code.
    const seeded = await loadFramework({ actor: admin, bytes: dmaFile("DMI-2016"), commit: true });
    expect(seeded).toMatchObject({ ok: false, errors: [{ column: "framework_code" }] });
    expect(await counts()).toEqual(before);
  });

  it("refuses a name another framework has, since imports find frameworks by name too", async () => {
    const admin = await actor(demo.admin);
    const db = await getDb();
    const [dmi] = await db.select().from(frameworks).where(eq(frameworks.code, "DMI-2016"));
    const outcome = await loadFramework({ actor: admin, bytes: dmaFile("NEW-NAME-1", dmi!.name.toUpperCase()), commit: false });
    expect(outcome).toMatchObject({ ok: false, errors: [{ line: 2, column: "framework_name", message: expect.stringContaining(`already has a framework named “${dmi!.name}” (DMI-2016)`) }] });
  });

  it("refuses an empty file as a problem with the file, not a row", async () => {
    const admin = await actor(demo.admin);
    const error = await refusal(loadFramework({ actor: admin, bytes: new Uint8Array(), commit: false }));
    expect(error).toMatchObject({ code: "invalid", fieldErrors: { file: expect.any(String) } });
  });
});
