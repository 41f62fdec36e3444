import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { normaliseOrganisationName } from "@/lib/ods/names";

// Words as names are written in the lists we read (ASCII: ODS and NHS England's files
// have no other letters), with the punctuation they carry.
const word = fc.stringMatching(/^[A-Za-z0-9][A-Za-z0-9'.,()-]{0,9}$/);
const words = fc.array(fc.oneof(word, fc.constantFrom("NHS", "Trust", "Foundation", "The", "St.", "King's", "&", "and")), { minLength: 1, maxLength: 8 });
const spaces = fc.stringMatching(/^[ \t]{1,3}$/);

/** The words joined by runs of spaces, with spaces before and after. */
const spaced = fc.tuple(words, fc.array(spaces, { minLength: 9, maxLength: 9 })).map(([ws, gaps]) => ({
  words: ws,
  text: `${gaps[0]}${ws.map((w, i) => `${w}${gaps[i + 1]}`).join("")}`,
}));

describe("normaliseOrganisationName", () => {
  it("gives one key for the spellings that publications use", () => {
    const same = (a: string, b: string) => expect(normaliseOrganisationName(a)).toBe(normaliseOrganisationName(b));
    same("THE QUEEN ELIZABETH HOSPITAL, KING'S LYNN, NHS FOUNDATION TRUST", "Queen Elizabeth Hospital Kings Lynn NHS Foundation Trust");
    same("PORTSMOUTH HOSPITALS UNIVERSITY NATIONAL HEALTH SERVICE TRUST", "Portsmouth Hospitals University NHS Trust");
    same("SHEFFIELD HEALTH & SOCIAL CARE NHS FOUNDATION TRUST", "Sheffield Health and Social Care NHS Foundation Trust");
    same("NHS STAFFORDSHIRE AND STOKE-ON-TRENT INTEGRATED CARE BOARD", "NHS Staffordshire and Stoke on Trent Integrated Care Board");
    same("GUY'S AND ST THOMAS' NHS FOUNDATION TRUST", "Guys and St. Thomas NHS Foundation Trust");
    expect(normaliseOrganisationName("  The Walton  Centre N.H.S. Foundation Trust ")).toBe("WALTON CENTRE NHS FOUNDATION TRUST");
  });

  it("keeps names apart that differ in more than spelling", () => {
    expect(normaliseOrganisationName("NHS Black Country Integrated Care Board")).not.toBe(normaliseOrganisationName("Black Country Healthcare NHS Foundation Trust"));
    expect(normaliseOrganisationName("Theatre Trust")).toBe("THEATRE TRUST");
    expect(normaliseOrganisationName("National Health Services Trust")).toBe("NATIONAL HEALTH SERVICES TRUST");
  });

  it("is idempotent", () => {
    fc.assert(
      fc.property(fc.oneof(fc.string({ maxLength: 40 }), fc.string({ unit: "binary", maxLength: 40 }), spaced.map((s) => s.text)), (name) => {
        const key = normaliseOrganisationName(name);
        expect(normaliseOrganisationName(key)).toBe(key);
      }),
      { numRuns: 500 },
    );
  });

  it("does not change with case or extra spaces", () => {
    fc.assert(
      fc.property(spaced, fc.array(fc.boolean(), { minLength: 80, maxLength: 80 }), ({ words: ws, text }, upper) => {
        const recased = [...text].map((c, i) => (upper[i % upper.length] ? c.toUpperCase() : c.toLowerCase())).join("");
        const key = normaliseOrganisationName(ws.join(" "));
        expect(normaliseOrganisationName(text)).toBe(key);
        expect(normaliseOrganisationName(recased)).toBe(key);
      }),
      { numRuns: 1000 },
    );
  });

  it("reads '&' as 'and', and 'National Health Service' as 'NHS'", () => {
    const swapped = (w: string) => (w === "&" ? "and" : w === "and" ? "&" : w === "NHS" ? "National Health Service" : w);
    fc.assert(
      fc.property(words, fc.array(fc.boolean(), { minLength: 8, maxLength: 8 }), (ws, swap) => {
        const other = ws.map((w, i) => (swap[i] ? swapped(w) : w));
        expect(normaliseOrganisationName(other.join(" "))).toBe(normaliseOrganisationName(ws.join(" ")));
      }),
      { numRuns: 1000 },
    );
  });
});
