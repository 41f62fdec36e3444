const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Ids in URLs are checked before they reach SQL, so a mangled link is a 404, not a 500. */
export function isUuid(value: string): boolean {
  return uuidPattern.test(value);
}
