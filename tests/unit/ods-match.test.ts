import { readFileSync } from "node:fs";
import path from "node:path";
import ExcelJS from "exceljs";
import { beforeAll, describe, expect, it } from "vitest";
import { buildNameIndex, matchName, type NameEntry, type NameIndex } from "@/lib/ods/match";
import { readOdsReference, type OdsReference } from "@/lib/ods/read-files";

const root = path.join(import.meta.dirname, "../..");

/** The names in one column of a published DMA sheet, read with ExcelJS, not the DMA reader. */
async function namesInSheet(sheetName: string, column: string, heading: string): Promise<string[]> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(readFileSync(path.join(root, "data/reference/dma/NHSE_DMA_2025_Results_Data_File_v2.xlsx")) as unknown as ArrayBuffer);
  const sheet = workbook.getWorksheet(sheetName)!;
  const names = new Set<string>();
  let line = 1;
  while (sheet.getRow(line).getCell(column).value !== heading) line++;
  // The table ends at its first blank row; the publisher's notes follow.
  for (let value = sheet.getRow(++line).getCell(column).value; typeof value === "string"; value = sheet.getRow(++line).getCell(column).value) names.add(value);
  return [...names];
}

describe("matching the 2025 DMA's names to ODS codes", () => {
  let ods: OdsReference;
  let index: NameIndex;
  beforeAll(async () => {
    ods = await readOdsReference(path.join(root, "data/reference/ods"));
    const entries: NameEntry[] = [
      ...ods.trusts2025.map((t) => ({ code: t.odsCode, name: t.name, kind: "trust" })),
      ...ods.icbs2024.map((i) => ({ code: i.code, name: i.name, kind: "icb" })),
    ];
    const built = buildNameIndex(entries);
    expect(built.ambiguous).toEqual([]);
    index = built.index;
  });

  it("matches every provider but the three care trusts ODS's trust list leaves out", async () => {
    const providers = await namesInSheet("SC - 2025 Pillar Summary", "D", "Provider");
    expect(providers).toHaveLength(204);
    const unmatched = providers.filter((name) => matchName(index, name, "trust") === null).sort();
    // Care trusts have T codes (TAJ, TAD, TAH) and are not NHS trusts in ODS's sense, so
    // trusts-2025-07.csv has none of them under any spelling: grep finds no "BLACK COUNTRY
    // HEALTHCARE", "BRADFORD DISTRICT" or "SHEFFIELD HEALTH" there.
    expect(unmatched).toEqual([
      "BLACK COUNTRY HEALTHCARE NHS FOUNDATION TRUST",
      "BRADFORD DISTRICT CARE NHS FOUNDATION TRUST",
      "SHEFFIELD HEALTH & SOCIAL CARE NHS FOUNDATION TRUST",
    ]);
    for (const name of ["BLACK COUNTRY HEALTHCARE", "BRADFORD DISTRICT", "SHEFFIELD HEALTH"]) {
      expect(ods.trusts2025.some((t) => t.name.includes(name))).toBe(false);
    }
  });

  it("matches names that are spelt differently from ODS", () => {
    expect(matchName(index, "PORTSMOUTH HOSPITALS UNIVERSITY NATIONAL HEALTH SERVICE TRUST", "trust")).toEqual({ code: "RHU", name: "PORTSMOUTH HOSPITALS UNIVERSITY NHS TRUST" });
    expect(matchName(index, "Royal Devon University Healthcare NHS Foundation Trust", "trust")?.code).toBe("RH8");
    expect(matchName(index, "Queen Elizabeth Hospital Kings Lynn NHS Foundation Trust", "trust")?.code).toBe("RCX");
  });

  it("finds the demo system's trusts", () => {
    expect(matchName(index, "OXFORD UNIVERSITY HOSPITALS NHS FOUNDATION TRUST", "trust")?.code).toBe("RTH");
    expect(matchName(index, "BUCKINGHAMSHIRE HEALTHCARE NHS TRUST", "trust")?.code).toBe("RXQ");
    expect(matchName(index, "SOUTH CENTRAL AMBULANCE SERVICE NHS FOUNDATION TRUST", "trust")?.code).toBe("RYE");
  });

  it("matches every ICB in the ICB sheet to the 2024 ICB list, and no ICB to a trust", async () => {
    const icbs = await namesInSheet("ICB - 2025 Pillar Summary", "C", "ICS");
    expect(icbs).toHaveLength(42);
    const codes = icbs.map((name) => matchName(index, name, "icb")?.code);
    expect(codes.filter((c) => c === undefined)).toEqual([]);
    expect(new Set(codes)).toEqual(new Set(ods.icbs2024.map((i) => i.code)));
    expect(matchName(index, "NHS BUCKINGHAMSHIRE, OXFORDSHIRE AND BERKSHIRE WEST INTEGRATED CARE BOARD", "icb")?.code).toBe("QU9");
    expect(icbs.every((name) => matchName(index, name, "trust") === null)).toBe(true);
  });
});

describe("a name index", () => {
  const entries: NameEntry[] = [
    { code: "R1", name: "ST MARY'S HOSPITAL NHS TRUST", kind: "trust" },
    { code: "R2", name: "St Marys Hospital NHS Trust", kind: "trust" },
    { code: "R3", name: "NORTH NHS TRUST", kind: "trust" },
    { code: "R3", name: "NORTH NHS TRUST", kind: "trust" },
    { code: "Q1", name: "NHS NORTH INTEGRATED CARE BOARD", kind: "icb" },
  ];

  it("matches nothing for a key two codes share, and says which", () => {
    const { index, ambiguous } = buildNameIndex(entries);
    expect(ambiguous).toEqual([{ key: "ST MARYS HOSPITAL NHS TRUST", entries: [entries[0], entries[1]] }]);
    expect(matchName(index, "St Mary's Hospital NHS Trust")).toBeNull();
    // The same code listed twice (two editions of a list) is one organisation.
    expect(matchName(index, "North NHS Trust")).toEqual({ code: "R3", name: "NORTH NHS TRUST" });
    expect(matchName(index, "North NHS Trust", "icb")).toBeNull();
    expect(matchName(index, "Nowhere NHS Trust")).toBeNull();
  });

  it("consults a remembered name first, spelt any way, and reports one whose code it does not know", () => {
    const { index, unknownRemembered } = buildNameIndex(entries, {
      "St Mary's Hospital NHS Trust": "R2",
      "North NHS Trust": "Q1",
      "Bradford District Care NHS Foundation Trust": "TAD",
    });
    expect(matchName(index, "ST MARYS HOSPITAL NHS TRUST")).toEqual({ code: "R2", name: "St Marys Hospital NHS Trust" });
    expect(matchName(index, "north nhs trust")?.code).toBe("Q1");
    // Asked for a trust, the remembered ICB does not fit, so the name's own match stands.
    expect(matchName(index, "north nhs trust", "trust")?.code).toBe("R3");
    expect(unknownRemembered).toEqual([{ name: "Bradford District Care NHS Foundation Trust", code: "TAD" }]);
    expect(matchName(index, "Bradford District Care NHS Foundation Trust")).toBeNull();
  });
});
