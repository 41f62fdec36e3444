import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { workerLimits } from "@/lib/import/limits";
import { readRows, type SourceRow } from "@/lib/import/read";

async function smallWorkbook(): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet("Scores");
  sheet.addRow(["organisation", "score"]);
  sheet.addRow(["RXX", 3]);
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

const stuck = (ms: number) => new Promise<"stuck">((resolve) => setTimeout(() => resolve("stuck"), ms).unref());

describe("worker turns", () => {
  // An import's commit reads its workbook inside a transaction. On the embedded database
  // (one connection) the previews holding every shared turn wait for that transaction
  // between batches: a commit that waited for their turns would wait for ever, and the
  // whole database with it.
  it("a reader inside a transaction starts while previews hold every shared turn", async () => {
    const bytes = await smallWorkbook();
    const previews: AsyncGenerator<SourceRow>[] = [];
    try {
      for (let i = 0; i < workerLimits.maxConcurrent; i++) {
        const preview = readRows(bytes);
        previews.push(preview);
        await preview.next(); // holds its turn, as a preview waiting for the database does
      }
      const commit = readRows(bytes, undefined, "transaction");
      try {
        const first = await Promise.race([commit.next(), stuck(15_000)]);
        expect(first).not.toBe("stuck");
        expect((first as IteratorResult<SourceRow>).value?.line).toBe(1);
      } finally {
        await commit.return(undefined);
      }
    } finally {
      await Promise.all(previews.map((p) => p.return(undefined)));
    }
  }, 60_000);
});
