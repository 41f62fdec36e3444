// OWASP "CSV injection": a spreadsheet treats text starting with = + - @ (and, in some,
// tab or carriage return) as a formula and runs it. Such text is written with a leading
// apostrophe, which spreadsheets show as text. Real numbers are numbers, never text, so
// they are left alone: -5 stays a number and only the text "-5" is escaped.

const formulaStart = /^[=+\-@\t\r]/;

export function startsLikeFormula(value: string): boolean {
  return formulaStart.test(value);
}

export function escapeFormula(value: string): string {
  return startsLikeFormula(value) ? `'${value}` : value;
}
