// Unit tests for lib/auth/password.ts: new hashes use OWASP's Argon2id parameters, and a
// hash made with weaker ones is known to need replacing.
import { hash, parseOptions } from "@node-rs/argon2";
import { describe, expect, it } from "vitest";
import { hashPassword, needsRehash, verifyPassword } from "@/lib/auth/password";

describe("hashPassword", () => {
  it("makes an Argon2id hash with at least 19 MiB, 2 passes and 1 lane (OWASP)", async () => {
    const made = await hashPassword("kettle-orbit-meadow");
    expect(made.startsWith("$argon2id$")).toBe(true);
    const options = parseOptions(made);
    expect(options.memoryCost).toBeGreaterThanOrEqual(19_456);
    expect(options.timeCost).toBeGreaterThanOrEqual(2);
    expect(options.parallelism).toBe(1);
    expect(await verifyPassword(made, "kettle-orbit-meadow")).toBe(true);
    expect(await verifyPassword(made, "kettle-orbit-meadoW")).toBe(false);
  });
});

describe("needsRehash", () => {
  it("is false for a hash made now", async () => {
    expect(needsRehash(await hashPassword("kettle-orbit-meadow"))).toBe(false);
  });

  it("is true for the 4 MiB hashes earlier library versions made by default", async () => {
    const old = await hash("kettle-orbit-meadow", { memoryCost: 4096, timeCost: 3, parallelism: 1 });
    expect(needsRehash(old)).toBe(true);
    expect(needsRehash(await hash("kettle-orbit-meadow", { memoryCost: 19_456, timeCost: 1, parallelism: 1 }))).toBe(true);
  });

  it("is true for another Argon2 variant and for a string that is not a hash", async () => {
    expect(needsRehash(await hash("kettle-orbit-meadow", { algorithm: 1 as never, memoryCost: 19_456, timeCost: 2 }))).toBe(true);
    expect(needsRehash("not a hash")).toBe(true);
  });
});
