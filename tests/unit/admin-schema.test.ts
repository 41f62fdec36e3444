// Unit tests for lib/schemas/admin.ts: user access, new users, new periods and framework files.
import { describe, expect, it } from "vitest";
import { frameworkFileSchema, newPeriodSchema, newUserSchema, userAccessSchema } from "@/lib/schemas/admin";
import { roles } from "@/lib/roles";

const ORG_1 = "aaaaaaaa-1111-4111-8111-11111111111f";
const ORG_2 = "bbbbbbbb-2222-4222-9222-22222222222e";
const FRAMEWORK = "cccccccc-3333-4333-a333-33333333333d";

const issues = (result: { success: boolean; error?: { issues: { path: PropertyKey[]; message: string }[] } }) =>
  result.success ? [] : result.error!.issues.map((i) => [i.path.join("."), i.message]);

describe("userAccessSchema", () => {
  it.each(roles)("accepts the role %s", (role) => {
    expect(userAccessSchema.safeParse({ role, organisationIds: [ORG_1] }).success).toBe(true);
  });

  it("rejects an unknown role", () => {
    expect(issues(userAccessSchema.safeParse({ role: "superuser", organisationIds: [] }))).toEqual([["role", "Choose a role"]]);
    expect(issues(userAccessSchema.safeParse({ organisationIds: [] }))).toEqual([["role", "Choose a role"]]);
  });

  it("turns a single checkbox value into an array", () => {
    expect(userAccessSchema.parse({ role: "cio", organisationIds: ORG_1 })).toEqual({ role: "cio", organisationIds: [ORG_1] });
  });

  it("keeps several checkbox values", () => {
    expect(userAccessSchema.parse({ role: "cio", organisationIds: [ORG_1, ORG_2] }).organisationIds).toEqual([ORG_1, ORG_2]);
  });

  it.each([undefined, null, "", []])("treats %j as no organisations", (value) => {
    expect(userAccessSchema.parse({ role: "viewer", organisationIds: value }).organisationIds).toEqual([]);
  });

  it.each([undefined, "", []])("a CIO with organisations %j is refused", (value) => {
    expect(issues(userAccessSchema.safeParse({ role: "cio", organisationIds: value }))).toEqual([
      ["organisationIds", "Choose at least one organisation for a CIO"],
    ]);
  });

  it.each(["admin", "board", "ccio", "viewer"] as const)("a %s needs no organisation", (role) => {
    expect(userAccessSchema.safeParse({ role, organisationIds: [] }).success).toBe(true);
  });

  it("rejects organisation ids that are not uuids", () => {
    expect(issues(userAccessSchema.safeParse({ role: "cio", organisationIds: ["RTH"] }))).toEqual([
      ["organisationIds.0", "Choose organisations from the list"],
    ]);
    expect(issues(userAccessSchema.safeParse({ role: "viewer", organisationIds: [ORG_1, "x"] }))).toEqual([
      ["organisationIds.1", "Choose organisations from the list"],
    ]);
  });
});

describe("newUserSchema", () => {
  const valid = { email: "Olu.Adeyemi@NHS.net", name: "  Olu Adeyemi ", password: "", role: "cio", organisationIds: ORG_1 };

  it("lower-cases the email, trims the name, and arrays a single organisation", () => {
    expect(newUserSchema.parse(valid)).toEqual({
      email: "olu.adeyemi@nhs.net",
      name: "Olu Adeyemi",
      password: "",
      role: "cio",
      organisationIds: [ORG_1],
    });
  });

  it.each(["", "not-an-email", "name@", "@nhs.net", "a b@nhs.net"])("rejects the email %j", (email) => {
    expect(issues(newUserSchema.safeParse({ ...valid, email }))).toEqual([
      ["email", "Enter an email address in the right format, like name@nhs.net"],
    ]);
  });

  it.each(["", "   "])("rejects the blank name %j", (name) => {
    expect(issues(newUserSchema.safeParse({ ...valid, name }))).toEqual([["name", "Enter the person's name"]]);
  });

  it("rejects a name over 200 characters", () => {
    expect(newUserSchema.safeParse({ ...valid, name: "x".repeat(200) }).success).toBe(true);
    expect(issues(newUserSchema.safeParse({ ...valid, name: "x".repeat(201) })).map(([path]) => path)).toEqual(["name"]);
  });

  it.each([
    ["", true], // blank: NHSmail-only sign-in
    ["kettle-orbit-m", true],
    ["correct horse battery", true],
    ["kettle orbit meadow ".repeat(12).slice(0, 256), true],
    ["kettle-orbi", false],
    ["a", false],
  ])("password %j → accepted: %s", (password, ok) => {
    const result = newUserSchema.safeParse({ ...valid, password });
    expect(result.success).toBe(ok);
    if (!ok) {
      expect(issues(result)).toEqual([
        ["password", "Enter a password of at least 12 characters, or leave it blank for NHSmail-only sign-in"],
      ]);
    }
  });

  it("refuses a common password, and one built on the person's own name, next to the password field", () => {
    expect(issues(newUserSchema.safeParse({ ...valid, password: "Password1234!" }))).toEqual([
      ["password", "That password is too common: attackers try it first. Choose a longer phrase, such as three unrelated words, or leave it blank for NHSmail-only sign-in"],
    ]);
    expect(issues(newUserSchema.safeParse({ ...valid, password: "adeyemi-2026-trust" })).map(([path]) => path)).toEqual(["password"]);
  });

  it("rejects a password over 256 characters", () => {
    expect(issues(newUserSchema.safeParse({ ...valid, password: "x".repeat(257) })).map(([path]) => path)).toEqual(["password"]);
  });

  it("keeps the password exactly as typed (no trimming)", () => {
    expect(newUserSchema.parse({ ...valid, password: "  kettle orbit  " }).password).toBe("  kettle orbit  ");
  });

  it("a CIO needs at least one organisation", () => {
    expect(issues(newUserSchema.safeParse({ ...valid, organisationIds: [] }))).toEqual([
      ["organisationIds", "Choose at least one organisation for a CIO"],
    ]);
    expect(issues(newUserSchema.safeParse({ ...valid, organisationIds: undefined }))).toEqual([
      ["organisationIds", "Choose at least one organisation for a CIO"],
    ]);
  });

  it("a viewer needs none", () => {
    expect(newUserSchema.parse({ ...valid, role: "viewer", organisationIds: "" })).toMatchObject({ role: "viewer", organisationIds: [] });
  });
});

describe("newPeriodSchema", () => {
  const valid = { frameworkId: FRAMEWORK, code: "2018-REASSESSMENT", name: "Reassessment 2018", assessedOn: "2018-06-30" };

  it("accepts a valid period, trimming code and name", () => {
    expect(newPeriodSchema.parse({ ...valid, code: " 2018-REASSESSMENT ", name: " Reassessment 2018 " })).toEqual(valid);
  });

  it.each(["AB", "2018", "A-", "2016-BASELINE", "X".repeat(40), "0-1-2"])("accepts the code %j", (code) => {
    expect(newPeriodSchema.safeParse({ ...valid, code }).success).toBe(true);
  });

  it.each(["", "A", "-2018", "2018-reassessment", "2018 REASSESSMENT", "2018_R", "X".repeat(41), "ÄB"])("rejects the code %j", (code) => {
    expect(issues(newPeriodSchema.safeParse({ ...valid, code }))).toEqual([
      ["code", "Enter a code of 2 to 40 capital letters, digits and hyphens, like 2018-REASSESSMENT"],
    ]);
  });

  it.each(["2018-06-30", "2016-02-29", "2000-01-01"])("accepts the date %j", (assessedOn) => {
    expect(newPeriodSchema.parse({ ...valid, assessedOn }).assessedOn).toBe(assessedOn);
  });

  it.each(["", "30/06/2018", "2018-6-30", "2018-13-01", "2018-06-31", "2017-02-29", "2018-06-30T00:00:00Z", "yesterday"])(
    "rejects the date %j",
    (assessedOn) => {
      expect(issues(newPeriodSchema.safeParse({ ...valid, assessedOn }))).toEqual([
        ["assessedOn", "Enter the date the scores describe, like 2018-06-30"],
      ]);
    },
  );

  it("requires a framework uuid", () => {
    expect(issues(newPeriodSchema.safeParse({ ...valid, frameworkId: "DMI-2016" }))).toEqual([["frameworkId", "Choose a framework"]]);
  });

  it.each(["", "   "])("requires a name, not %j", (name) => {
    expect(issues(newPeriodSchema.safeParse({ ...valid, name }))).toEqual([["name", "Enter a name, like Reassessment 2018"]]);
  });

  it("limits the name to 100 characters", () => {
    expect(newPeriodSchema.safeParse({ ...valid, name: "n".repeat(100) }).success).toBe(true);
    expect(newPeriodSchema.safeParse({ ...valid, name: "n".repeat(101) }).success).toBe(false);
  });
});

describe("frameworkFileSchema", () => {
  const file = new File(["framework_code\n"], "framework.csv", { type: "text/csv" });

  it("takes an uploaded file, with its name", () => {
    expect(frameworkFileSchema.parse({ file })).toEqual({ file, contents: undefined, fileName: "framework.csv" });
  });

  it("takes the checked file sent back as base64", () => {
    expect(frameworkFileSchema.parse({ file: new File([], ""), contents: "YWJj", fileName: "f.csv" })).toEqual({ file: undefined, contents: "YWJj", fileName: "f.csv" });
  });

  it("asks for a file when the input is left empty, or none is sent", () => {
    expect(issues(frameworkFileSchema.safeParse({ file: new File([], "") }))).toEqual([["file", "Choose a CSV or Excel (.xlsx) file"]]);
    expect(issues(frameworkFileSchema.safeParse({}))).toEqual([["file", "Choose a CSV or Excel (.xlsx) file"]]);
    expect(issues(frameworkFileSchema.safeParse({ file: "not a file" }))).toEqual([["file", "Choose a CSV or Excel (.xlsx) file"]]);
  });

  it("refuses contents that are not base64", () => {
    expect(issues(frameworkFileSchema.safeParse({ contents: "not base64!" }))).toEqual([["contents", "The checked file did not come back whole. Check the file again."]]);
  });
});
