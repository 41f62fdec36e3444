import { describe, expect, it } from "vitest";
import { targetInputSchemaOn } from "@/lib/schemas/target";
import { dmaScale, dmiScale } from "../support/scales";

const form = (overrides: Record<string, string>) => ({
  scope: "system",
  scopeId: "6c1a3f0e-8b4e-4a51-9d62-3f0b8a2d4c11",
  frameworkId: "0f6d2a4b-1c3e-4f5a-8b7c-9d0e1f2a3b4c",
  domainId: "2b4c6d8e-0a1b-4c3d-9e5f-7a8b9c0d1e2f",
  financialYear: "2019/20",
  score: "75",
  ...overrides,
});

const errorsOf = (result: { success: boolean; error?: { issues: { path: PropertyKey[]; message: string }[] } }) =>
  Object.fromEntries((result.error?.issues ?? []).map((i) => [i.path.join("."), i.message]));

describe("a target form on its framework's scale", () => {
  it("reports a bad year and a score off the scale together", () => {
    const errors = errorsOf(targetInputSchemaOn(dmiScale).safeParse(form({ financialYear: "2030/32", score: "120" })));
    expect(errors.financialYear).toMatch(/2017\/18/);
    expect(errors.score).toBe("The target must be from 0 to 100 (not 120)");
  });

  it("takes one decimal on the DMA's 1–5 scale and refuses two or a score off it", () => {
    const dma = targetInputSchemaOn(dmaScale);
    expect(dma.safeParse(form({ score: "3.5" })).success).toBe(true);
    expect(errorsOf(dma.safeParse(form({ score: "3.25" }))).score).toBe("The target must have at most 1 decimal place (not 3.25)");
    expect(errorsOf(dma.safeParse(form({ score: "6" }))).score).toBe("The target must be from 1 to 5 (not 6)");
  });
});
