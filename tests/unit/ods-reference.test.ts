import path from "node:path";
import { describe, expect, it } from "vitest";
import { readOdsReference } from "@/lib/ods/read-files";
import { parseIcbs, parseTrusts } from "@/lib/ods/reference";

const odsDir = path.join(import.meta.dirname, "../../data/reference/ods");

describe("the ODS reference lists", () => {
  it("reads the five shipped lists, quoted names with commas and all", async () => {
    const ods = await readOdsReference(odsDir);
    // Counts as data/reference/README.md gives them.
    expect([ods.trusts2025.length, ods.trusts2026.length, ods.icbs2024.length, ods.icbs2026.length, ods.regions.length]).toEqual([205, 202, 42, 36, 7]);
    expect(ods.trusts2025.find((t) => t.odsCode === "RX4")).toEqual({
      odsCode: "RX4",
      name: "CUMBRIA, NORTHUMBERLAND, TYNE AND WEAR NHS FOUNDATION TRUST",
      icbCode: "QHM",
      regionCode: "Y63",
      postcode: "NE3 3XT",
    });
    expect(ods.trusts2026.find((t) => t.odsCode === "G6V2S")).toMatchObject({ icbCode: "Z9B2Z", openDate: "2024-11-01" });
    // Welsh trusts: Q99/W00 in July 2025, no English ICB or region in 2026.
    expect(ods.trusts2025.find((t) => t.odsCode === "RQF")).toMatchObject({ icbCode: "Q99", regionCode: "W00" });
    expect(ods.trusts2026.find((t) => t.odsCode === "RQF")).toMatchObject({ icbCode: null, regionCode: null });
    expect(ods.icbs2024.find((i) => i.code === "QU9")?.name).toBe("NHS BUCKINGHAMSHIRE, OXFORDSHIRE AND BERKSHIRE WEST INTEGRATED CARE BOARD");
    expect(ods.regions).toContainEqual({ code: "Y59", name: "SOUTH EAST" });
  });

  it("refuses a list without a column the app relies on, or with one blank", () => {
    expect(() => parseIcbs("code,name\nQU9,NHS BOB ICB\n")).toThrow("The ODS ICB list has no icb_code column (its columns are code, name)");
    expect(() => parseTrusts("ods_code,name,icb_code,nhse_region_code,postcode\nRTH,,QU9,Y59,OX3 9DU\n")).toThrow("Line 2 of the ODS trust list: name is blank");
    expect(() => parseTrusts("ods_code,name,icb_code,nhse_region_code,postcode,open_date\nRTH,X,QU9,Y59,OX3 9DU,1/4/2026\n")).toThrow(/open_date must be a date written yyyymmdd/);
  });
});
