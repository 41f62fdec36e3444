import { readFileSync } from "node:fs";
import fc from "fast-check";
import { importFormats } from "@/lib/import/formats";
import type { ImportKind } from "@/lib/import/kinds";
import { pillars } from "@/lib/dma/pillars";
import { dmaWorkbookPath } from "@/db/seed/national-reference";
import { num, repeatedPart, sheetHead, sheetTail, stringsHead, stringsTail, text, workbookEntries, writeWorkbook, type XCell } from "./xlsx";
import { deflatedEntry, storedEntry, writeZip, type ZipEntry } from "./zip";

// What the fuzzer uploads: valid files of every import kind, then the same files damaged
// in the ways an attacker or a broken tool would damage them. Each case names its
// generator, so that the summary says which kinds of file were tried and how they ended.

export interface FuzzCase {
  generator: string;
  kind: ImportKind;
  fileName: string;
  bytes: Uint8Array;
  /** Built to pass every check on the demo data: anything but a clean preview is a failure. */
  valid: boolean;
}

/** How large the bombs may grow: the short CI pass keeps them small. */
export interface GeneratorLimits {
  /** The most a zip part may unpack to, in bytes. */
  maxUnpacked: number;
  /** The most an uploaded file may be, in bytes (the app refuses more than 30 MB anyway). */
  maxFileBytes: number;
}
export const shortLimits: GeneratorLimits = { maxUnpacked: 64 << 20, maxFileBytes: 4 << 20 };
export const longLimits: GeneratorLimits = { maxUnpacked: 1536 << 20, maxFileBytes: 31 << 20 };

const enc = new TextEncoder();
const rowKinds = ["scores", "national-averages", "targets", "projects"] as const;
type RowKind = (typeof rowKinds)[number];

// Rows that pass every check on the demo data (an administrator uploading).
const dmiDomains = ["R1", "R2", "R3", "R4", "R5", "C1", "C2", "C3", "C4", "C5", "C6", "C7", "I1", "I2"];
const validRow: Record<RowKind, fc.Arbitrary<(string | number)[][]>> = {
  scores: fc
    .uniqueArray(fc.tuple(fc.constantFrom("RTH", "RHW", "RNU"), fc.constantFrom(...dmiDomains), fc.integer({ min: 0, max: 100 })), { minLength: 1, maxLength: 30, selector: ([o, d]) => `${o}|${d}` })
    .map((rows) => rows.map(([o, d, v]) => [o, "DMI-2016", "2017-REASSESSMENT", d, v])),
  "national-averages": fc
    .uniqueArray(fc.tuple(fc.constantFrom(...dmiDomains), fc.integer({ min: 0, max: 100 })), { minLength: 1, maxLength: 14, selector: ([d]) => d })
    .map((rows) => rows.map(([d, v]) => ["DMI-2016", "2017-REASSESSMENT", d, v])),
  targets: fc
    .uniqueArray(fc.tuple(fc.constantFrom("RTH", "RHW", "RNU"), fc.constantFrom(...dmiDomains), fc.constantFrom("2018/19", "2019/20", "2020/21"), fc.integer({ min: 0, max: 100 })), {
      minLength: 1,
      maxLength: 30,
      selector: ([o, d, y]) => `${o}|${d}|${y}`,
    })
    .map((rows) => rows.map(([o, d, y, v]) => ["organisation", o, "DMI-2016", d, y, v])),
  projects: fc.constant(importFormats.projects.examples),
};
const headerOf = (kind: RowKind) => importFormats[kind].columns.map((c) => c.name);

// Text an attacker or a careless export puts in a cell.
const nastyText = fc.oneof(
  fc.string({ maxLength: 40 }),
  fc.string({ unit: "grapheme", maxLength: 20 }),
  fc.string({ unit: "binary", maxLength: 20 }),
  fc.constantFrom(
    "=1+2", "+SUM(A1:A9)", "-2+3", "@cmd", "=HYPERLINK(\"http://x\")", " =1", "\uff1d1+2", "\t=1",
    "1e309", "-1e309", "1e-400", "NaN", "Infinity", "-0", "0x1F", "9".repeat(400), "1,000", "١٢", "65%", "٪65", "1_000",
    "\u0000", "\u0000RTH", "R\u0007TH", "\u202eHTR", "\ufeffRTH", "\ud800", "_x0000_", "_x005F_x0041_", "&amp;", "&#0;", "&lt;script&gt;", "]]>",
    "undefined", "null", "[object Object]", "__proto__", "constructor", "toString", "",
  ),
);
const nastyNumber = fc.oneof(fc.double(), fc.integer(), fc.bigInt().map(String), fc.constantFrom("1e309", "-1e309", "NaN", "Infinity", "4.9e-324", "1.7976931348623157e308", "9".repeat(310), "00000065", "6.5E1", "0065.000"));

function csvField(value: string | number): string {
  const s = String(value);
  return /[",\r\n]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s;
}
const csvText = (rows: (string | number)[][], eol = "\r\n") => rows.map((r) => r.map(csvField).join(",")).join(eol) + eol;

const xlsxCellOf = (value: string | number, inline: boolean): XCell =>
  typeof value === "number" ? num(value) : value === "" ? null : inline ? { t: "inline", text: value } : text(value);
const xlsxOf = (rows: (string | number)[][], inline: boolean, stringsFirst: boolean) => writeWorkbook([{ rows: rows.map((r) => r.map((v) => xlsxCellOf(v, inline))) }], { stringsFirst });

// ---------- valid files ----------

const validFile = fc.tuple(fc.constantFrom(...rowKinds), fc.boolean(), fc.boolean(), fc.boolean()).chain(([kind, asXlsx, inline, stringsFirst]) =>
  validRow[kind].map((rows): FuzzCase => {
    const table = [headerOf(kind), ...rows];
    return asXlsx
      ? { generator: `valid-xlsx-${stringsFirst ? "ss-first" : "excel-order"}`, kind, fileName: `${kind}.xlsx`, bytes: xlsxOf(table, inline, stringsFirst), valid: kind !== "projects" }
      : { generator: "valid-csv", kind, fileName: `${kind}.csv`, bytes: enc.encode(csvText(table)), valid: kind !== "projects" };
  }),
);

// ---------- CSV damage ----------

const messyTable = fc.tuple(fc.constantFrom(...rowKinds), fc.array(fc.array(fc.oneof(nastyText, nastyNumber.map(String)), { maxLength: 20 }), { maxLength: 30 })).map(([kind, rows]) => ({ kind, rows: [headerOf(kind), ...rows] }));

const csvMessy = messyTable.map(({ kind, rows }): FuzzCase => ({ generator: "csv-messy-cells", kind, fileName: "messy.csv", bytes: enc.encode(csvText(rows)), valid: false }));

const csvEncoding = fc.tuple(fc.constantFrom(...rowKinds), fc.constantFrom("utf16le-bom", "utf16le", "utf16be-bom", "utf16be", "cp1252", "nul", "invalid-utf8", "overlong", "cesu", "utf8-bom", "lone-cr"), fc.nat()).map(([kind, encoding, at]): FuzzCase => {
  const table = csvText([headerOf(kind), ["RTH", "Café £5 – “quoted”", "x"], ["RHW", "naïve", "1"]]);
  let bytes: Uint8Array;
  const utf16 = (big: boolean) => {
    const le = Buffer.from(table, "utf16le");
    if (big) for (let i = 0; i + 1 < le.length; i += 2) [le[i], le[i + 1]] = [le[i + 1]!, le[i]!];
    return le;
  };
  switch (encoding) {
    case "utf16le-bom": bytes = Buffer.concat([Buffer.from([0xff, 0xfe]), utf16(false)]); break;
    case "utf16le": bytes = utf16(false); break;
    case "utf16be-bom": bytes = Buffer.concat([Buffer.from([0xfe, 0xff]), utf16(true)]); break;
    case "utf16be": bytes = utf16(true); break;
    case "cp1252": bytes = Buffer.from(table.replace(/[“”–]/g, "\""), "latin1"); break;
    case "utf8-bom": bytes = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), enc.encode(table)]); break;
    case "lone-cr": bytes = enc.encode(table.replaceAll("\r\n", "\r")); break;
    default: {
      const base = Buffer.from(enc.encode(table));
      const insert = { nul: [0], "invalid-utf8": [0xc3, 0x28], overlong: [0xc0, 0xaf], cesu: [0xed, 0xa0, 0x80] }[encoding as "nul"];
      const p = at % base.length;
      bytes = Buffer.concat([base.subarray(0, p), Buffer.from(insert), base.subarray(p)]);
    }
  }
  return { generator: `csv-encoding-${encoding}`, kind, fileName: "encoded.csv", bytes, valid: false };
});

const csvStructure = fc
  .tuple(fc.constantFrom(...rowKinds), fc.constantFrom("open-quote", "quote-mid", "quote-after", "ragged", "blank-lines", "only-header", "only-commas", "header-dupes", "semicolons", "tabs"), fc.nat())
  .map(([kind, damage, at]): FuzzCase => {
    const h = headerOf(kind);
    const rows = [h.join(","), ...Array.from({ length: 5 }, (_, i) => h.map((_c, j) => `v${i}${j}`).join(","))];
    const r = 1 + (at % 5);
    switch (damage) {
      case "open-quote": rows[r] = `"${rows[r]}`; break;
      case "quote-mid": rows[r] = rows[r]!.replace(",", ',ab"cd,'); break;
      case "quote-after": rows[r] = rows[r]!.replace(",", ',"ab"cd,'); break;
      case "ragged": rows[r] = `${rows[r]},extra,more`; break;
      case "blank-lines": rows.splice(r, 0, "", " ", ",,,,", "\t"); break;
      case "only-header": rows.length = 1; break;
      case "only-commas": rows[0] = ",".repeat(h.length); break;
      case "header-dupes": rows[0] = `${rows[0]},${h[0]}`; break;
      case "semicolons": rows.forEach((_, i) => (rows[i] = rows[i]!.replaceAll(",", ";"))); break;
      case "tabs": rows.forEach((_, i) => (rows[i] = rows[i]!.replaceAll(",", "\t"))); break;
    }
    return { generator: `csv-structure-${damage}`, kind, fileName: "broken.csv", bytes: enc.encode(rows.join("\n")), valid: false };
  });

/** Shapes that cost memory or time: wide rows, long cells, many rows, a header of commas. */
const csvLarge = (limits: GeneratorLimits) =>
  fc.tuple(fc.constantFrom(...rowKinds), fc.constantFrom("wide-row", "comma-header", "long-cell", "long-quoted", "many-rows", "many-blank-lines", "many-errors"), fc.double({ min: 0.05, max: 1, noNaN: true })).map(([kind, shape, scale]): FuzzCase => {
    const budget = Math.max(1024, Math.floor(limits.maxFileBytes * scale));
    const head = headerOf(kind).join(",");
    let body: string;
    switch (shape) {
      case "wide-row": body = `${head}\n${"1,".repeat(budget / 2 - 1)}1\n`; break;
      case "comma-header": body = `${",".repeat(budget)}\nRTH\n`; break;
      case "long-cell": body = `${head}\n${"A".repeat(budget)},x\n`; break;
      case "long-quoted": body = `${head}\n"${"a\n\"\"".repeat(budget / 4)}"\n`; break;
      case "many-rows": body = `${head}\n${"RTH,DMI-2016,2017-REASSESSMENT,C1,50\n".repeat(Math.min(300_000, budget / 36))}`; break;
      case "many-blank-lines": body = `${head}\n${"\n".repeat(budget)}RTH\n`; break;
      case "many-errors": body = `${head}\n${"x\n".repeat(Math.min(300_000, budget / 2))}`; break;
    }
    return { generator: `csv-large-${shape}`, kind, fileName: "large.csv", bytes: enc.encode(body!), valid: false };
  });

const randomBytes = fc.tuple(fc.constantFrom(...rowKinds), fc.uint8Array({ maxLength: 2000 }), fc.constantFrom(null, [0x50, 0x4b, 0x03, 0x04], [0xd0, 0xcf, 0x11, 0xe0], [0xef, 0xbb, 0xbf], [0xff, 0xfe])).map(
  ([kind, bytes, magic]): FuzzCase => ({ generator: `random-bytes${magic ? `-magic-${magic[0]!.toString(16)}` : ""}`, kind, fileName: "random.bin", bytes: magic ? new Uint8Array([...magic, ...bytes]) : bytes.length ? bytes : new Uint8Array([0]), valid: false }),
);

// ---------- XLSX damage ----------

const cellArb: fc.Arbitrary<XCell> = fc.oneof(
  nastyText.map((s) => text(s)),
  nastyText.map((s): XCell => ({ t: "inline", text: s })),
  nastyNumber.map((v) => num(String(v))),
  fc.constantFrom<XCell>(
    { t: "f", formula: "1+2", cached: "3" },
    { t: "f", formula: "SUM(A1:A1048576)" },
    { t: "f", formula: "WEBSERVICE(\"http://example.invalid\")", cached: "x" },
    { t: "f", formula: "A1", shared: true, cached: "65" },
    { t: "e", v: "#DIV/0!" },
    { t: "e", v: "#N/A" },
    { t: "b", v: true },
    { t: "raw", xml: '<c r="A1" t="s"><v>999999</v></c>' },
    { t: "raw", xml: '<c r="A1" t="s"><v>-1</v></c>' },
    { t: "raw", xml: '<c r="A1" t="s"><v>abc</v></c>' },
    { t: "raw", xml: '<c r="ZZZZZZ1"><v>1</v></c>' },
    { t: "raw", xml: '<c r="A0"><v>1</v></c>' },
    { t: "raw", xml: '<c r="XFE1"><v>1</v></c>' },
    { t: "raw", xml: '<c r="A1" t="d"><v>not a date</v></c>' },
    { t: "raw", xml: '<c r="A1" t="d"><v>9999-99-99T99:99</v></c>' },
    { t: "raw", xml: '<c r="A1" s="99999"><v>45000</v></c>' },
    { t: "raw", xml: '<c r="A1" t="n"><v>1e309</v></c>' },
    { t: "raw", xml: '<c r="A1" t="str"><f>1/0</f><v>#DIV/0!</v></c>' },
    { t: "raw", xml: "<c><v>1</v></c>" },
    { t: "raw", xml: '<c r="A1"><is><t>in a number cell</t></is></c>' },
    null,
  ),
);

const xlsxCells = fc.tuple(fc.constantFrom(...rowKinds), fc.array(fc.array(cellArb, { maxLength: 20 }), { maxLength: 25 }), fc.boolean()).map(([kind, rows, stringsFirst]): FuzzCase => ({
  generator: "xlsx-messy-cells",
  kind,
  fileName: "messy.xlsx",
  bytes: writeWorkbook([{ rows: [headerOf(kind).map((h) => text(h)), ...rows] }], { stringsFirst }),
  valid: false,
}));

const xlsxRowNumbers = fc.tuple(fc.constantFrom(...rowKinds), fc.array(fc.constantFrom("0", "-1", "1048577", "999999999", "4294967297", "1e3", "abc", "", "2", "1", null), { minLength: 2, maxLength: 6 })).map(([kind, numbers]): FuzzCase => ({
  generator: "xlsx-row-numbers",
  kind,
  fileName: "rows.xlsx",
  bytes: writeWorkbook([{ rows: [headerOf(kind).map((h) => text(h)), ...numbers.slice(1).map(() => [text("RTH"), num(5)])], rowNumbers: numbers }], { stringsFirst: true }),
  valid: false,
}));

/** A valid workbook's entries, to damage. */
const baseEntries = fc.tuple(fc.constantFrom(...rowKinds), fc.boolean()).chain(([kind, stringsFirst]) =>
  validRow[kind].map((rows) => ({ kind, entries: workbookEntries([{ rows: [headerOf(kind), ...rows].map((r) => r.map((v) => xlsxCellOf(v, false))) }], { stringsFirst }) })),
);

const xmlPart = fc.constantFrom("xl/worksheets/sheet1.xml", "xl/sharedStrings.xml", "xl/workbook.xml", "[Content_Types].xml", "xl/_rels/workbook.xml.rels", "_rels/.rels");

/** Parts whose XML is damaged or hostile. */
const xlsxXml = fc
  .tuple(baseEntries, xmlPart, fc.constantFrom("deep", "deep-cell", "doctype-entities", "external-entity", "undefined-entity", "utf16-declared", "utf16-body", "invalid-utf8", "nul", "control", "unclosed", "empty", "not-xml", "cdata", "huge-attribute", "many-attributes", "namespaces"), fc.integer({ min: 1, max: 200_000 }))
  .map(([{ kind, entries }, part, damage, n]): FuzzCase => {
    const at = entries.findIndex((e) => e.name === part);
    const i = at >= 0 ? at : 0;
    const name = entries[i]!.name;
    const original = name === "xl/worksheets/sheet1.xml" || name === "xl/sharedStrings.xml" ? null : "";
    const head = '<?xml version="1.0" encoding="UTF-8"?>';
    let entry: ZipEntry;
    switch (damage) {
      case "deep": entry = repeatedPart(name, `${head}<worksheet><sheetData>`, "<a>", n * 10, "</sheetData></worksheet>"); break;
      case "deep-cell": entry = repeatedPart(name, `${head}<worksheet><sheetData><row r="1"><c r="A1" t="inlineStr"><is>`, "<r><t>", n * 5, "x</t></r></is></c></row></sheetData></worksheet>"); break;
      case "doctype-entities":
        entry = deflatedEntry(name, `${head}<!DOCTYPE lol [<!ENTITY a "aaaaaaaaaa">${Array.from({ length: 9 }, (_, k) => `<!ENTITY ${String.fromCharCode(98 + k)} "${`&${String.fromCharCode(97 + k)};`.repeat(10)}">`).join("")}]><sst count="1"><si><t>&j;</t></si></sst>`);
        break;
      case "external-entity": entry = deflatedEntry(name, `${head}<!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]><sst count="1"><si><t>&e;</t></si></sst>`); break;
      case "undefined-entity": entry = deflatedEntry(name, `${head}<sst count="1"><si><t>&nope;&#0;&#xD800;&#99999999;</t></si></sst>`); break;
      case "utf16-declared": entry = deflatedEntry(name, Buffer.from(`<?xml version="1.0" encoding="UTF-16"?><sst count="1"><si><t>RTH</t></si></sst>`, "utf16le")); break;
      case "utf16-body": entry = deflatedEntry(name, Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(`${head}<sst count="1"><si><t>RTH</t></si></sst>`, "utf16le")])); break;
      case "invalid-utf8": entry = deflatedEntry(name, Buffer.concat([Buffer.from(`${head}<sst count="1"><si><t>`), Buffer.from([0xc3, 0x28, 0xff, 0xfe]), Buffer.from("</t></si></sst>")])); break;
      case "nul": entry = deflatedEntry(name, Buffer.from(`${head}<sst count="1"><si><t>R\u0000TH</t></si></sst>`)); break;
      case "control": entry = deflatedEntry(name, Buffer.from(`${head}<sst count="1"><si><t>\u0001\u0002\u001b[31m\u0007</t></si></sst>`)); break;
      case "unclosed": entry = deflatedEntry(name, `${head}<worksheet><sheetData><row r="1"><c r="A1"><v>1`); break;
      case "empty": entry = deflatedEntry(name, original ?? ""); break;
      case "not-xml": entry = deflatedEntry(name, "ods_code,framework\nRTH,DMI-2016\n"); break;
      case "cdata": entry = deflatedEntry(name, `${head}<sst count="1"><si><t><![CDATA[<row/>]]></t></si></sst>`); break;
      case "huge-attribute": entry = repeatedPart(name, `${head}<worksheet><sheetData><row r="1" x="`, "A", n * 50, `"><c r="A1"><v>1</v></c></row></sheetData></worksheet>`); break;
      case "many-attributes": entry = repeatedPart(name, `${head}<worksheet><sheetData><row r="1" `, "", 0, `${Array.from({ length: Math.min(n, 5000) }, (_, k) => `a${k}="1"`).join(" ")}></row></sheetData></worksheet>`); break;
      case "namespaces": entry = deflatedEntry(name, `${head}<x:worksheet xmlns:x="urn:other"><x:sheetData><x:row r="1"><x:c r="A1" t="inlineStr"><x:is><x:t>ods_code</x:t></x:is></x:c></x:row></x:sheetData></x:worksheet>`); break;
    }
    const damaged = entries.slice();
    damaged[i] = { ...entry!, name };
    return { generator: `xlsx-xml-${damage}`, kind, fileName: "damaged.xlsx", bytes: writeZip(damaged), valid: false };
  });

/** Parts that unpack to far more than they take: bombs of strings, rows, cells or plain bytes. */
const xlsxBomb = (limits: GeneratorLimits) =>
  fc.tuple(fc.constantFrom(...rowKinds), fc.constantFrom("shared-strings-many", "shared-string-one-huge", "empty-rows", "rows-of-cells", "wide-row", "inline-huge", "styles", "unknown-part", "two-bombs"), fc.double({ min: 0.01, max: 1, noNaN: true }), fc.boolean()).map(
    ([kind, shape, scale, stringsFirst]): FuzzCase => {
      const size = Math.max(1 << 16, Math.floor(limits.maxUnpacked * scale));
      const header = headerOf(kind).map((h) => text(h));
      const base = workbookEntries([{ rows: [header] }], { stringsFirst });
      const put = (entry: ZipEntry) => {
        const at = base.findIndex((e) => e.name === entry.name);
        if (at >= 0) base[at] = entry;
        else base.push(entry);
      };
      const units = (unit: string) => Math.max(1, Math.floor(size / unit.length));
      switch (shape) {
        case "shared-strings-many": {
          const unit = "<si><t>AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA</t></si>";
          put(repeatedPart("xl/sharedStrings.xml", stringsHead(units(unit)), unit, units(unit), `${stringsTail}`));
          break;
        }
        case "shared-string-one-huge":
          put(repeatedPart("xl/sharedStrings.xml", `${stringsHead(1)}<si><t>`, "A", size, `</t></si>${stringsTail}`));
          break;
        case "empty-rows":
          put(repeatedPart("xl/worksheets/sheet1.xml", `${sheetHead}<row r="1">${header.map((_, c) => `<c r="${String.fromCharCode(65 + c)}1" t="s"><v>${c}</v></c>`).join("")}</row>`, "<row/>", units("<row/>"), sheetTail));
          break;
        case "rows-of-cells": {
          const unit = "<row><c t=\"inlineStr\"><is><t>RTH</t></is></c><c><v>1</v></c><c><v>2</v></c></row>";
          put(repeatedPart("xl/worksheets/sheet1.xml", sheetHead, unit, units(unit), sheetTail));
          break;
        }
        case "wide-row":
          put(repeatedPart("xl/worksheets/sheet1.xml", `${sheetHead}<row r="1">`, "<c><v>1</v></c>", units("<c><v>1</v></c>"), `</row>${sheetTail}`));
          break;
        case "inline-huge":
          put(repeatedPart("xl/worksheets/sheet1.xml", `${sheetHead}<row r="1"><c r="A1" t="inlineStr"><is><t>`, "A", size, `</t></is></c></row>${sheetTail}`));
          break;
        case "styles":
          put(repeatedPart("xl/styles.xml", '<?xml version="1.0"?><styleSheet><numFmts>', '<numFmt numFmtId="200" formatCode="0.00"/>', units('<numFmt numFmtId="200" formatCode="0.00"/>'), "</numFmts></styleSheet>"));
          break;
        case "unknown-part":
          put(repeatedPart("xl/media/image1.png", "", "\u0000", size, ""));
          break;
        case "two-bombs": {
          const unit = "<si><t>B</t></si>";
          put(repeatedPart("xl/sharedStrings.xml", stringsHead(units(unit) / 2), unit, units(unit) / 2, stringsTail));
          put(repeatedPart("xl/worksheets/sheet1.xml", sheetHead, "<row/>", units("<row/>") / 2, sheetTail));
          break;
        }
      }
      return { generator: `xlsx-bomb-${shape}`, kind, fileName: "bomb.xlsx", bytes: writeZip(base), valid: false };
    },
  );

/** The zip itself damaged: lies in its headers, cuts, flipped bytes, odd entries. */
const xlsxZip = fc
  .tuple(
    baseEntries,
    fc.constantFrom("size-small", "size-huge", "csize-small", "csize-huge", "crc", "method-99", "stored-but-deflated", "encrypted", "data-descriptor", "local-only-lie", "zip64-marker", "truncate", "cut-central", "no-central", "flip", "flip-many", "eocd-count", "eocd-offset", "gap", "many-entries", "duplicate-names", "traversal", "no-sheet", "no-workbook", "empty-zip"),
    fc.nat(),
    fc.integer({ min: 1, max: 60_000 }),
  )
  .map(([{ kind, entries }, damage, at, many]): FuzzCase => {
    const list = entries.map((e) => ({ ...e }));
    const target = list[at % list.length]!;
    let bytes: Uint8Array | null = null;
    switch (damage) {
      case "size-small": target.lie = { size: 1 }; break;
      case "size-huge": target.lie = { size: 0xfffffff0 }; break;
      case "csize-small": target.lie = { compressedSize: 2 }; break;
      case "csize-huge": target.lie = { compressedSize: 0x7ffffff0 }; break;
      case "crc": target.lie = { crc: (target.crc ^ 0xdeadbeef) >>> 0 }; break;
      case "method-99": target.lie = { method: 99 }; break;
      case "stored-but-deflated": target.lie = { method: 0 }; break;
      case "encrypted": target.lie = { flags: 1 }; break;
      case "data-descriptor": target.lie = { flags: 8, size: 0, compressedSize: 0, crc: 0, localOnly: true }; break;
      case "local-only-lie": target.lie = { size: 0xffff, compressedSize: 3, localOnly: true }; break;
      case "zip64-marker": target.lie = { size: 0xffffffff, compressedSize: 0xffffffff }; break;
      case "duplicate-names": list.push({ ...list.find((e) => e.name.includes("sheet1"))!, stored: deflatedEntry("x", "<worksheet/>").stored, size: 12 }); break;
      case "traversal": list.forEach((e) => e.name.includes("sheet1") && (e.name = "../../../../tmp/xl/worksheets/sheet1.xml")); break;
      case "no-sheet": list.splice(list.findIndex((e) => e.name.includes("sheet1")), 1); break;
      case "no-workbook": list.splice(list.findIndex((e) => e.name === "xl/workbook.xml"), 1); break;
      case "many-entries": for (let k = 0; k < many; k++) list.push(storedEntry(`xl/media/p${k}.bin`, new Uint8Array(0))); break;
      case "empty-zip": list.length = 0; break;
    }
    const options = {
      "cut-central": {},
      "no-central": { noCentralDirectory: true },
      "eocd-count": { end: { entries: 65535 } },
      "eocd-offset": { end: { offset: 0xfffffff0 } },
      gap: { gap: new Uint8Array(1000).fill(0x50) },
    }[damage as "gap"];
    bytes = writeZip(list, options ?? {});
    const copy = Buffer.from(bytes);
    if (damage === "truncate") bytes = copy.subarray(0, 4 + (at % (copy.length - 4)));
    if (damage === "cut-central") bytes = copy.subarray(0, copy.length - 22 - (at % 60));
    if (damage === "flip" || damage === "flip-many") {
      for (let k = 0; k < (damage === "flip" ? 1 : 1 + (at % 50)); k++) {
        const p = 4 + ((at * (k + 7919)) % (copy.length - 4));
        copy[p] = copy[p]! ^ (1 + ((at >> 3) % 255));
      }
      bytes = copy;
    }
    return { generator: `xlsx-zip-${damage}`, kind, fileName: "damaged.xlsx", bytes, valid: false };
  });

// ---------- NHS England's workbook ----------

let realWorkbook: Uint8Array | null = null;
const dmaBytes = () => (realWorkbook ??= new Uint8Array(readFileSync(dmaWorkbookPath)));

/** The DMA layout: a title with the year, a header of pillars, rows of providers. */
const dmaSynthetic = fc
  .tuple(fc.array(fc.tuple(fc.oneof(fc.constantFrom("OXFORD UNIVERSITY HOSPITALS NHS FOUNDATION TRUST", "ROYAL BERKSHIRE NHS FOUNDATION TRUST", "NOT A TRUST"), nastyText), fc.constantFrom("Acute", "Community", "Mental Health", "Ambulance", "Dentistry", ""), fc.array(fc.oneof(fc.double({ min: 0, max: 6, noNaN: true }).map((v) => num(v)), cellArb), { minLength: 7, maxLength: 7 })), { maxLength: 20 }), fc.constantFrom("2025", "1899", "3000", ""))
  .map(([rows, year]): FuzzCase => {
    const header = ["Region", "ICS", "Provider", "Care Setting", ...pillars.map((p) => p.name)].map((h) => text(h));
    const body = rows.map(([provider, setting, scores]): XCell[] => [text("South East"), text("BOB"), text(provider), text(setting), ...scores]);
    return { generator: "dma-synthetic", kind: "dma-results", fileName: "dma.xlsx", bytes: writeWorkbook([{ rows: [[text(`${year} Pillar Summary`)], [], header, ...body] }], { stringsFirst: true }), valid: false };
  });

/** The real published workbook, cut or with bytes flipped. */
const dmaMutated = fc.tuple(fc.constantFrom("flip", "truncate", "as-is"), fc.nat(), fc.constantFrom<ImportKind>("dma-results", "scores")).map(([damage, at, kind]): FuzzCase => {
  const copy = Buffer.from(dmaBytes());
  let bytes: Uint8Array = copy;
  if (damage === "truncate") bytes = copy.subarray(0, 4 + (at % (copy.length - 4)));
  if (damage === "flip") {
    for (let k = 0; k < 1 + (at % 8); k++) {
      const p = 4 + ((at * (k + 31)) % (copy.length - 4));
      copy[p] = copy[p]! ^ (0x20 + k);
    }
  }
  return { generator: `dma-real-${damage}`, kind, fileName: "NHSE_DMA.xlsx", bytes, valid: false };
});

/** Every generator, weighted so that cheap cases are many and bombs are some. */
export function fuzzCases(limits: GeneratorLimits): fc.Arbitrary<FuzzCase> {
  return fc.oneof(
    { weight: 10, arbitrary: validFile },
    { weight: 8, arbitrary: csvMessy },
    { weight: 6, arbitrary: csvEncoding },
    { weight: 6, arbitrary: csvStructure },
    { weight: 2, arbitrary: csvLarge(limits) },
    { weight: 4, arbitrary: randomBytes },
    { weight: 8, arbitrary: xlsxCells },
    { weight: 3, arbitrary: xlsxRowNumbers },
    { weight: 10, arbitrary: xlsxXml },
    { weight: 3, arbitrary: xlsxBomb(limits) },
    { weight: 14, arbitrary: xlsxZip },
    { weight: 3, arbitrary: dmaSynthetic },
    { weight: 1, arbitrary: dmaMutated },
  );
}

/** Case number i of a run: the same seed and index always give the same file. */
export function fuzzCase(limits: GeneratorLimits, seed: number, index: number): FuzzCase {
  return fc.sample(fuzzCases(limits), { seed: (seed ^ Math.imul(index + 1, 0x9e3779b1)) | 0, numRuns: 1 })[0]!;
}
