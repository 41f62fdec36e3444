// The memory the scores download of every score in England takes, in a process of its
// own (peak resident set over the baseline after start-up), written as the route writes it
// now (a page of rows at a time, to a stream) and as it was written before (every row read
// first, then the whole file built in memory: kept here only as the baseline to compare).
//
//   DATABASE_URL=… tsx --conditions=react-server scripts/bench/export-memory.ts --format xlsx --mode streamed --json
import { parseArgs } from "node:util";
import ExcelJS from "exceljs";

const { values } = parseArgs({
  options: {
    format: { type: "string", default: "xlsx" },
    mode: { type: "string", default: "streamed" },
    json: { type: "boolean", default: false },
  },
});
const format = values.format === "csv" ? "csv" : "xlsx";
const mode = values.mode === "whole" ? "whole" : "streamed";

const { databaseHandle } = await import("@/db/client");
const { listDomainScoresWithCodes, pagesOfDomainScoresWithCodes } = await import("@/db/queries/domain-scores");
const { scoresImportStream, scoresImportTable } = await import("@/lib/export/tables/scores");
const { csvStream, toCsv } = await import("@/lib/export/csv");
const { xlsxStream } = await import("@/lib/export/xlsx");
const { rowCells } = await import("@/lib/export/table");
type Table = import("@/lib/export/table").Table;

// An administrator sees every score (drafts too): the largest file there is.
const admin = { id: "bench", role: "admin" as const, organisationIds: [] as string[] };
await databaseHandle();
global.gc?.();
const rssBefore = process.memoryUsage().rss;
const started = performance.now();

/** The writer as it was before streaming: ExcelJS's in-memory workbook, then one buffer. */
async function wholeWorkbook(table: Table): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet("Scores", { views: [{ state: "frozen", ySplit: 1 }] });
  sheet.columns = table.columns.map((c) => ({ key: c.key, width: 12 }));
  sheet.addRow(table.columns.map((c) => c.header)).font = { bold: true };
  for (const row of table.rows) sheet.addRow(rowCells(table, row));
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

let bytes = 0;
let rows = 0;
if (mode === "whole") {
  const all = await listDomainScoresWithCodes();
  const table = scoresImportTable({ title: "Scores", rows: all, viewer: admin });
  rows = table.rows.length;
  bytes = format === "csv" ? Buffer.byteLength(toCsv(table)) : (await wholeWorkbook(table)).length;
} else {
  const table = scoresImportStream({ title: "Scores", pages: pagesOfDomainScoresWithCodes(), viewer: admin });
  const counted = (async function* () {
    for await (const page of table.pages) {
      rows += page.length;
      yield page;
    }
  })();
  const stream = (format === "csv" ? csvStream : xlsxStream)({ ...table, pages: counted });
  for await (const chunk of stream as unknown as AsyncIterable<Uint8Array>) bytes += chunk.length;
}
const seconds = (performance.now() - started) / 1000;
const peakRss = process.resourceUsage().maxRSS * 1024;
const mb = (n: number) => `${(n / 1024 / 1024).toFixed(0)} MB`;
console.log(`${format} ${mode}: ${rows.toLocaleString("en-GB")} rows, ${mb(bytes)} file, ${seconds.toFixed(1)} s; memory ${mb(rssBefore)} before, peak ${mb(peakRss)} (+${mb(peakRss - rssBefore)})`);
if (values.json) console.log(JSON.stringify({ format, mode, rows, fileBytes: bytes, seconds, rssBeforeBytes: rssBefore, peakRssBytes: peakRss }));
process.exit(0);
