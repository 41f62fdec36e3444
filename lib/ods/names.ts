// One key per organisation however a publication spells it: NHS England's files, ODS
// and people typing names by hand differ in case, "&", punctuation, a leading "The"
// and, now and then, "National Health Service" written out in full.

/** The key two spellings of one organisation's name share, e.g. "QUEEN ELIZABETH HOSPITAL KINGS LYNN NHS FOUNDATION TRUST". */
export function normaliseOrganisationName(name: string): string {
  return (
    name
      .toUpperCase()
      .replace(/&/g, " AND ")
      // Dropped rather than spaced: "KING'S" must stay one word, "N.H.S." must become NHS.
      .replace(/['’‘`.]/g, "")
      .replace(/[^\p{L}\p{N}]+/gu, " ")
      .trim()
      .replace(/\bNATIONAL HEALTH SERVICE\b/g, "NHS")
      .replace(/^(THE )+/, "")
  );
}
