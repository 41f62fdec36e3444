import { readFile } from "node:fs/promises";
import path from "node:path";
import { parseIcbs, parseRegions, parseTrusts, type OdsIcb, type OdsRegion, type OdsTrust } from "./reference";

// The five lists as shipped in data/reference/ods: the trusts and ICBs before the April
// 2026 ICB mergers and after them, and the regions.
export const odsFiles = {
  trusts2025: "trusts-2025-07.csv",
  trusts2026: "trusts-2026.csv",
  icbs2024: "icbs-2024.csv",
  icbs2026: "icbs-2026.csv",
  regions: "regions.csv",
} as const;

export interface OdsReference {
  trusts2025: OdsTrust[];
  trusts2026: OdsTrust[];
  icbs2024: OdsIcb[];
  icbs2026: OdsIcb[];
  regions: OdsRegion[];
}

export async function readOdsReference(dir: string): Promise<OdsReference> {
  const read = (file: string) => readFile(path.join(dir, file), "utf8");
  const [trusts2025, trusts2026, icbs2024, icbs2026, regions] = await Promise.all([
    read(odsFiles.trusts2025),
    read(odsFiles.trusts2026),
    read(odsFiles.icbs2024),
    read(odsFiles.icbs2026),
    read(odsFiles.regions),
  ]);
  return {
    trusts2025: parseTrusts(trusts2025),
    trusts2026: parseTrusts(trusts2026),
    icbs2024: parseIcbs(icbs2024),
    icbs2026: parseIcbs(icbs2026),
    regions: parseRegions(regions),
  };
}
