import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { checkImport } from "@/db/commands/imports";
import { actor, demo } from "../support/fixtures";
import { repeatedDeflate, sheetHead, sheetTail, sheetXml, stringsHead, stringsTail, workbookOf } from "../support/zip-files";

// Issue 17's files, uploaded through the import the page and the API use: each is refused
// with a clear error on the preview, nothing of it is kept, and the server lives on.

const MiB = 1024 * 1024;
const noise = (length: number) => Array.from(randomBytes(length), (b) => String.fromCharCode(97 + (b % 26))).join("");

/** The 3.8 MB workbook whose shared strings unpack to 1.5 GB. */
function sharedStringsBomb() {
  const chunk = "<si><t>aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa</t></si>".repeat(16_384);
  const packed = repeatedDeflate(chunk, 1536, stringsHead, stringsTail);
  const size = stringsHead.length + chunk.length * 1536 + stringsTail.length;
  return workbookOf({ sheet: sheetXml(`<row r="1"><c r="A1" t="s"><v>0</v></c></row>`), strings: { name: "", packed, size } });
}

async function check(kind: "scores" | "dma-results", bytes: Uint8Array, as: string = demo.admin) {
  const job = await checkImport({ actor: await actor(as), kind, fileName: "upload.xlsx", bytes });
  return { job, messages: (job.errors as { message: string }[]).map((e) => e.message) };
}

describe("uploads that took the server down", () => {
  it("refuses the shared-strings bomb, for a CIO's scores and as NHS England's workbook, keeping nothing", async () => {
    const bomb = sharedStringsBomb();
    const before = process.memoryUsage().rss;
    const scores = await check("scores", bomb, demo.cioOuh);
    expect(scores.job).toMatchObject({ status: "checked", errorCount: 1, contents: null, rowCount: 0 });
    expect(scores.messages).toEqual(["Part “xl/sharedStrings.xml” of the workbook unpacks to 1,536 MB, over the limit of 200 MB for one part."]);
    const dma = await check("dma-results", bomb);
    expect(dma.job).toMatchObject({ kind: "dma-results", errorCount: 1, contents: null });
    expect(dma.messages).toEqual(["Part “xl/sharedStrings.xml” of the workbook unpacks to 1,536 MB, over the limit of 8 MB for one part."]);
    expect(process.memoryUsage().rss - before).toBeLessThan(200 * MiB);
  });

  it("refuses a part that unpacks to more than it declares", async () => {
    const chunk = `<row r="1"><c r="A1" t="inlineStr"><is><t>${"x".repeat(1000)}</t></is></c></row>`;
    const liar = workbookOf({ sheet: { name: "", packed: repeatedDeflate(chunk, 100_000, sheetHead, sheetTail), declaredSize: 5_000, crc: 0 } });
    const { job, messages } = await check("scores", liar);
    expect(job).toMatchObject({ errorCount: 1, contents: null });
    expect(messages[0]).toMatch(/part “xl\/worksheets\/sheet1\.xml” unpacks to more than the 5,000 bytes it declares/);
  });

  it("refuses a sheet of 10 million empty rows at Excel's row limit", async () => {
    const chunk = "<row/>".repeat(166_667) + `<!--${noise(16_384)}-->`;
    const packed = repeatedDeflate(chunk, 60, sheetHead, sheetTail);
    const size = sheetHead.length + chunk.length * 60 + sheetTail.length;
    const { job, messages } = await check("scores", workbookOf({ sheet: { name: "", packed, size } }));
    expect(job).toMatchObject({ errorCount: 1, contents: null });
    expect(messages).toEqual(["The sheet has more than 1,048,576 rows, the most Excel allows."]);
  });

  it("refuses a CSV whose header is 29 MB of commas, on its line", async () => {
    const { job } = await check("scores", new TextEncoder().encode(",".repeat(29_000_000)));
    expect(job).toMatchObject({ errorCount: 1, contents: null });
    expect(job.errors).toEqual([{ line: 1, column: null, message: "The CSV has more than 1,024 columns on line 1, the limit." }]);
  });
});
