import "server-only";
import { inArray, or, sql } from "drizzle-orm";
import { getDb, type Database } from "../client";
import { frameworkDomains, frameworkSections, frameworks } from "../schema";
import { recordAudit, recordDenied } from "./audit";
import { forbidden, invalid } from "@/lib/errors";
import { MAX_FRAMEWORK_FILE_BYTES, readFrameworkFile, summariseFramework, type FrameworkDefinition, type FrameworkSummary } from "@/lib/frameworks/file";
import type { ImportRowError } from "@/lib/import/header";
import { can, type Actor } from "@/lib/permissions";

export type LoadFrameworkOutcome =
  | { ok: true; committed: boolean; frameworkId: string | null; summary: FrameworkSummary }
  | { ok: false; errors: ImportRowError[]; errorCount: number };

/** Refuses (and records) anyone but an administrator, before a file is read. */
export async function authoriseFrameworkLoad(actor: Actor): Promise<void> {
  if (can(actor, "framework.load")) return;
  await recordDenied(await getDb(), actor, { action: "framework.load", entityType: "framework", entityId: "new" });
  throw forbidden("Only administrators can load maturity frameworks.");
}

/** A framework already known by this code or name, which imports would then confuse with the new one. */
async function clashWith(db: Database, framework: FrameworkDefinition): Promise<ImportRowError[]> {
  const keys = [framework.code, framework.name].map((k) => k.trim().toLowerCase());
  const existing = await db
    .select({ code: frameworks.code, name: frameworks.name })
    .from(frameworks)
    .where(or(inArray(sql`lower(${frameworks.code})`, keys), inArray(sql`lower(${frameworks.name})`, keys)));
  const errors: ImportRowError[] = [];
  const same = (a: string, b: string) => a.trim().toLowerCase() === b.trim().toLowerCase();
  const byCode = existing.find((f) => same(f.code, framework.code) || same(f.name, framework.code));
  if (byCode) {
    errors.push({
      line: framework.line,
      column: "framework_code",
      message: `The app already has a framework ${byCode.code} (${byCode.name}). Frameworks are versioned data and are never changed by a file: give this version a new code (such as ${framework.code}-V2) and load it as a new framework`,
    });
  }
  const byName = existing.find((f) => same(f.name, framework.name) || same(f.code, framework.name));
  if (byName) {
    errors.push({
      line: framework.line,
      column: "framework_name",
      message: `The app already has a framework named “${byName.name}” (${byName.code}): imports find frameworks by name as well as code, so give this one a name of its own (such as “${framework.name} ${framework.version}”)`,
    });
  }
  return errors;
}

function isUniqueViolation(error: unknown): boolean {
  const code = (e: unknown) => (e && typeof e === "object" && "code" in e ? String((e as { code: unknown }).code) : undefined);
  return (code(error) ?? code((error as { cause?: unknown } | null)?.cause)) === "23505";
}

/** Found inside the transaction: nothing is written, and the errors are the answer. */
class Clash extends Error {
  constructor(readonly errors: ImportRowError[]) {
    super("the framework clashes with one the app has");
  }
}

/**
 * Checks a framework file (CSV or XLSX) and, with `commit`, creates the framework, its
 * sections and domains and the history row, all in one transaction or nothing. Without
 * `commit` nothing is written: the summary is the preview. A file with problems, or a code
 * the app already has, gives the row errors instead.
 */
export async function loadFramework({ actor, bytes, commit }: { actor: Actor; bytes: Uint8Array; commit: boolean }): Promise<LoadFrameworkOutcome> {
  await authoriseFrameworkLoad(actor);
  if (bytes.length === 0) throw invalid("The file is empty.", { file: "Choose a file with a header row and one row per domain" });
  if (bytes.length > MAX_FRAMEWORK_FILE_BYTES) {
    throw invalid(`The file is larger than ${MAX_FRAMEWORK_FILE_BYTES / 1024} KB, more than any framework needs.`, { file: "Choose a smaller file" });
  }
  const read = await readFrameworkFile(bytes);
  if (!read.ok) return { ok: false, errors: read.errors, errorCount: read.errorCount };
  const { framework } = read;
  const summary = summariseFramework(framework);
  const db = await getDb();
  if (!commit) {
    const clash = await clashWith(db, framework);
    return clash.length > 0 ? { ok: false, errors: clash, errorCount: clash.length } : { ok: true, committed: false, frameworkId: null, summary };
  }
  try {
    const frameworkId = await db.transaction(async (tx) => {
      const clash = await clashWith(tx, framework);
      if (clash.length > 0) throw new Clash(clash);
      const [created] = await tx
        .insert(frameworks)
        .values({
          code: framework.code,
          name: framework.name,
          version: framework.version,
          scaleMin: framework.scale.min,
          scaleMax: framework.scale.max,
          scoreDecimals: framework.scale.decimals,
          unit: framework.scale.unit,
          careSettings: framework.careSettings,
        })
        .returning({ id: frameworks.id });
      const sections = await tx
        .insert(frameworkSections)
        .values(framework.sections.map((s, i) => ({ frameworkId: created!.id, code: s.code, name: s.name, position: i + 1 })))
        .returning({ id: frameworkSections.id, code: frameworkSections.code });
      const sectionId = new Map(sections.map((s) => [s.code, s.id]));
      await tx.insert(frameworkDomains).values(
        framework.domains.map((d, i) => ({
          frameworkId: created!.id,
          sectionId: sectionId.get(d.sectionCode)!,
          code: d.code,
          name: d.name,
          shortName: d.shortName,
          position: i + 1,
          careSetting: d.careSetting,
          levelDescriptors: d.levelDescriptors,
        })),
      );
      await recordAudit(tx, {
        actorId: actor.id,
        action: "framework.loaded",
        entityType: "framework",
        entityId: created!.id,
        after: {
          code: summary.code,
          name: summary.name,
          version: summary.version,
          scale: summary.scale,
          careSettings: summary.careSettings,
          sections: summary.sections.length,
          domains: summary.domainCount,
          domainsBySetting: Object.fromEntries(summary.domainsBySetting.map((s) => [s.careSetting, s.domainCount])),
          describedDomains: summary.describedDomainCount,
        },
      });
      return created!.id;
    });
    return { ok: true, committed: true, frameworkId, summary };
  } catch (error) {
    if (error instanceof Clash) return { ok: false, errors: error.errors, errorCount: error.errors.length };
    // Another load of the same code got there first.
    if (isUniqueViolation(error)) {
      const clash = await clashWith(db, framework);
      if (clash.length > 0) return { ok: false, errors: clash, errorCount: clash.length };
    }
    throw error;
  }
}
