import { dictionary } from "@zxcvbn-ts/language-common";

// What a password must be (NCSC and NIST SP 800-63B: length, and not one that attackers
// try first; no rules about symbols or forced changes). Server-side only: the list is
// about 49,000 passwords from breaches, kept by the zxcvbn-ts project.

const MIN_PASSWORD_LENGTH = 12;
const MAX_PASSWORD_LENGTH = 256;

let common: Set<string> | undefined;
const commonPasswords = () => (common ??= new Set(dictionary["passwords-common"]));

// Words that the people who would guess a password here try first.
const siteWords = ["nhs", "digitalroadmap", "roadmap", "digital", "password"];

const leet: Record<string, string> = { "@": "a", "4": "a", "8": "b", "3": "e", "1": "i", "!": "i", "0": "o", "$": "s", "5": "s", "7": "t", "+": "t" };

/** The password as a guesser would start from it: lower case, separators gone, and without the digits and symbols added at either end. */
function cores(password: string): string[] {
  const lower = password.toLowerCase();
  const joined = lower.replace(/[\s._-]+/g, "");
  const trimmed = joined.replace(/^[^a-z]+|[^a-z]+$/g, "");
  const unleet = [...joined].map((c) => leet[c] ?? c).join("");
  const found = [lower, joined, trimmed, unleet, unleet.replace(/^[^a-z]+|[^a-z]+$/g, "")];
  // A word said twice or more ("nhsnhsnhs") is as guessable as the word.
  const repeated = found.map((c) => /^(.+?)\1+$/.exec(c)?.[1]).filter((unit): unit is string => unit !== undefined);
  return [...new Set([...found, ...repeated])].filter((c) => c.length > 0);
}

/**
 * Why a new password will not do, in words for the person setting it, or null when it is
 * fine. `about` holds the account's own email address and name, which the password must
 * not be built on.
 */
export function passwordProblem(password: string, about: { email?: string; name?: string } = {}): string | null {
  if (password.length < MIN_PASSWORD_LENGTH) return `Enter a password of at least ${MIN_PASSWORD_LENGTH} characters`;
  if (password.length > MAX_PASSWORD_LENGTH) return `Enter a password of at most ${MAX_PASSWORD_LENGTH} characters`;
  if (new Set(password.toLowerCase()).size < 5) return "Enter a password with more different characters: this one repeats too few";
  const list = commonPasswords();
  const candidates = cores(password);
  if (candidates.some((c) => list.has(c) || siteWords.includes(c))) {
    return "That password is too common: attackers try it first. Choose a longer phrase, such as three unrelated words";
  }
  const personal = [about.email?.split("@")[0], ...(about.name ?? "").split(/\s+/)]
    .map((part) => (part ?? "").toLowerCase().replace(/[^a-z0-9]/g, ""))
    .filter((part) => part.length >= 4);
  if (personal.some((part) => candidates.some((c) => c.includes(part)))) return "Enter a password that does not contain the person's name or email address";
  return null;
}
