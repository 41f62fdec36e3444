import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { z } from "zod";
import { formatFinancialYear } from "@/lib/financial-year";
import { projectStatuses, ragRatings, stpDigitalPriorities } from "@/lib/portfolio";
import { projectFormToInput, projectInputSchema } from "@/lib/schemas/project";

// The project form as the server action reads it: flat fields, a repeated checkbox as an
// array (one ticked box as a plain string, none as an absent field), the capabilities as
// uc.<n> = "" | "E" | "S", mapped by projectFormToInput and parsed by projectInputSchema.

const A = "3f2b8c1e-4d5a-4b6c-8d7e-9f0a1b2c3d4e";
const B = "0a1b2c3d-4e5f-4a6b-9c7d-8e9f0a1b2c3d";
const C = "7c9e6679-7425-40de-944b-e07fc1f90ae7";
const D = "6ba7b810-9dad-41d1-80b4-00c04fd430c8";
const RECORDS = "Records sharing, care planning";

/** A form that parses: one owner, no footprints, no capabilities, only the required answers. */
const form: Record<string, unknown> = {
  title: "Shared care record",
  description: "",
  ownerIds: A,
  domainId: B,
  stpPriority: RECORDS,
  programmeId: "",
  fromYear: "2017/18",
  toYear: "2018/19",
  startOn: "",
  endOn: "",
  status: "planned",
  rag: "",
  ragReason: "",
};
const expectedFromForm = {
  title: "Shared care record",
  description: "",
  domainId: B,
  stpPriority: RECORDS,
  programmeId: null,
  ownerIds: [A],
  footprintIds: [],
  fromYear: 2017,
  toYear: 2018,
  startOn: null,
  endOn: null,
  status: "planned",
  rag: null,
  ragReason: null,
  capabilities: [],
};

const parse = (raw: Record<string, unknown>) => projectInputSchema.safeParse(projectFormToInput(raw));
/** "path: message" for each issue, or [] when the form parses. */
function issues(result: z.ZodSafeParseResult<unknown>): string[] {
  return result.success ? [] : result.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`);
}
const with_ = (overrides: Record<string, unknown>) => issues(parse({ ...form, ...overrides }));
const data = (overrides: Record<string, unknown>) => {
  const r = parse({ ...form, ...overrides });
  if (!r.success) throw new Error(issues(r).join("; "));
  return r.data;
};

describe("projectInputSchema: a whole form", () => {
  it("parses the least a form can send into the structured input", () => {
    expect(data({})).toEqual(expectedFromForm);
    // No projectId and no version: a new project.
    expect(data({}).projectId).toBeUndefined();
    expect(data({}).version).toBeUndefined();
  });

  it("parses a full form: trimmed text, every list, dates, RAG with its reason, capabilities sorted by number", () => {
    expect(
      data({
        projectId: C,
        version: "4",
        title: "  Shared care record  ",
        description: "  Across the footprint  ",
        ownerIds: [A, D],
        footprintIds: [B, C],
        programmeId: D,
        fromYear: "2016/17",
        toYear: "2018-19",
        startOn: " 2016-04-01 ",
        endOn: "2019-03-31",
        status: "in_flight",
        rag: "amber",
        ragReason: "  Supplier late  ",
        "uc.10": "S",
        "uc.5": "E",
        "uc.1": "",
        "uc.2": "S",
      }),
    ).toEqual({
      projectId: C,
      version: 4,
      title: "Shared care record",
      description: "Across the footprint",
      domainId: B,
      stpPriority: RECORDS,
      programmeId: D,
      ownerIds: [A, D],
      footprintIds: [B, C],
      fromYear: 2016,
      toYear: 2018,
      startOn: "2016-04-01",
      endOn: "2019-03-31",
      status: "in_flight",
      rag: "amber",
      ragReason: "Supplier late",
      capabilities: [
        { uc: 2, role: "S" },
        { uc: 5, role: "E" },
        { uc: 10, role: "S" },
      ],
    });
  });

  it("reports every wrong field of an empty form at once, each on its own field", () => {
    expect(issues(projectInputSchema.safeParse(projectFormToInput({})))).toEqual([
      "title: Enter the project's title",
      "domainId: Choose the maturity domain the project raises",
      "stpPriority: Choose the STP digital priority the project serves",
      "ownerIds: Choose at least one owner organisation",
      "fromYear: Enter the first financial year, like 2017/18",
      "toYear: Enter the last financial year, like 2017/18",
      "status: Choose the project's status",
    ]);
  });
});

describe("projectInputSchema: field by field", () => {
  it("title: required, trimmed, at most 200 characters", () => {
    for (const title of ["", "   ", undefined, null]) expect(with_({ title }), String(title)).toEqual(["title: Enter the project's title"]);
    expect(with_({ title: "x".repeat(201) })).toEqual(["title: Keep the title under 200 characters"]);
    expect(data({ title: ` ${"x".repeat(200)} ` }).title).toBe("x".repeat(200));
  });

  it("description: optional, trimmed, at most 4000 characters", () => {
    expect(data({ description: undefined }).description).toBe("");
    expect(data({ description: null }).description).toBe("");
    expect(data({ description: " Why \n" }).description).toBe("Why");
    expect(data({ description: "x".repeat(4000) }).description).toHaveLength(4000);
    expect(with_({ description: "x".repeat(4001) })).toEqual(["description: Keep the description under 4000 characters"]);
  });

  it("domainId: one chosen from the list", () => {
    for (const domainId of ["", "C1", "42", undefined, null]) {
      expect(with_({ domainId }), String(domainId)).toEqual(["domainId: Choose the maturity domain the project raises"]);
    }
  });

  it("stpPriority: one of the four STP digital priorities, exactly", () => {
    expect(stpDigitalPriorities).toHaveLength(4);
    for (const stpPriority of stpDigitalPriorities) expect(data({ stpPriority }).stpPriority).toBe(stpPriority);
    for (const stpPriority of ["", "records sharing, care planning", "Records sharing", "Interoperability", undefined]) {
      expect(with_({ stpPriority }), String(stpPriority)).toEqual(["stpPriority: Choose the STP digital priority the project serves"]);
    }
  });

  it("programmeId: optional, but one from the list when given", () => {
    for (const programmeId of ["", null, undefined]) expect(data({ programmeId }).programmeId).toBeNull();
    expect(data({ programmeId: C }).programmeId).toBe(C);
    expect(with_({ programmeId: "OUH-GDE" })).toEqual(["programmeId: Choose a programme from the list"]);
  });

  it("ownerIds: at least one, a single ticked box or several, duplicates once", () => {
    expect(data({ ownerIds: A }).ownerIds).toEqual([A]);
    expect(data({ ownerIds: [A] }).ownerIds).toEqual([A]);
    expect(data({ ownerIds: [B, A, B] }).ownerIds).toEqual([B, A]);
    for (const ownerIds of ["", undefined, null, []]) {
      expect(with_({ ownerIds }), JSON.stringify(ownerIds)).toEqual(["ownerIds: Choose at least one owner organisation"]);
    }
    // A crafted id is one message on the field itself (the form shows errors by field name).
    expect(with_({ ownerIds: "RTH" })).toEqual(["ownerIds: Choose owners from the list"]);
    expect(with_({ ownerIds: [A, "RTH", "RHW"] })).toEqual(["ownerIds: Choose owners from the list"]);
  });

  it("footprintIds: optional, a single ticked box or several, duplicates once", () => {
    for (const footprintIds of ["", undefined, null, []]) expect(data({ footprintIds }).footprintIds).toEqual([]);
    expect(data({ footprintIds: C }).footprintIds).toEqual([C]);
    expect(data({ footprintIds: [C, A, C] }).footprintIds).toEqual([C, A]);
    expect(with_({ footprintIds: "OXON" })).toEqual(["footprintIds: Choose footprints from the list"]);
    expect(with_({ footprintIds: [C, "OXON", 7] })).toEqual(["footprintIds: Choose footprints from the list"]);
  });

  it("fromYear and toYear: financial years like 2017/18, the last not before the first", () => {
    for (const [text, year] of [
      ["2017/18", 2017],
      ["2017-18", 2017],
      ["2017/2018", 2017],
      [" 2017/18 ", 2017],
      ["2099/00", 2099],
      ["2000/01", 2000],
    ] as const) {
      expect(data({ fromYear: text, toYear: text }), text).toMatchObject({ fromYear: year, toYear: year });
    }
    expect(data({ fromYear: "2016/17", toYear: "2016/17" })).toMatchObject({ fromYear: 2016, toYear: 2016 });
    for (const bad of ["2017/19", "2017", "17/18", "2017/2019", "1999/00", "next year"]) {
      expect(with_({ fromYear: bad }), bad).toEqual([`fromYear: Enter the first financial year like 2017/18 (“${bad}” is not one)`]);
      expect(with_({ toYear: bad }), bad).toEqual([`toYear: Enter the last financial year like 2017/18 (“${bad}” is not one)`]);
    }
    for (const blank of ["", "  ", undefined, null]) {
      expect(with_({ fromYear: blank }), String(blank)).toEqual(["fromYear: Enter the first financial year, like 2017/18"]);
      expect(with_({ toYear: blank }), String(blank)).toEqual(["toYear: Enter the last financial year, like 2017/18"]);
    }
    expect(with_({ fromYear: "2018/19", toYear: "2017/18" })).toEqual(["toYear: The last financial year cannot be before the first"]);
  });

  it("startOn and endOn: optional real dates, the end not before the start", () => {
    expect(data({ startOn: "2017-04-01", endOn: "" })).toMatchObject({ startOn: "2017-04-01", endOn: null });
    expect(data({ startOn: undefined, endOn: "2019-03-31" })).toMatchObject({ startOn: null, endOn: "2019-03-31" });
    expect(data({ startOn: "2017-04-01", endOn: "2017-04-01" })).toMatchObject({ startOn: "2017-04-01", endOn: "2017-04-01" });
    for (const bad of ["2017-02-29", "2017-13-01", "01/04/2017", "April 2017", "2017-4-1"]) {
      expect(with_({ startOn: bad }), bad).toEqual(["startOn: Enter the start date as a real date, like 2017-04-01"]);
      expect(with_({ endOn: bad }), bad).toEqual(["endOn: Enter the end date as a real date, like 2019-03-31"]);
    }
    expect(with_({ startOn: "2017-04-02", endOn: "2017-04-01" })).toEqual(["endOn: The end date cannot be before the start date"]);
  });

  it("status: one of the project statuses", () => {
    for (const status of projectStatuses) expect(data({ status }).status).toBe(status);
    for (const status of ["", "In flight", "done", undefined]) expect(with_({ status }), String(status)).toEqual(["status: Choose the project's status"]);
  });

  it("rag: optional; red and amber need a reason, green and none do not", () => {
    for (const rag of ["", null, undefined]) expect(data({ rag, ragReason: "" })).toMatchObject({ rag: null, ragReason: null });
    expect(data({ rag: "green", ragReason: "" })).toMatchObject({ rag: "green", ragReason: null });
    expect(data({ rag: "green", ragReason: undefined })).toMatchObject({ rag: "green", ragReason: null });
    expect(data({ rag: "green", ragReason: " On plan " })).toMatchObject({ rag: "green", ragReason: "On plan" });
    for (const rag of ["red", "amber"] as const) {
      expect(data({ rag, ragReason: " Supplier late " })).toMatchObject({ rag, ragReason: "Supplier late" });
      for (const ragReason of ["", "   ", undefined]) expect(with_({ rag, ragReason }), `${rag} ${String(ragReason)}`).toEqual([`ragReason: Say why the project is ${rag}`]);
    }
    for (const rag of ["blue", "Red", "R"]) expect(with_({ rag }), rag).toEqual(["rag: Choose red, amber or green"]);
    expect(with_({ rag: "red", ragReason: "x".repeat(2001) })).toEqual(["ragReason: Keep the reason under 2000 characters"]);
    expect(ragRatings).toEqual(["red", "amber", "green"]);
  });

  it("capabilities: only 1 to 10, each enables, supports or neither", () => {
    expect(data({ "uc.1": "E", "uc.10": "S" }).capabilities).toEqual([
      { uc: 1, role: "E" },
      { uc: 10, role: "S" },
    ]);
    // Neither is no link at all.
    expect(data(Object.fromEntries(Array.from({ length: 10 }, (_, i) => [`uc.${i + 1}`, ""]))).capabilities).toEqual([]);
    for (const n of ["0", "11", "99"]) expect(with_({ [`uc.${n}`]: "E" }), n).toEqual([`capabilities.${n}: There are ten universal capabilities, 1 to 10`]);
    // A second spelling of a number would be a second link to the same capability.
    expect(with_({ "uc.5": "E", "uc.05": "S" })).toEqual(["capabilities.05: There are ten universal capabilities, 1 to 10"]);
    for (const key of ["1.5", "x", "5.0", " 5"]) {
      expect(issues(projectInputSchema.safeParse({ ...projectFormToInput(form), capabilities: { [key]: "E" } })), key).toEqual([
        `capabilities.${key}: There are ten universal capabilities, 1 to 10`,
      ]);
    }
    for (const role of ["X", "e", "enables", "ES"]) expect(with_({ "uc.5": role }), role).toEqual(["capabilities.5: Choose enables, supports or neither"]);
  });

  it("projectId and version: absent for a new project; otherwise an id and a positive whole number", () => {
    expect(data({ projectId: "", version: "" })).toMatchObject({ projectId: undefined, version: undefined });
    expect(data({ projectId: A, version: "12" })).toMatchObject({ projectId: A, version: 12 });
    expect(with_({ projectId: "42" }).map((i) => i.split(":")[0])).toEqual(["projectId"]);
    for (const version of ["0", "-1", "1.5", "abc"]) expect(with_({ projectId: A, version }).map((i) => i.split(":")[0]), version).toEqual(["version"]);
  });
});

describe("projectFormToInput", () => {
  it("gathers uc.<n> fields into capabilities, keeping every other field as it was", () => {
    expect(projectFormToInput({ title: "T", ownerIds: [A, B], "uc.5": "E", "uc.10": "S", "uc.3": "" })).toEqual({
      title: "T",
      ownerIds: [A, B],
      "uc.5": "E",
      "uc.10": "S",
      "uc.3": "",
      capabilities: { "5": "E", "10": "S", "3": "" },
    });
  });

  it("gives no capabilities when the form has no uc fields, and takes them only from uc fields", () => {
    expect(projectFormToInput({ title: "T" })).toEqual({ title: "T", capabilities: {} });
    expect(projectFormToInput({ capabilities: { "5": "E" } }).capabilities).toEqual({});
    expect(projectFormToInput({ "uc.": "E", "uc.123": "E", "ucx.5": "E", "uc.5.1": "E", "uc5": "E", "UC.5": "E" }).capabilities).toEqual({});
  });

  it("passes a capability number out of range on to the schema, which names it", () => {
    expect(projectFormToInput({ "uc.11": "E" }).capabilities).toEqual({ "11": "E" });
    expect(with_({ "uc.11": "E" })).toEqual(["capabilities.11: There are ten universal capabilities, 1 to 10"]);
  });
});

// ---- property: any valid form parses to the input it describes --------------------------

const uuid = fc.uuid({ version: 4 });
const spaced = (text: fc.Arbitrary<string>) => fc.tuple(fc.constantFrom("", " ", "  "), text, fc.constantFrom("", " ", "\t")).map(([a, t, b]) => `${a}${t}${b}`);
/** A repeated checkbox as formToObject gives it: absent, one string, or an array (maybe with repeats). */
const checkboxes = (min: number) =>
  fc.uniqueArray(uuid, { minLength: min, maxLength: 4 }).chain((ids) =>
    fc.record({
      ids: fc.constant(ids),
      sent: ids.length === 0 ? fc.constantFrom<unknown>(undefined, "", []) : ids.length === 1 ? fc.constantFrom<unknown>(ids[0], ids) : fc.constant<unknown>([...ids, ids[0]]),
    }),
  );
const isoDay = fc.date({ min: new Date("2000-01-01T00:00:00Z"), max: new Date("2100-12-31T00:00:00Z"), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10));
const yearSpelling = (y: number) => fc.constantFrom(formatFinancialYear(y), `${y}-${String((y + 1) % 100).padStart(2, "0")}`, `${y}/${y + 1}`);

const validForm = fc
  .record({
    projectId: fc.option(uuid, { nil: undefined }),
    version: fc.option(fc.integer({ min: 1, max: 10_000 }), { nil: undefined }),
    title: fc.string({ minLength: 1, maxLength: 200 }).filter((t) => t.trim().length > 0),
    description: fc.string({ maxLength: 300 }),
    domainId: uuid,
    stpPriority: fc.constantFrom(...stpDigitalPriorities),
    programmeId: fc.option(uuid, { nil: null }),
    owners: checkboxes(1),
    places: checkboxes(0),
    years: fc.integer({ min: 2000, max: 2100 }).chain((from) => fc.tuple(fc.constant(from), fc.integer({ min: from, max: 2100 }))),
    dates: fc.tuple(fc.option(isoDay, { nil: null }), fc.option(isoDay, { nil: null })).map(([a, b]) => (a && b && b < a ? [b, a] : [a, b])),
    status: fc.constantFrom(...projectStatuses),
    rag: fc.constantFrom(null, ...ragRatings),
    reason: fc.string({ maxLength: 100 }),
    caps: fc.array(fc.constantFrom(undefined, "", "E", "S"), { minLength: 10, maxLength: 10 }),
  })
  .filter((f) => !((f.rag === "red" || f.rag === "amber") && f.reason.trim() === ""))
  .chain((f) =>
    fc.record({
      f: fc.constant(f),
      fromText: yearSpelling(f.years[0]),
      toText: yearSpelling(f.years[1]),
      titleText: spaced(fc.constant(f.title)),
    }),
  );

describe("projectInputSchema: property", () => {
  it("parses any valid project form to the structured input it describes", () => {
    fc.assert(
      fc.property(validForm, ({ f, fromText, toText, titleText }) => {
        const raw: Record<string, unknown> = {
          title: titleText,
          description: f.description,
          domainId: f.domainId,
          stpPriority: f.stpPriority,
          programmeId: f.programmeId ?? "",
          fromYear: fromText,
          toYear: toText,
          startOn: f.dates[0] ?? "",
          endOn: f.dates[1] ?? "",
          status: f.status,
          rag: f.rag ?? "",
          ragReason: f.reason,
        };
        if (f.projectId) raw.projectId = f.projectId;
        if (f.version) raw.version = String(f.version);
        if (f.owners.sent !== undefined) raw.ownerIds = f.owners.sent;
        if (f.places.sent !== undefined) raw.footprintIds = f.places.sent;
        f.caps.forEach((role, i) => {
          if (role !== undefined) raw[`uc.${i + 1}`] = role;
        });

        const reason = f.reason.trim();
        const expected = {
          ...(f.projectId ? { projectId: f.projectId } : {}),
          ...(f.version ? { version: f.version } : {}),
          title: f.title.trim(),
          description: f.description.trim(),
          domainId: f.domainId,
          stpPriority: f.stpPriority,
          programmeId: f.programmeId,
          ownerIds: f.owners.ids,
          footprintIds: f.places.ids,
          fromYear: f.years[0],
          toYear: f.years[1],
          startOn: f.dates[0],
          endOn: f.dates[1],
          status: f.status,
          rag: f.rag,
          ragReason: reason === "" ? null : reason,
          capabilities: f.caps.flatMap((role, i) => (role === "E" || role === "S" ? [{ uc: i + 1, role }] : [])),
        };
        const result = projectInputSchema.safeParse(projectFormToInput(raw));
        expect(issues(result)).toEqual([]);
        expect(result.data).toEqual(expected);
      }),
      { numRuns: 300 },
    );
  });
});
