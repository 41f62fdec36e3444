import { eq } from "drizzle-orm";
import type { Database } from "../client";
import { assessmentPeriods, frameworkDomains, frameworkSections, frameworks } from "../schema";
import { pillars } from "@/lib/dma/pillars";

// NHS England's Digital Maturity Assessment at the granularity it publishes: the seven
// "What Good Looks Like" pillars, each scored 1–5 with one decimal, per care setting.
// Its domain question sets are not public, so the app holds none: a pillar is a domain
// here, in one section. The overall score is stored as published (assessments.published_overall).
export const dmaFramework = {
  code: "NHSE-DMA",
  name: "NHS England Digital Maturity Assessment",
  version: "What Good Looks Like, pillar level",
  publishedOn: "2026-03-30",
  scaleMin: 1,
  scaleMax: 5,
  scoreDecimals: 1,
  unit: "",
  careSettings: ["acute", "community", "mental-health", "ambulance", "icb"] as ("acute" | "community" | "mental-health" | "ambulance" | "icb")[],
  source: "NHS England, Digital Maturity Assessment 2025 results data file (version 2), 30 March 2026. Contains public sector information from NHS England, licensed under the Open Government Licence v3.0.",
};

/** A collection year's period: NHS England collected the 2025 assessment April–June 2025. */
export const dmaPeriodOf = (year: number) => ({ code: `DMA-${year}`, name: `DMA ${year}`, assessedOn: `${year}-06-30` });

const shortNames: Record<string, string> = { WL: "Well led", SF: "Smart foundations", SP: "Safe practice", SW: "Workforce", EP: "Empower people", IC: "Improve care", HP: "Healthy populations" };

/** The DMA framework and its 2024 and 2025 periods, unless it is there. Returns its id. */
export async function seedDmaFramework(db: Database): Promise<string> {
  const [found] = await db.select({ id: frameworks.id }).from(frameworks).where(eq(frameworks.code, dmaFramework.code));
  if (found) return found.id;
  return db.transaction(async (tx) => {
    const [framework] = await tx.insert(frameworks).values(dmaFramework).returning();
    const [section] = await tx
      .insert(frameworkSections)
      .values({ frameworkId: framework!.id, code: "WGLL", name: "What Good Looks Like pillars", position: 1 })
      .returning();
    await tx.insert(frameworkDomains).values(
      pillars.map((p) => ({ frameworkId: framework!.id, sectionId: section!.id, code: p.code, name: p.name, shortName: shortNames[p.code]!, position: p.position })),
    );
    await tx.insert(assessmentPeriods).values([2024, 2025].map((year) => ({ ...dmaPeriodOf(year), frameworkId: framework!.id })));
    return framework!.id;
  });
}
