// Unit tests for lib/control-characters.ts and where import cells use it (lib/import/cells.ts).
import { describe, expect, it } from "vitest";
import { cleanFormData, stripControlCharacters, stripControlCharactersDeep } from "@/lib/control-characters";
import { textCell } from "@/lib/import/cells";

describe("stripControlCharacters", () => {
  it("drops NUL and the other C0 controls and DEL, keeping tab, line feed and carriage return", () => {
    const every = Array.from({ length: 32 }, (_, i) => String.fromCharCode(i)).join("") + "\u007f";
    expect(stripControlCharacters(`a${every}b`)).toBe("a\t\n\rb");
    expect(stripControlCharacters("Ann\u0000 Smith\u001b[31m")).toBe("Ann Smith[31m");
    expect(stripControlCharacters("line one\r\nline two")).toBe("line one\r\nline two");
    expect(stripControlCharacters("Café – ✓")).toBe("Café – ✓");
  });

  it("cleans every string of parsed JSON, keys too, and leaves other values alone", () => {
    expect(stripControlCharactersDeep({ "R1\u0000": 80, list: ["a\u0000", 2, null, true], nested: { x: "\u0007y" } })).toEqual({ R1: 80, list: ["a", 2, null, true], nested: { x: "y" } });
  });

  it("cleans a form's text fields and keeps its files and passwords as sent", async () => {
    const form = new FormData();
    form.append("name", "Ann\u0000");
    form.append("tick", "a");
    form.append("tick", "b\u0001");
    form.append("file", new File(["x\u0000y"], "f.csv"));
    form.append("newPassword", "pass\u0007word");
    const clean = cleanFormData(form);
    expect(clean.get("newPassword")).toBe("pass\u0007word");
    expect(clean.get("name")).toBe("Ann");
    expect(clean.getAll("tick")).toEqual(["a", "b"]);
    const file = clean.get("file") as File;
    expect([file.name, await file.text()]).toEqual(["f.csv", "x\u0000y"]);
  });
});

describe("textCell", () => {
  it("drops control characters from a cell, so a NUL never reaches the database", () => {
    expect(textCell("RT\u0000H")).toEqual({ kind: "text", value: "RTH" });
    expect(textCell("\u0000\u0001")).toEqual({ kind: "empty" });
    expect(textCell("two\nlines")).toEqual({ kind: "text", value: "two\nlines" });
    // An escaped formula still loses its apostrophe after the clean-up.
    expect(textCell("\u0000'=1+2")).toEqual({ kind: "text", value: "=1+2" });
  });
});
