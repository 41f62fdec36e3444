// Measures what a hostile upload costs the process that reads it (docs/imports-limits.md):
// each case runs in a child process of its own, which reports its peak resident memory
// (the reading worker thread included) and how long it took.
//   npx tsx scripts/bench/upload-memory.ts             (every case)
//   npx tsx scripts/bench/upload-memory.ts --mb 200    (the "before" bomb's unpacked size)
// The "before" cases run ExcelJS as the import did before the limits (the whole-workbook
// load that recognised NHS England's workbook, then the streaming reader), on a smaller
// bomb than the 1.5 GB one: that one killed a server with a 4 GB heap.
import { spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { Readable } from "node:stream";
import { parseArgs } from "node:util";
import ExcelJS from "exceljs";
import { looksLikeDmaWorkbook } from "@/lib/dma/workbook";
import { readRows } from "@/lib/import/read";
import { repeatedDeflate, sheetHead, sheetTail, sheetXml, stringsHead, stringsTail, workbookOf } from "../../tests/support/zip-files";

const { values } = parseArgs({ options: { child: { type: "string" }, mb: { type: "string", default: "150" } } });

const sharedStringsBomb = (mb: number) => {
  const chunk = "<si><t>aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa</t></si>".repeat(16_384);
  const packed = repeatedDeflate(chunk, mb, stringsHead, stringsTail);
  return workbookOf({ sheet: sheetXml(`<row r="1"><c r="A1" t="s"><v>0</v></c></row>`), strings: { name: "", packed, size: stringsHead.length + chunk.length * mb + stringsTail.length } });
};
const noise = (length: number) => Array.from(randomBytes(length), (b) => String.fromCharCode(97 + (b % 26))).join("");
const emptyRows = () => {
  const chunk = "<row/>".repeat(166_667) + `<!--${noise(16_384)}-->`;
  return workbookOf({ sheet: { name: "", packed: repeatedDeflate(chunk, 60, sheetHead, sheetTail), size: sheetHead.length + chunk.length * 60 + sheetTail.length } });
};
const manyStrings = () => {
  const chunk = "<si><t>x</t></si>".repeat(60_000) + `<!--${noise(16_384)}-->`;
  return workbookOf({ sheet: sheetXml(""), strings: { name: "", packed: repeatedDeflate(chunk, 18, stringsHead, stringsTail), size: stringsHead.length + chunk.length * 18 + stringsTail.length } });
};

type Case = { name: string; file: () => Uint8Array; read: (bytes: Uint8Array) => Promise<string> };

/** The import's path now: is it NHS England's workbook? then its rows. */
async function readNow(bytes: Uint8Array): Promise<string> {
  if (await looksLikeDmaWorkbook(bytes)) return "a DMA workbook";
  try {
    let rows = 0;
    for await (const _ of readRows(bytes)) rows++;
    return `${rows} rows`;
  } catch (error) {
    return `refused: ${(error as Error).message}`;
  }
}

/** The import's path before: ExcelJS opened the whole workbook to recognise NHS England's, then streamed the sheet. */
async function readBefore(bytes: Uint8Array): Promise<string> {
  await new ExcelJS.Workbook().xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(Readable.from([Buffer.from(bytes)]), { sharedStrings: "cache", worksheets: "emit" });
  let rows = 0;
  for await (const sheet of reader) {
    for await (const _ of sheet) rows++;
    break;
  }
  return `${rows} rows`;
}

const mb = Number(values.mb);
const cases: Case[] = [
  { name: `before: shared-strings bomb, ${mb} MB unpacked`, file: () => sharedStringsBomb(mb), read: readBefore },
  { name: `now: shared-strings bomb, ${mb} MB unpacked`, file: () => sharedStringsBomb(mb), read: readNow },
  { name: "now: the issue's bomb, 1,536 MB unpacked", file: () => sharedStringsBomb(1536), read: readNow },
  { name: "now: 10 million empty rows", file: emptyRows, read: readNow },
  { name: "now: 1,080,000 shared strings", file: manyStrings, read: readNow },
];

if (values.child !== undefined) {
  const c = cases[Number(values.child)]!;
  const bytes = c.file();
  const started = performance.now();
  let outcome: string;
  try {
    outcome = await c.read(bytes);
  } catch (error) {
    outcome = `failed: ${(error as Error).message}`;
  }
  const ms = Math.round(performance.now() - started);
  console.log(JSON.stringify({ bytes: bytes.length, ms, peakRssMb: Math.round(process.resourceUsage().maxRSS / 1024), outcome: outcome.slice(0, 120) }));
  process.exit(0);
}

console.log("| case | file | peak RSS | time | outcome |\n| --- | --- | --- | --- | --- |");
for (let i = 0; i < cases.length; i++) {
  const run = spawnSync(process.execPath, [...process.execArgv, process.argv[1]!, "--child", String(i), "--mb", String(mb)], { encoding: "utf8", timeout: 600_000 });
  const line = run.stdout.trim().split("\n").pop() ?? "";
  try {
    const r = JSON.parse(line) as { bytes: number; ms: number; peakRssMb: number; outcome: string };
    console.log(`| ${cases[i]!.name} | ${(r.bytes / 1024 / 1024).toFixed(1)} MB | ${r.peakRssMb} MB | ${(r.ms / 1000).toFixed(1)} s | ${r.outcome} |`);
  } catch {
    console.log(`| ${cases[i]!.name} | | | | the child died (status ${run.status}, ${run.signal ?? "no signal"}): ${run.stderr.trim().split("\n").slice(-1)[0] ?? ""} |`);
  }
}
