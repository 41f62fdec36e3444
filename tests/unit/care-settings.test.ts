import { describe, expect, it } from "vitest";
import { inCareSetting, parseCareSetting, type CareSetting } from "@/lib/care-settings";

const domain = (code: string, careSetting: CareSetting | null) => ({ code, careSetting });

describe("a framework in one care setting", () => {
  const structure = {
    sections: [
      { code: "A", domains: [domain("A1", null), domain("A2", "acute")] },
      { code: "B", domains: [domain("B1", "community")] },
    ],
    domains: [domain("A1", null), domain("A2", "acute"), domain("B1", "community")],
  };
  it("keeps the shared domains and the setting's own, and drops a section left empty", () => {
    const acute = inCareSetting(structure, "acute");
    expect(acute.domains.map((d) => d.code)).toEqual(["A1", "A2"]);
    expect(acute.sections.map((s) => s.code)).toEqual(["A"]);
    expect(inCareSetting(structure, "community").domains.map((d) => d.code)).toEqual(["A1", "B1"]);
  });
  it("leaves a framework whose domains every setting shares as it is", () => {
    const shared = { sections: [{ code: "A", domains: [domain("A1", null)] }], domains: [domain("A1", null)] };
    expect(inCareSetting(shared, "ambulance")).toBe(shared);
  });
});

describe("care settings as people and files name them", () => {
  it.each([
    ["Acute", "acute"],
    ["MENTAL HEALTH", "mental-health"],
    ["mental_health", "mental-health"],
    ["Integrated care board", "icb"],
    ["icb", "icb"],
  ] as const)("%s is %s", (text, code) => {
    expect(parseCareSetting(text)).toBe(code);
  });
  it("names nothing for an unknown setting", () => {
    expect(parseCareSetting("dental")).toBeNull();
  });
});
