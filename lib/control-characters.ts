// Control characters from a file, a form or an API body are dropped on the way in:
// PostgreSQL refuses NUL (U+0000) in text and JSON, which turned a stray one into a 500,
// and the rest (backspace, escape, form feed…) are never meant in a name, a code or a
// note. Tab, line feed and carriage return stay: they are legitimate in multi-line text
// (browsers send a textarea's line breaks as CR LF).

// U+0000–U+0008, U+000B, U+000C, U+000E–U+001F and DEL (U+007F).
const controlCharacters = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/g;

export function stripControlCharacters(text: string): string {
  return text.replace(controlCharacters, "");
}

/** The same for every string in parsed JSON, keys included. */
export function stripControlCharactersDeep(value: unknown): unknown {
  if (typeof value === "string") return stripControlCharacters(value);
  if (Array.isArray(value)) return value.map(stripControlCharactersDeep);
  if (value && typeof value === "object") {
    return Object.fromEntries(Object.entries(value).map(([key, inner]) => [stripControlCharacters(key), stripControlCharactersDeep(inner)]));
  }
  return value;
}

/**
 * A form's fields with the same done to every text value. Files are left as they are, and so
 * are passwords: they are hashed, never stored as text, and must match at sign-in (which
 * reads them as typed) character for character.
 */
export function cleanFormData(formData: FormData): FormData {
  const clean = new FormData();
  for (const [key, value] of formData.entries()) {
    clean.append(stripControlCharacters(key), typeof value === "string" && !/password/i.test(key) ? stripControlCharacters(value) : value);
  }
  return clean;
}
