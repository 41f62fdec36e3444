// ODS publishes names in capitals. People read "NHS Thames Valley Integrated Care Board"
// more easily than "NHS THAMES VALLEY INTEGRATED CARE BOARD", so names are shown in title
// case, keeping the words that are abbreviations in capitals and the small words small.

const keepUpper = new Set(["NHS", "ICB", "UK", "GP", "II", "III"]);
const keepLower = new Set(["and", "of", "the", "for", "in", "on", "at", "upon", "with"]);

function word(text: string, first: boolean): string {
  if (keepUpper.has(text)) return text;
  const lower = text.toLowerCase();
  if (!first && keepLower.has(lower)) return lower;
  // "KING'S" → "King's", "WESTON-SUPER-MARE" → "Weston-Super-Mare".
  return lower.replace(/(^|[-(])(\p{L})/gu, (_, before: string, letter: string) => before + letter.toUpperCase());
}

/** "NHS BUCKINGHAMSHIRE, OXFORDSHIRE AND BERKSHIRE WEST INTEGRATED CARE BOARD" → "NHS Buckinghamshire, Oxfordshire and Berkshire West Integrated Care Board". */
export function odsDisplayName(name: string): string {
  const words = name.trim().split(/\s+/);
  return words.map((w, i) => word(w, i === 0)).join(" ");
}

/** A short name for tables: "Integrated Care Board" → "ICB", "NHS Foundation Trust" / "NHS Trust" dropped. */
export function odsShortName(name: string): string {
  return odsDisplayName(name)
    .replace(/\s+Integrated Care Board$/, " ICB")
    .replace(/\s+NHS Foundation Trust$/, "")
    .replace(/\s+NHS Trust$/, "")
    .replace(/^The\s+/, "");
}
