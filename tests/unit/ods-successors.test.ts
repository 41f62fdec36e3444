import path from "node:path";
import { describe, expect, it } from "vitest";
import { odsDisplayName, odsShortName } from "@/lib/ods/display-name";
import { readOdsReference } from "@/lib/ods/read-files";
import { successorsOf } from "@/lib/ods/successors";

const folder = path.join(process.cwd(), "data", "reference", "ods");

describe("which ICB each merged ICB became", () => {
  it("gives BOB's ICB (QU9) NHS Thames Valley (S0E4D), and no successor to an ICB that is still there", async () => {
    const ref = await readOdsReference(folder);
    const successors = successorsOf(ref);
    expect(successors.get("QU9")).toBe("S0E4D");
    const current = new Set(ref.icbs2026.map((i) => i.code));
    for (const from of successors.keys()) expect(current.has(from)).toBe(false);
    // Every ICB that is gone became one that exists: 42 − (ICBs kept) merged away.
    const gone = ref.icbs2024.filter((i) => !current.has(i.code));
    expect([...successors.keys()].sort()).toEqual(gone.map((i) => i.code).sort());
    for (const to of successors.values()) expect(current.has(to)).toBe(true);
  });

  it("follows most of an ICB's trusts when they split", () => {
    const trust = (odsCode: string, icbCode: string) => ({ odsCode, name: odsCode, icbCode, regionCode: null, postcode: "" });
    const successors = successorsOf({
      trusts2025: [trust("A", "OLD"), trust("B", "OLD"), trust("C", "OLD")],
      trusts2026: [trust("A", "NEW1"), trust("B", "NEW2"), trust("C", "NEW2")],
      icbs2024: [{ code: "OLD", name: "OLD" }],
      icbs2026: [
        { code: "NEW1", name: "NEW1" },
        { code: "NEW2", name: "NEW2" },
      ],
    });
    expect(successors.get("OLD")).toBe("NEW2");
  });
});

describe("names as people read them", () => {
  it.each([
    ["NHS BUCKINGHAMSHIRE, OXFORDSHIRE AND BERKSHIRE WEST INTEGRATED CARE BOARD", "NHS Buckinghamshire, Oxfordshire and Berkshire West Integrated Care Board"],
    ["KING'S COLLEGE HOSPITAL NHS FOUNDATION TRUST", "King's College Hospital NHS Foundation Trust"],
    ["THE ROYAL WOLVERHAMPTON NHS TRUST", "The Royal Wolverhampton NHS Trust"],
    ["UNIVERSITY HOSPITALS OF NORTH MIDLANDS NHS TRUST", "University Hospitals of North Midlands NHS Trust"],
  ])("%s → %s", (from, to) => {
    expect(odsDisplayName(from)).toBe(to);
  });

  it("shortens trusts and ICBs for tables", () => {
    expect(odsShortName("OXFORD UNIVERSITY HOSPITALS NHS FOUNDATION TRUST")).toBe("Oxford University Hospitals");
    expect(odsShortName("NHS THAMES VALLEY INTEGRATED CARE BOARD")).toBe("NHS Thames Valley ICB");
    expect(odsShortName("THE ROYAL WOLVERHAMPTON NHS TRUST")).toBe("Royal Wolverhampton");
  });
});
