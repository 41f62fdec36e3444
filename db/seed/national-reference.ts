import { readFile } from "node:fs/promises";
import path from "node:path";
import { eq } from "drizzle-orm";
import type { Database } from "../client";
import { frameworks, users } from "../schema";
import { recordAudit } from "../commands/audit";
import { runDmaImport } from "../imports/dma-results";
import { dmaFramework, seedDmaFramework } from "./dma-framework";
import { loadOdsReference } from "./ods-reference";
import { readOdsReference } from "@/lib/ods/read-files";

// The national picture beside the demo's BOB: England's trusts and ICBs from ODS, the DMA
// framework, and, for the demo, NHS England's 2025 results loaded through the importer
// a user has, as the demo administrator, exactly as a person would from the Import page.

export const referenceFolder = path.join(process.cwd(), "data", "reference");
export const dmaWorkbookPath = path.join(referenceFolder, "dma", "NHSE_DMA_2025_Results_Data_File_v2.xlsx");

/** The ODS organisations and the DMA framework, unless the framework is there already. */
export async function seedNationalReference(db: Database): Promise<boolean> {
  const [found] = await db.select({ id: frameworks.id }).from(frameworks).where(eq(frameworks.code, dmaFramework.code));
  if (found) return false;
  await loadOdsReference(db, await readOdsReference(path.join(referenceFolder, "ods")));
  await seedDmaFramework(db);
  return true;
}

/**
 * The shipped 2025 results, imported by the demo administrator. Rows naming organisations
 * the ODS lists lack (three care trusts with T codes) are left out, and the history says so.
 */
export async function seedDmaResults(db: Database, adminEmail: string): Promise<boolean> {
  const [admin] = await db.select({ id: users.id, role: users.role }).from(users).where(eq(users.email, adminEmail));
  if (!admin || admin.role !== "admin") return false;
  const actor = { id: admin.id, role: admin.role, organisationIds: [] };
  const bytes = new Uint8Array(await readFile(dmaWorkbookPath));
  const options = { leaveOutUnmatched: true };
  const summary = await runDmaImport({ db, actor, bytes, commit: true, options });
  if (summary.errorCount > 0) throw new Error(`The shipped DMA workbook did not import: ${summary.errors[0]?.message}`);
  await recordAudit(db, {
    actorId: admin.id,
    action: "import.committed",
    entityType: "import",
    entityId: "seed:dma-2025",
    after: {
      kind: "dma-results",
      file: path.basename(dmaWorkbookPath),
      rows: summary.rowCount,
      created: summary.created,
      changed: summary.changed,
      unchanged: summary.unchanged,
      leftOut: summary.unmatched.map((u) => u.name),
    },
  });
  return true;
}
