import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { z } from "zod";
import { decisions, deliverableStatuses, type Decision } from "@/lib/tollgate";
import {
  closeConditionSchema,
  decisionFormToInput,
  decisionSchema,
  deliverableUpdateSchema,
  isoDate,
  itemUpdateSchema,
  leadSchema,
  requestReviewSchema,
  reviewDateSchema,
} from "@/lib/schemas/workstream";
import { itemStatuses } from "@/lib/workstream";

const A = "3f2b8c1e-4d5a-4b6c-8d7e-9f0a1b2c3d4e";
const B = "0a1b2c3d-4e5f-4a6b-9c7d-8e9f0a1b2c3d";
const C = "7c9e6679-7425-40de-944b-e07fc1f90ae7";

/** "path: message" for each issue, or [] when the input parses. */
function issues(result: z.ZodSafeParseResult<unknown>): string[] {
  return result.success ? [] : result.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`);
}
function paths(result: z.ZodSafeParseResult<unknown>): string[] {
  return result.success ? [] : result.error.issues.map((i) => i.path.join("."));
}

describe("isoDate", () => {
  const date = isoDate("Enter a real date");

  it("takes real calendar dates written YYYY-MM-DD, trimmed", () => {
    expect(date.parse("2027-01-31")).toBe("2027-01-31");
    expect(date.parse("2028-02-29")).toBe("2028-02-29");
    expect(date.parse("2000-02-29")).toBe("2000-02-29");
    expect(date.parse("2027-12-31")).toBe("2027-12-31");
    expect(date.parse(" 2027-01-31 ")).toBe("2027-01-31");
  });

  it("refuses impossible dates and other spellings with the given message", () => {
    for (const bad of ["2027-02-29", "1900-02-29", "2027-02-30", "2027-04-31", "2027-13-01", "2027-00-10", "2027-01-00", "2027-01-32", "2027-1-31", "27-01-31", "31/01/2027", "2027-01-31T00:00", "20270131", "", "  ", "tomorrow"]) {
      expect(issues(date.safeParse(bad)), bad).toEqual([": Enter a real date"]);
    }
    expect(issues(date.safeParse(20270131))).toEqual([": Enter a real date"]);
    expect(issues(date.safeParse(null))).toEqual([": Enter a real date"]);
    expect(issues(date.safeParse(undefined))).toEqual([": Enter a real date"]);
  });

  it("takes every real date and refuses every day past a month's end", () => {
    fc.assert(
      fc.property(fc.date({ min: new Date("1900-01-01T00:00:00Z"), max: new Date("2199-12-31T00:00:00Z"), noInvalidDate: true }), (d) => {
        const iso = d.toISOString().slice(0, 10);
        expect(date.safeParse(iso).success).toBe(true);
        const y = d.getUTCFullYear();
        const m = d.getUTCMonth() + 1;
        const daysInMonth = new Date(Date.UTC(y, m, 0)).getUTCDate();
        expect(date.safeParse(`${iso.slice(0, 8)}${String(daysInMonth + 1).padStart(2, "0")}`).success).toBe(false);
      }),
    );
  });
});

describe("itemUpdateSchema", () => {
  const valid = { itemId: A, status: "in_progress", note: "  On track  ", version: "3" };

  it("takes an item update, trimming the note and reading the version as a number", () => {
    expect(itemUpdateSchema.parse(valid)).toEqual({ itemId: A, status: "in_progress", note: "On track", version: 3 });
    expect(itemUpdateSchema.parse({ ...valid, note: undefined }).note).toBe("");
    expect(itemUpdateSchema.parse({ ...valid, note: null }).note).toBe("");
    expect(itemUpdateSchema.parse({ ...valid, note: "x".repeat(2000) }).note).toHaveLength(2000);
    for (const status of itemStatuses) expect(itemUpdateSchema.parse({ ...valid, status }).status).toBe(status);
  });

  it("says what is wrong with each field", () => {
    expect(issues(itemUpdateSchema.safeParse({ ...valid, itemId: "42" }))).toEqual(["itemId: That objective or requirement was not found"]);
    expect(issues(itemUpdateSchema.safeParse({ ...valid, status: "done" }))).toEqual(["status: Choose a status"]);
    expect(issues(itemUpdateSchema.safeParse({ ...valid, status: undefined }))).toEqual(["status: Choose a status"]);
    expect(issues(itemUpdateSchema.safeParse({ ...valid, note: "x".repeat(2001) }))).toEqual(["note: Keep the note under 2000 characters"]);
    for (const version of ["0", "-1", "1.5", "abc", "", undefined]) {
      expect(issues(itemUpdateSchema.safeParse({ ...valid, version })), String(version)).toEqual(["version: Reload the page and try again"]);
    }
    expect(paths(itemUpdateSchema.safeParse({}))).toEqual(["itemId", "status", "version"]);
  });
});

describe("deliverableUpdateSchema", () => {
  const valid = { deliverableId: A, status: "ready", reason: "", note: "", evidenceUrl: "", version: 1 };

  it("takes an update, with a blank evidence link as none", () => {
    expect(deliverableUpdateSchema.parse(valid)).toEqual({ deliverableId: A, status: "ready", reason: "", note: "", evidenceUrl: null, version: 1 });
    for (const blank of ["", "   ", null, undefined]) expect(deliverableUpdateSchema.parse({ ...valid, evidenceUrl: blank }).evidenceUrl).toBeNull();
    for (const status of deliverableStatuses) expect(deliverableUpdateSchema.safeParse({ ...valid, status, reason: "Covered elsewhere" }).success).toBe(true);
  });

  it("takes http and https evidence links, trimmed", () => {
    expect(deliverableUpdateSchema.parse({ ...valid, evidenceUrl: "https://nhs.sharepoint.com/sites/dr/charter.docx" }).evidenceUrl).toBe("https://nhs.sharepoint.com/sites/dr/charter.docx");
    expect(deliverableUpdateSchema.parse({ ...valid, evidenceUrl: "http://intranet/case" }).evidenceUrl).toBe("http://intranet/case");
    expect(deliverableUpdateSchema.parse({ ...valid, evidenceUrl: "  https://example.org/a?b=c#d  " }).evidenceUrl).toBe("https://example.org/a?b=c#d");
  });

  it("refuses other links, saying how to write one", () => {
    const message = "evidenceUrl: Enter the evidence link as a full web address starting https://";
    for (const url of ["ftp://files.nhs.uk/a", "javascript:alert(1)", "mailto:someone@nhs.net", "file:///c:/charter.docx", "www.nhs.uk", "nhs.uk/charter", "https://", "https:/x", "https:example.com", "httpx://a.b", "charter.docx"]) {
      expect(issues(deliverableUpdateSchema.safeParse({ ...valid, evidenceUrl: url })), url).toEqual([message]);
    }
    expect(issues(deliverableUpdateSchema.safeParse({ ...valid, evidenceUrl: `https://a.b/${"x".repeat(2000)}` }))).toEqual(["evidenceUrl: Keep the evidence link under 2000 characters"]);
    expect(paths(deliverableUpdateSchema.safeParse({ ...valid, evidenceUrl: 42 }))).toEqual(["evidenceUrl"]);
  });

  it("needs a reason to mark a deliverable not required", () => {
    const reason = ["reason: Say why this deliverable is not required"];
    expect(issues(deliverableUpdateSchema.safeParse({ ...valid, status: "not_required" }))).toEqual(reason);
    expect(issues(deliverableUpdateSchema.safeParse({ ...valid, status: "not_required", reason: "   " }))).toEqual(reason);
    expect(issues(deliverableUpdateSchema.safeParse({ ...valid, status: "not_required", reason: undefined }))).toEqual(reason);
    expect(deliverableUpdateSchema.parse({ ...valid, status: "not_required", reason: "  Covered by the STP case " }).reason).toBe("Covered by the STP case");
  });

  it("says what is wrong with the other fields", () => {
    expect(issues(deliverableUpdateSchema.safeParse({ ...valid, deliverableId: "x" }))).toEqual(["deliverableId: That deliverable was not found"]);
    expect(issues(deliverableUpdateSchema.safeParse({ ...valid, status: "done" }))).toEqual(["status: Choose a status"]);
    expect(issues(deliverableUpdateSchema.safeParse({ ...valid, reason: "x".repeat(2001) }))).toEqual(["reason: Keep the reason under 2000 characters"]);
    expect(issues(deliverableUpdateSchema.safeParse({ ...valid, note: "x".repeat(2001) }))).toEqual(["note: Keep the note under 2000 characters"]);
    expect(issues(deliverableUpdateSchema.safeParse({ ...valid, version: "0" }))).toEqual(["version: Reload the page and try again"]);
  });
});

describe("reviewDateSchema", () => {
  const message = "nextReviewOn: Enter the review date as a real date, like 2027-01-31";

  it("takes a real date, or a blank as no date", () => {
    expect(reviewDateSchema.parse({ workstreamId: A, nextReviewOn: "2027-03-31", version: "2" })).toEqual({ workstreamId: A, nextReviewOn: "2027-03-31", version: 2 });
    expect(reviewDateSchema.parse({ workstreamId: A, nextReviewOn: " 2028-02-29 ", version: 2 }).nextReviewOn).toBe("2028-02-29");
    for (const blank of ["", "   ", null, undefined]) expect(reviewDateSchema.parse({ workstreamId: A, nextReviewOn: blank, version: 2 }).nextReviewOn).toBeNull();
  });

  it("refuses dates that do not exist", () => {
    for (const bad of ["2027-02-30", "2027-02-29", "2027-04-31", "2027-13-01", "31/01/2027", "2027-1-31", "soon"]) {
      expect(issues(reviewDateSchema.safeParse({ workstreamId: A, nextReviewOn: bad, version: 2 })), bad).toEqual([message]);
    }
  });

  it("says what is wrong with the other fields", () => {
    expect(issues(reviewDateSchema.safeParse({ workstreamId: "x", nextReviewOn: "", version: 2 }))).toEqual(["workstreamId: That workstream was not found"]);
    expect(issues(reviewDateSchema.safeParse({ workstreamId: A, nextReviewOn: "", version: "" }))).toEqual(["version: Reload the page and try again"]);
  });
});

describe("requestReviewSchema", () => {
  it("needs the workstream and its version", () => {
    expect(requestReviewSchema.parse({ workstreamId: A, version: "7" })).toEqual({ workstreamId: A, version: 7 });
    expect(issues(requestReviewSchema.safeParse({ workstreamId: "nope", version: "7" }))).toEqual(["workstreamId: That workstream was not found"]);
    expect(issues(requestReviewSchema.safeParse({ workstreamId: A }))).toEqual(["version: Reload the page and try again"]);
  });
});

describe("closeConditionSchema", () => {
  it("needs a note saying how the condition was met", () => {
    expect(closeConditionSchema.parse({ conditionId: A, closureNote: "  ISA signed 3 March  " })).toEqual({ conditionId: A, closureNote: "ISA signed 3 March" });
    for (const blank of ["", "   ", undefined, null]) {
      expect(issues(closeConditionSchema.safeParse({ conditionId: A, closureNote: blank })), String(blank)).toEqual(["closureNote: Say how the condition was met"]);
    }
    expect(issues(closeConditionSchema.safeParse({ conditionId: "1", closureNote: "done" }))).toEqual(["conditionId: That condition was not found"]);
    expect(closeConditionSchema.safeParse({ conditionId: A, closureNote: "x".repeat(2000) }).success).toBe(true);
    expect(paths(closeConditionSchema.safeParse({ conditionId: A, closureNote: "x".repeat(2001) }))).toEqual(["closureNote"]);
  });

  // Known defect (reported, not fixed here): a note over 2000 characters is refused with
  // "Say how the condition was met", which tells someone who wrote too much to write something.
  it("says a too-long closure note is too long, not that it is missing", () => {
    expect(issues(closeConditionSchema.safeParse({ conditionId: A, closureNote: "x".repeat(2001) }))).toEqual(["closureNote: Keep the note under 2000 characters"]);
  });
});

describe("leadSchema", () => {
  it("takes a user, or a blank as no lead", () => {
    expect(leadSchema.parse({ workstreamId: A, leadUserId: B, version: "1" })).toEqual({ workstreamId: A, leadUserId: B, version: 1 });
    for (const blank of ["", null, undefined]) expect(leadSchema.parse({ workstreamId: A, leadUserId: blank, version: 1 }).leadUserId).toBeNull();
    expect(issues(leadSchema.safeParse({ workstreamId: A, leadUserId: "someone", version: 1 }))).toEqual(["leadUserId: Choose a CCIO from the list"]);
    expect(issues(leadSchema.safeParse({ workstreamId: "", leadUserId: "", version: 1 }))).toEqual(["workstreamId: That workstream was not found"]);
    expect(issues(leadSchema.safeParse({ workstreamId: A, leadUserId: "", version: "x" }))).toEqual(["version: Reload the page and try again"]);
  });
});

describe("decisionFormToInput", () => {
  it("reads ticked attendees as a list, however many", () => {
    expect(decisionFormToInput({}).attendees).toEqual([]);
    expect(decisionFormToInput({ attendees: A }).attendees).toEqual([A]);
    expect(decisionFormToInput({ attendees: [A, B] }).attendees).toEqual([A, B]);
    expect(decisionFormToInput({ attendees: null }).attendees).toEqual([]);
  });

  it("gathers recommendation.<userId> fields by user", () => {
    expect(decisionFormToInput({ [`recommendation.${A}`]: "proceed", [`recommendation.${B}`]: "stop", recommendation: "ignored" }).recommendations).toEqual({ [A]: "proceed", [B]: "stop" });
    expect(decisionFormToInput({}).recommendations).toEqual({});
  });

  it("gathers conditions.<n>.<field> fields into rows in number order, filling gaps with blank rows", () => {
    const out = decisionFormToInput({
      "conditions.2.description": "Sign the ISA",
      "conditions.0.owner": "IG lead",
      "conditions.0.description": "DPIA",
      "conditions.2.dueOn": "2027-03-31",
      "conditions.0.colour": "ignored",
      "conditions.x.owner": "ignored",
      "conditions.100.owner": "ignored: at most two digits",
    });
    expect(out.conditions).toEqual([{ owner: "IG lead", description: "DPIA" }, {}, { description: "Sign the ISA", dueOn: "2027-03-31" }]);
    expect(decisionFormToInput({}).conditions).toEqual([]);
  });

  it("passes the other fields through unchanged", () => {
    const out = decisionFormToInput({ reviewId: A, heldOn: "2027-01-31", decision: "proceed", reasons: "Agreed", attendees: A });
    expect(out).toMatchObject({ reviewId: A, heldOn: "2027-01-31", decision: "proceed", reasons: "Agreed" });
  });
});

describe("decisionSchema", () => {
  // The form's fields; an undefined value stands for a field the browser did not send.
  const form = (extra: Record<string, unknown> = {}) =>
    Object.fromEntries(
      Object.entries({
        reviewId: C,
        heldOn: "2027-01-31",
        decision: "proceed",
        reasons: "Charter agreed",
        attendees: [A, B],
        [`recommendation.${A}`]: "proceed",
        [`recommendation.${B}`]: "rework",
        ...extra,
      }).filter(([, v]) => v !== undefined),
    );
  const parse = (extra: Record<string, unknown> = {}) => decisionSchema.safeParse(decisionFormToInput(form(extra)));
  const condition = (i: number, description: string, owner: string, dueOn: string) => ({
    [`conditions.${i}.description`]: description,
    [`conditions.${i}.owner`]: owner,
    [`conditions.${i}.dueOn`]: dueOn,
  });

  it("gives the structured decision, each attendee with their recommendation", () => {
    const r = parse({ reasons: "  Charter agreed  ", [`recommendation.${C}`]: "" });
    expect(r.success && r.data).toEqual({
      reviewId: C,
      heldOn: "2027-01-31",
      decision: "proceed",
      reasons: "Charter agreed",
      attendees: [
        { userId: A, recommendation: "proceed" },
        { userId: B, recommendation: "rework" },
      ],
      conditions: [],
    });
  });

  it("takes conditions for proceed with conditions, dropping blank rows and trimming", () => {
    const r = parse({
      decision: "proceed_with_conditions",
      ...condition(0, "", "", ""),
      ...condition(1, " Sign the ISA ", " IG lead ", " 2027-03-31 "),
      ...condition(2, "  ", " ", ""),
      ...condition(3, "DPIA", "DPO", "2027-04-30"),
    });
    expect(r.success && r.data.conditions).toEqual([
      { description: "Sign the ISA", owner: "IG lead", dueOn: "2027-03-31" },
      { description: "DPIA", owner: "DPO", dueOn: "2027-04-30" },
    ]);
  });

  it("needs at least one attendee, each with a recommendation", () => {
    const lost = [A, B].map((id) => `recommendation.${id}: Tick this member as present, or clear their recommendation`);
    expect(issues(parse({ attendees: undefined }))).toEqual(["attendees: Tick the board members present", ...lost]);
    expect(issues(parse({ attendees: [] }))).toEqual(["attendees: Tick the board members present", ...lost]);
    expect(issues(parse({ attendees: [], [`recommendation.${A}`]: "", [`recommendation.${B}`]: "" }))).toEqual(["attendees: Tick the board members present"]);
    expect(issues(parse({ [`recommendation.${B}`]: undefined }))).toEqual([`recommendation.${B}: Choose this member's recommendation`]);
    expect(issues(parse({ [`recommendation.${B}`]: "" }))).toEqual([`recommendation.${B}: Choose this member's recommendation`]);
    expect(issues(parse({ [`recommendation.${A}`]: "maybe", [`recommendation.${B}`]: "abstain" }))).toEqual([
      `recommendation.${A}: Choose this member's recommendation`,
      `recommendation.${B}: Choose this member's recommendation`,
    ]);
    expect(paths(parse({ attendees: [A, "not-a-user"] }))).toEqual(["attendees.1", "recommendation.not-a-user", `recommendation.${B}`]);
    // A blank (or meaningless) recommendation for a member not ticked is ignored ...
    expect(parse({ attendees: A, [`recommendation.${B}`]: "" }).success).toBe(true);
    expect(parse({ attendees: A, [`recommendation.${B}`]: "nonsense" }).success).toBe(true);
    // ... but a real one would be lost: the member must be ticked or the choice cleared.
    expect(issues(parse({ attendees: A, [`recommendation.${B}`]: "rework" }))).toEqual([`recommendation.${B}: Tick this member as present, or clear their recommendation`]);
  });

  it("needs the review, a real meeting date, a decision and reasons", () => {
    expect(issues(parse({ reviewId: "r1" }))).toEqual(["reviewId: That review was not found"]);
    expect(issues(parse({ heldOn: "2027-02-30" }))).toEqual(["heldOn: Enter the date of the board meeting, like 2027-01-31"]);
    expect(issues(parse({ heldOn: "" }))).toEqual(["heldOn: Enter the date of the board meeting, like 2027-01-31"]);
    expect(issues(parse({ decision: "defer" }))).toEqual(["decision: Choose the board's decision"]);
    expect(issues(parse({ decision: undefined }))).toEqual(["decision: Choose the board's decision"]);
    for (const blank of ["", "   ", undefined]) expect(issues(parse({ reasons: blank })), String(blank)).toEqual(["reasons: Give the reasons for the decision"]);
    expect(parse({ reasons: "x".repeat(4000) }).success).toBe(true);
    expect(paths(parse({ reasons: "x".repeat(4001) }))).toEqual(["reasons"]);
  });

  // Known defect (reported, not fixed here): reasons over 4000 characters are refused with
  // "Give the reasons for the decision", as if none had been given.
  it("says too-long reasons are too long, not that they are missing", () => {
    expect(issues(parse({ reasons: "x".repeat(4001) }))).toEqual(["reasons: Keep the reasons under 4000 characters"]);
  });

  it("reports every missing field together", () => {
    expect(paths(parse({ reasons: "", [`recommendation.${A}`]: undefined }))).toEqual(["reasons", `recommendation.${A}`]);
  });

  it("needs a condition for proceed with conditions, and refuses conditions with any other decision", () => {
    expect(issues(parse({ decision: "proceed_with_conditions" }))).toEqual(["conditions.0.description: Add at least one condition, with an owner and a due date"]);
    expect(issues(parse({ decision: "proceed_with_conditions", ...condition(0, " ", "", "") }))).toEqual([
      "conditions.0.description: Add at least one condition, with an owner and a due date",
    ]);
    for (const decision of ["proceed", "rework", "stop"]) {
      expect(issues(parse({ decision, ...condition(0, "Sign the ISA", "IG lead", "2027-03-31") })), decision).toEqual([
        "decision: Only a decision to proceed with conditions carries conditions: choose it or clear the conditions",
      ]);
      expect(parse({ decision, ...condition(0, "", "", "") }).success, decision).toBe(true);
    }
  });

  it("refuses half-filled condition rows, naming each missing part by row", () => {
    const r = parse({
      decision: "proceed_with_conditions",
      ...condition(0, "Sign the ISA", "IG lead", "2027-03-31"),
      ...condition(1, "DPIA", "", ""),
      ...condition(2, "", "DPO", "2027-02-30"),
      ...condition(3, "", "", "2027-04-01"),
      ...condition(4, "Train staff", "Trainer", "next month"),
    });
    expect(issues(r)).toEqual([
      "conditions.1.owner: Name who owns the condition",
      "conditions.1.dueOn: Enter the date the condition is due, like 2027-03-31",
      "conditions.2.description: Describe the condition",
      "conditions.2.dueOn: Enter the date the condition is due, like 2027-03-31",
      "conditions.3.description: Describe the condition",
      "conditions.3.owner: Name who owns the condition",
      "conditions.4.dueOn: Enter the date the condition is due, like 2027-03-31",
    ]);
  });

  it("keeps a row's form number in its error path, gaps and all", () => {
    expect(paths(parse({ decision: "proceed_with_conditions", ...condition(0, "DPIA", "DPO", "2027-03-31"), "conditions.7.owner": "DPO" }))).toEqual([
      "conditions.7.description",
      "conditions.7.dueOn",
    ]);
  });

  it("limits the length of each part of a condition", () => {
    expect(issues(parse({ decision: "proceed_with_conditions", ...condition(0, "x".repeat(1001), "y".repeat(201), "2027-03-31") }))).toEqual([
      "conditions.0.description: Keep the condition under 1000 characters",
      "conditions.0.owner: Keep the owner's name under 200 characters",
    ]);
    expect(parse({ decision: "proceed_with_conditions", ...condition(0, "x".repeat(1000), "y".repeat(200), "2027-03-31") }).success).toBe(true);
  });

  // Known defect (reported, not fixed here): the same member ticked twice is returned twice,
  // and the insert into review_attendees (primary key review_id, user_id) then fails.
  it("does not return the same attendee twice", () => {
    const r = parse({ attendees: [A, A, B] });
    expect(r.success).toBe(true);
    expect(r.data!.attendees.map((a) => a.userId)).toEqual([A, B]);
  });
});

describe("decision form round trip", () => {
  // Text as a person types it: something non-blank, perhaps with spaces around it.
  const text = (max: number) =>
    fc
      .tuple(fc.constantFrom("", " ", "  ", "\t"), fc.string({ minLength: 1, maxLength: max - 4, unit: "grapheme" }), fc.constantFrom("", " ", "\n"))
      .filter(([, core]) => core.trim() !== "")
      .map(([before, core, after]) => `${before}${core}${after}`);
  const dateArb = fc.date({ min: new Date("1900-01-01T00:00:00Z"), max: new Date("2199-12-31T00:00:00Z"), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10));
  const rowArb = fc.record({ description: text(1000), owner: text(200), dueOn: dateArb });
  type Row = { description: string; owner: string; dueOn: string };
  const blankRow = fc.record({ description: fc.constantFrom("", " "), owner: fc.constantFrom("", "  "), dueOn: fc.constantFrom("", " ") });

  const caseArb = fc
    .record({
      reviewId: fc.uuid(),
      heldOn: dateArb,
      reasons: text(4000),
      attendees: fc.uniqueArray(fc.record({ userId: fc.uuid(), recommendation: fc.constantFrom<Decision>(...decisions) }), { minLength: 1, maxLength: 6, selector: (a) => a.userId }),
      // Recommendations left on the form for members who were not ticked.
      strays: fc.array(fc.tuple(fc.uuid(), fc.string({ maxLength: 10 })), { maxLength: 2 }),
      // Each slot is a filled row or a blank one (the form offers more rows than are used).
      slots: fc.array(fc.oneof({ arbitrary: rowArb.map((r) => ({ filled: true as const, row: r as Row })), weight: 3 }, { arbitrary: blankRow.map((r) => ({ filled: false as const, row: r as Row })), weight: 1 }), { maxLength: 6 }),
      otherDecision: fc.constantFrom<Decision>("proceed", "rework", "stop"),
      shuffleSeed: fc.nat(),
    })
    .filter((c) => c.strays.every(([id, v]) => !c.attendees.some((a) => a.userId === id) && !(decisions as readonly string[]).includes(v)))
    // Conditions fall due on or after the meeting that set them.
    .filter((c) => c.slots.every((slot) => !slot.filled || slot.row.dueOn >= c.heldOn));

  type Case = typeof caseArb extends fc.Arbitrary<infer T> ? T : never;

  function toForm(c: Case) {
    const filled = c.slots.filter((s) => s.filled).map((s) => s.row);
    const decision: Decision = filled.length > 0 ? "proceed_with_conditions" : c.otherDecision;
    const entries: [string, unknown][] = [
      ["reviewId", c.reviewId],
      ["heldOn", c.heldOn],
      ["decision", decision],
      ["reasons", c.reasons],
      // formToObject gives a single ticked box as a string, several as an array.
      ["attendees", c.attendees.length === 1 ? c.attendees[0]!.userId : c.attendees.map((a) => a.userId)],
      ...c.attendees.map((a): [string, unknown] => [`recommendation.${a.userId}`, a.recommendation]),
      ...c.strays.map(([id, v]): [string, unknown] => [`recommendation.${id}`, v]),
      ...c.slots.flatMap((s, i) => (["description", "owner", "dueOn"] as const).map((f): [string, unknown] => [`conditions.${i}.${f}`, s.row[f]])),
    ];
    // Field order on the wire should not matter.
    const order = entries.map((e, i) => [(i * 7919 + c.shuffleSeed) % 104729, e] as const).sort((x, y) => x[0] - y[0]);
    const form = Object.fromEntries(order.map(([, e]) => e));
    const expected = {
      reviewId: c.reviewId,
      heldOn: c.heldOn,
      decision,
      reasons: c.reasons.trim(),
      attendees: c.attendees,
      conditions: filled.map((r) => ({ description: r.description.trim(), owner: r.owner.trim(), dueOn: r.dueOn })),
    };
    return { form, expected };
  }

  it("parses any filled-in form back to the same decision, attendees and conditions", () => {
    const seen = { withConditions: 0, withoutConditions: 0, blankRowsDropped: 0, singleAttendee: 0, severalAttendees: 0, strayRecommendations: 0, paddedText: 0 };
    fc.assert(
      fc.property(caseArb, (c) => {
        const { form, expected } = toForm(c);
        const r = decisionSchema.safeParse(decisionFormToInput(form));
        expect(issues(r)).toEqual([]);
        expect(r.success && r.data).toEqual(expected);
        if (expected.conditions.length > 0) seen.withConditions++;
        else seen.withoutConditions++;
        if (c.slots.some((s) => !s.filled) && expected.conditions.length > 0) seen.blankRowsDropped++;
        if (c.attendees.length === 1) seen.singleAttendee++;
        else seen.severalAttendees++;
        if (c.strays.length > 0) seen.strayRecommendations++;
        if (c.reasons !== c.reasons.trim() || expected.conditions.some((x, i) => x.owner !== c.slots.filter((s) => s.filled)[i]!.row.owner)) seen.paddedText++;
      }),
      { numRuns: 500 },
    );
    for (const [k, n] of Object.entries(seen)) expect(n, k).toBeGreaterThan(40);
  });

  it("refuses any half-filled row, naming exactly the parts left out", () => {
    let cases = 0;
    fc.assert(
      fc.property(
        caseArb,
        fc.nat({ max: 6 }),
        fc.subarray(["description", "owner", "dueOn"] as const, { minLength: 1, maxLength: 2 }),
        rowArb,
        (c, at, present, row) => {
          const { form } = toForm(c);
          const index = c.slots.length + at; // beyond the generated rows, so it does not overwrite them
          const half: Record<string, unknown> = { ...form, decision: "proceed_with_conditions" };
          for (const f of present) half[`conditions.${index}.${f}`] = row[f];
          const r = decisionSchema.safeParse(decisionFormToInput(half));
          const missing = (["description", "owner", "dueOn"] as const).filter((f) => !present.includes(f));
          expect(paths(r)).toEqual(missing.map((f) => `conditions.${index}.${f}`));
          cases++;
        },
      ),
      { numRuns: 300 },
    );
    expect(cases).toBe(300);
  });
});
