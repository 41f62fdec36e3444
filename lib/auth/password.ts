import { hash, parseOptions, verify, type Algorithm, type Options } from "@node-rs/argon2";

// Argon2id with OWASP's parameters (Password Storage Cheat Sheet: at least 19 MiB of
// memory, 2 passes, 1 lane), set here rather than left to the library's defaults, which
// have changed between versions (4 MiB in earlier ones). A stored hash made with weaker
// parameters is replaced at the next successful sign-in (needsRehash).
const ARGON2ID = 2 as Algorithm.Argon2id;
export const passwordHashParameters = { algorithm: ARGON2ID, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const satisfies Options;

export function hashPassword(password: string): Promise<string> {
  return hash(password, passwordHashParameters);
}

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false; // a malformed hash is a failed sign-in, not a crash
  }
}

/** Whether a stored hash was made with weaker parameters (or another algorithm) than a new one would be. */
export function needsRehash(passwordHash: string): boolean {
  try {
    const stored = parseOptions(passwordHash);
    return (
      stored.algorithm !== passwordHashParameters.algorithm ||
      stored.memoryCost < passwordHashParameters.memoryCost ||
      stored.timeCost < passwordHashParameters.timeCost
    );
  } catch {
    return true; // not a hash this library reads: replace it once the password is known good
  }
}
