// Unit tests for lib/auth/password-policy.ts: length, the common-password list and its
// predictable variations, and passwords built on the person's own name or email.
import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { dictionary } from "@zxcvbn-ts/language-common";
import { passwordProblem } from "@/lib/auth/password-policy";

const tooCommon = /too common/;

describe("passwordProblem", () => {
  it.each(["kettle-orbit-meadow", "correct horse battery staple", "Tr4mline.Quince.77", "NHSmail is fine by me"])("accepts %j", (password) => {
    expect(passwordProblem(password, { email: "olu.adeyemi@nhs.net", name: "Olu Adeyemi" })).toBeNull();
  });

  it("wants at least 12 characters and at most 256", () => {
    expect(passwordProblem("kettle-orbi")).toMatch(/at least 12 characters/);
    expect(passwordProblem("kettle-orbit")).toBeNull();
    expect(passwordProblem("kettle orbit meadow ".repeat(13).slice(0, 257))).toMatch(/at most 256 characters/);
  });

  it("refuses passwords of a few characters repeated", () => {
    expect(passwordProblem("abababababababab")).toMatch(/repeats too few/);
    expect(passwordProblem("x".repeat(40))).toMatch(/repeats too few/);
  });

  it.each([
    "qwerty123456", // on the list as it is
    "QWERTY123456", // in capitals
    "Password1234!", // a listed word with digits and symbols added
    "1234football5678",
    "p@ssw0rd-2026!!", // letters swapped for look-alike digits and symbols
    "iloveyou.....!!",
    "roadmap-2026-12", // this site's own name
    "nhs-nhs-12345",
  ])("refuses the common password %j", (password) => {
    expect(passwordProblem(password)).toMatch(tooCommon);
  });

  it("refuses every password of 12 or more characters on the list, in any case", () => {
    const long = dictionary["passwords-common"].filter((p) => p.length >= 12 && new Set(p).size >= 5);
    expect(long.length).toBeGreaterThan(200);
    for (const password of long) {
      expect(passwordProblem(password), password).toMatch(tooCommon);
      expect(passwordProblem(password.toUpperCase()), password).toMatch(tooCommon);
    }
  });

  it("refuses a short listed password padded out with digits at either end", () => {
    // Words of five different letters or more, padded to 12 characters or more: so that the
    // length and too-few-characters rules, checked first, never answer instead.
    const words = dictionary["passwords-common"].filter((p) => /^[a-z]{5,}$/.test(p) && new Set(p).size >= 5).slice(0, 500);
    fc.assert(
      fc.property(fc.constantFrom(...words), fc.stringMatching(/^[0-9!?.]{0,6}$/), fc.stringMatching(/^[0-9!?.]{7,12}$/), (word, before, after) => {
        expect(passwordProblem(`${before}${word}${after}`)).toMatch(tooCommon);
      }),
    );
  });

  it("refuses a password built on the person's name or email address", () => {
    const about = { email: "priya.shah@nhs.net", name: "Priya Shah" };
    expect(passwordProblem("priya-loves-cycling", about)).toMatch(/name or email/);
    expect(passwordProblem("Cycling-with-SHAH-9", about)).toMatch(/name or email/);
    expect(passwordProblem("priyashah-quince", about)).toMatch(/name or email/);
    expect(passwordProblem("priya-loves-cycling", { email: "olu@nhs.net", name: "Olu Adeyemi" })).toBeNull();
  });
});
