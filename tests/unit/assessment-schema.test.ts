// Unit tests for lib/schemas/assessment.ts: domain scores from forms and JSON.
import { describe, expect, it } from "vitest";
import {
  SCORE_FIELD_PREFIX,
  assessmentFormSchema,
  parseScores,
  scoreFieldsFromForm,
  scoreSchema,
  type DomainRef,
} from "@/lib/schemas/assessment";
import { dmaScale, dmiScale } from "../support/scales";

const firstMessage = (result: { success: boolean; error?: { issues: { message: string }[] } }) =>
  result.success ? undefined : result.error!.issues[0]!.message;

describe("scoreSchema", () => {
  const schema = scoreSchema("Leadership", dmiScale);

  it.each([
    ["65", 65],
    ["0", 0],
    ["100", 100],
    [" 65 ", 65],
    ["65%", 65],
    [" 65 % ", 65],
    ["65 %", 65],
    ["\t42%\n", 42],
    ["007", 7],
    ["65.0", 65],
    [65, 65],
    [0, 0],
    [100, 100],
  ])("accepts %j as %d", (input, expected) => {
    const result = schema.safeParse(input);
    expect(result.success).toBe(true);
    expect(result.data).toBe(expected);
  });

  it.each([
    ["", "Enter a score for Leadership"],
    ["   ", "Enter a score for Leadership"],
    ["%", "Enter a score for Leadership"],
    [null, "Enter a score for Leadership"],
    [undefined, "Enter a score for Leadership"],
    [true, "Enter a score for Leadership"],
    [{}, "Enter a score for Leadership"],
    [Number.NaN, "Enter a score for Leadership"],
    ["abc", "Score for Leadership must be a number, like 65"],
    ["65abc", "Score for Leadership must be a number, like 65"],
    ["6 5", "Score for Leadership must be a number, like 65"],
    ["65%%", "Score for Leadership must be a number, like 65"],
    ["+5", "Score for Leadership must be a number, like 65"],
    ["1e2", "Score for Leadership must be a number, like 65"],
    ["0x10", "Score for Leadership must be a number, like 65"],
    ["65.", "Score for Leadership must be a number, like 65"],
    ["65.5", "Score for Leadership must be a whole number (not 65.5)"],
    [65.5, "Score for Leadership must be a whole number (not 65.5)"],
    ["-1", "Score for Leadership must be from 0 to 100 (not -1)"],
    [-1, "Score for Leadership must be from 0 to 100 (not -1)"],
    ["101", "Score for Leadership must be from 0 to 100 (not 101)"],
    [101, "Score for Leadership must be from 0 to 100 (not 101)"],
    ["101%", "Score for Leadership must be from 0 to 100 (not 101)"],
  ])("rejects %j: %s", (input, message) => {
    const result = schema.safeParse(input);
    expect(result.success).toBe(false);
    expect(firstMessage(result)).toBe(message);
  });

  it("names the domain in its messages", () => {
    expect(firstMessage(scoreSchema("Decision Support", dmiScale).safeParse(""))).toBe("Enter a score for Decision Support");
    expect(firstMessage(scoreSchema("Decision Support", dmiScale).safeParse("200"))).toBe("Score for Decision Support must be from 0 to 100 (not 200)");
  });
});

describe("scoreSchema on the DMA's scale (1–5, one decimal)", () => {
  const schema = scoreSchema("Well led", dmaScale);

  it.each([
    ["2.8", 2.8],
    ["1", 1],
    [5, 5],
    [" 3.0 ", 3],
  ])("accepts %j as %d", (input, expected) => {
    expect(schema.safeParse(input).data).toBe(expected);
  });

  it.each([
    ["2.85", "Score for Well led must have at most 1 decimal place (not 2.85)"],
    [0.5, "Score for Well led must be from 1 to 5 (not 0.5)"],
    ["6", "Score for Well led must be from 1 to 5 (not 6)"],
    ["abc", "Score for Well led must be a number, like 3.6"],
  ])("rejects %j: %s", (input, message) => {
    expect(firstMessage(schema.safeParse(input))).toBe(message);
  });
});

const domains: DomainRef[] = [
  { id: "id-r1", code: "R1", name: "Strategic Alignment" },
  { id: "id-r2", code: "R2", name: "Leadership" },
  { id: "id-c1", code: "C1", name: "Records, Assessments & Plans" },
];

describe("parseScores", () => {
  it("accepts scores keyed by domain id, and returns them keyed by id", () => {
    expect(parseScores({ "id-r1": 60, "id-r2": "80", "id-c1": "26%" }, domains, dmiScale)).toEqual({
      ok: true,
      scores: { "id-r1": 60, "id-r2": 80, "id-c1": 26 },
    });
  });

  it("accepts scores keyed by domain code, and returns them keyed by id", () => {
    expect(parseScores({ R1: 60, R2: 80, C1: 26 }, domains, dmiScale)).toEqual({
      ok: true,
      scores: { "id-r1": 60, "id-r2": 80, "id-c1": 26 },
    });
  });

  it("accepts a mix of ids and codes", () => {
    expect(parseScores({ R1: 0, "id-r2": 100, C1: " 5 " }, domains, dmiScale)).toEqual({
      ok: true,
      scores: { "id-r1": 0, "id-r2": 100, "id-c1": 5 },
    });
  });

  it("keys field errors by domain id, whichever key the value came under", () => {
    const result = parseScores({ R1: "abc", "id-r2": 101, C1: 50 }, domains, dmiScale);
    expect(result).toEqual({
      ok: false,
      fieldErrors: {
        "id-r1": "Score for Strategic Alignment must be a number, like 65",
        "id-r2": "Score for Leadership must be from 0 to 100 (not 101)",
      },
      unknownDomains: [],
    });
  });

  it("requires every domain of the framework", () => {
    const result = parseScores({ R1: 60 }, domains, dmiScale);
    expect(result).toEqual({
      ok: false,
      fieldErrors: {
        "id-r2": "Enter a score for Leadership",
        "id-c1": "Enter a score for Records, Assessments & Plans",
      },
      unknownDomains: [],
    });
  });

  it("lists keys that are not domains of the framework, even when every score is fine", () => {
    const result = parseScores({ R1: 60, R2: 70, C1: 80, Z9: 10, "id-other": 5 }, domains, dmiScale);
    expect(result).toEqual({ ok: false, fieldErrors: {}, unknownDomains: ["Z9", "id-other"] });
  });

  it("reports unknown domains and field errors together", () => {
    const result = parseScores({ R1: 60, R2: "", X: 1 }, domains, dmiScale);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.unknownDomains).toEqual(["X"]);
    expect(Object.keys(result.fieldErrors).sort()).toEqual(["id-c1", "id-r2"]);
  });

  it("with no domains: an empty object is a complete set", () => {
    expect(parseScores({}, [], dmiScale)).toEqual({ ok: true, scores: {} });
    expect(parseScores({ R1: 1 }, [], dmiScale)).toEqual({ ok: false, fieldErrors: {}, unknownDomains: ["R1"] });
  });

  it("does not return scores on failure", () => {
    const result = parseScores({ R1: 60, R2: 70 }, domains, dmiScale);
    expect(result).not.toHaveProperty("scores");
  });
});

describe("scoreFieldsFromForm", () => {
  it("keeps only the score:<id> fields, keyed by what follows the prefix", () => {
    expect(SCORE_FIELD_PREFIX).toBe("score:");
    const form = new FormData();
    form.set("assessmentId", "abc");
    form.set("version", "3");
    form.set("intent", "save");
    form.set("score:id-r1", "60");
    form.set("score:id-r2", "");
    form.set("score:R3", " 70% ");
    form.set("scores:x", "1"); // a different prefix
    form.set("xscore:y", "2");
    expect(scoreFieldsFromForm(form)).toEqual({ "id-r1": "60", "id-r2": "", R3: " 70% " });
  });

  it("returns an empty object for a form without scores", () => {
    const form = new FormData();
    form.set("intent", "submit");
    expect(scoreFieldsFromForm(form)).toEqual({});
  });

  it("feeds parseScores", () => {
    const form = new FormData();
    form.set("score:id-r1", "60");
    form.set("score:id-r2", "80%");
    form.set("score:id-c1", "26");
    expect(parseScores(scoreFieldsFromForm(form), domains, dmiScale)).toEqual({
      ok: true,
      scores: { "id-r1": 60, "id-r2": 80, "id-c1": 26 },
    });
  });
});

describe("assessmentFormSchema", () => {
  const id = "aaaaaaaa-1111-4111-8111-11111111111f";

  it("accepts a valid form, coercing the version to a number", () => {
    expect(assessmentFormSchema.parse({ assessmentId: id, version: "3", intent: "save" })).toEqual({
      assessmentId: id,
      version: 3,
      intent: "save",
    });
    expect(assessmentFormSchema.parse({ assessmentId: id, version: 1, intent: "submit" })).toMatchObject({ version: 1, intent: "submit" });
  });

  it.each(["", "not-a-uuid", "aaaaaaaa-1111-4111-8111", `${id}x`, "../../etc/passwd"])("rejects the assessment id %j", (bad) => {
    const result = assessmentFormSchema.safeParse({ assessmentId: bad, version: "1", intent: "save" });
    expect(result.success).toBe(false);
    expect(result.error!.issues.map((i) => [i.path.join("."), i.message])).toEqual([
      ["assessmentId", "The form did not say which assessment to save. Reload the page and try again."],
    ]);
  });

  it("rejects a missing assessment id with the same message", () => {
    const result = assessmentFormSchema.safeParse({ version: "1", intent: "save" });
    expect(result.error!.issues[0]!.message).toBe("The form did not say which assessment to save. Reload the page and try again.");
  });

  it("rejects a version that is not a number, with the out-of-date message", () => {
    const result = assessmentFormSchema.safeParse({ assessmentId: id, version: "abc", intent: "save" });
    expect(result.success).toBe(false);
    expect(result.error!.issues[0]!.path).toEqual(["version"]);
    expect(result.error!.issues[0]!.message).toBe("The form is out of date. Reload the page and try again.");
  });

  it.each(["0", "-1", "1.5"])("rejects the version %j", (version) => {
    const result = assessmentFormSchema.safeParse({ assessmentId: id, version, intent: "save" });
    expect(result.success).toBe(false);
    expect(result.error!.issues[0]!.path).toEqual(["version"]);
  });

  it.each(["delete", "", "SAVE", undefined])("rejects the intent %j", (intent) => {
    const result = assessmentFormSchema.safeParse({ assessmentId: id, version: "1", intent });
    expect(result.success).toBe(false);
    expect(result.error!.issues.map((i) => [i.path.join("."), i.message])).toEqual([["intent", "Choose Save draft or Save and submit."]]);
  });

  it("reports every bad field at once", () => {
    const result = assessmentFormSchema.safeParse({ assessmentId: "x", version: "x", intent: "x" });
    expect(result.error!.issues.map((i) => i.path.join(".")).sort()).toEqual(["assessmentId", "intent", "version"]);
  });
});
