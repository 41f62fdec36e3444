import { groupBy } from "@/lib/group-by";
import { normaliseOrganisationName } from "@/lib/ods/names";
import { careSettingName } from "./care-settings";
import { pillarRecord } from "./pillars";
import type { SheetRecord } from "./sheet-rows";
import type { DmaError, DmaRow, DmaScope } from "./results";

// One row per organisation and care setting: the pillar sheet's scores with the overall
// sheet's averages beside them. The two sheets list the same organisations in different
// orders (and, once re-typed by hand, in different spellings), so they meet on the
// normalised name.

const recordKey = (r: SheetRecord) => `${r.careSetting}|${normaliseOrganisationName(r.organisation)}`;

function organisationInSetting(r: SheetRecord): string {
  return r.careSetting === "icb" ? r.organisation : `${r.organisation} (${careSettingName(r.careSetting)})`;
}

/** Two rows of one kind of sheet for one organisation and setting: which one to believe is not ours to guess. */
export function duplicateErrors(records: readonly SheetRecord[]): DmaError[] {
  const errors: DmaError[] = [];
  for (const group of groupBy(records, (r) => `${r.sheetKind}|${recordKey(r)}`).values()) {
    const [first, ...others] = group;
    for (const other of others) {
      const where = first!.sheet === other.sheet ? `Rows ${first!.line} and ${other.line} of '${other.sheet}'` : `Row ${first!.line} of '${first!.sheet}' and row ${other.line} of '${other.sheet}'`;
      errors.push({
        sheet: other.sheet,
        line: other.line,
        column: null,
        message: `${where} are both ${organisationInSetting(other)}: each organisation may appear once per care setting`,
      });
    }
  }
  return errors;
}

/** The rows, pillar sheets' first; `overallYears` are the years every row of a scope reports, null where it has none. */
export function mergeRecords(records: readonly SheetRecord[], overallYears: Record<DmaScope, readonly number[]>): DmaRow[] {
  const ordered = [...records.filter((r) => r.sheetKind === "pillars"), ...records.filter((r) => r.sheetKind === "overall")];
  return [...groupBy(ordered, recordKey).values()].map((group) => {
    const base = group[0]!;
    const found = Object.assign({}, ...group.map((r) => r.overall)) as Record<number, number | null>;
    return {
      sheet: base.sheet,
      line: base.line,
      kind: base.scope,
      region: base.region,
      system: base.system,
      organisation: base.organisation,
      careSetting: base.careSetting,
      pillars: base.pillars ?? pillarRecord(null),
      overall: Object.fromEntries(overallYears[base.scope].map((year) => [year, found[year] ?? null])),
    };
  });
}
