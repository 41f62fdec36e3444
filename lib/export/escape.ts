// OWASP "CSV injection": a spreadsheet treats text starting with = + - @ (and, in some,
// tab or carriage return) as a formula and runs it. Excel also skips leading spaces, and
// East Asian input methods type the full-width forms (＝ ＋ － ＠, and the small forms
// ﹦ ﹢ ﹣ ﹫), which some spreadsheets fold to the ASCII ones. Such text is written with a
// leading apostrophe, which spreadsheets show as text. Real numbers are numbers, never
// text, so they are left alone: -5 stays a number and only the text "-5" is escaped.

const formulaStart = /^\s*[=+\-@\t\r\uFF1D\uFF0B\uFF0D\uFF20\uFE66\uFE62\uFE63\uFE6B]/u;

export function startsLikeFormula(value: string): boolean {
  return formulaStart.test(value);
}

export function escapeFormula(value: string): string {
  return startsLikeFormula(value) ? `'${value}` : value;
}
