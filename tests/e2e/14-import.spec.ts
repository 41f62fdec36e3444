import type { Page } from "@playwright/test";
import ExcelJS from "exceljs";
import { repeatedDeflate, sheetXml, stringsHead, stringsTail, workbookOf } from "../support/zip-files";
import { expect, test } from "./support/fixtures";
import { expectNoAxeViolations } from "./support/axe";
import { gotoOrganisation, openPrivatePeriod } from "./support/app";
import { domainCodes } from "./support/seed";

// Importing scores: the CIO of Royal Berkshire uploads a file with bad rows, sees each
// error by line and column, corrects the file, imports it, submits the assessment, and the
// heatmap shows the imported scores. A period of its own keeps the other specs' data apart.

const HEADER = "ods_code,framework,period,domain,score";
/** A distinct score per domain, so that the heatmap shows which row went where. */
const scoreOf = (code: string) => 30 + domainCodes.indexOf(code as (typeof domainCodes)[number]) * 3;

async function upload(page: Page, name: string, lines: string[]) {
  await page.goto("/imports");
  await page.getByRole("radio", { name: "Assessment scores" }).check();
  await page.getByLabel("File", { exact: true }).setInputFiles({ name, mimeType: "text/csv", buffer: Buffer.from(lines.join("\r\n") + "\r\n") });
  await page.getByRole("button", { name: "Check file" }).click();
  await page.waitForURL(/\/imports\/[0-9a-f-]{36}$/);
}

test("a CIO imports scores: errors by line first, then the corrected file, and the heatmap shows them", async ({ pageAs }) => {
  test.setTimeout(120_000);
  const admin = await pageAs("admin");
  const period = await openPrivatePeriod(admin, "Import");
  const cio = await pageAs("cioRbft");
  const rows = domainCodes.map((code) => `RHW,DMI-2016,${period.code},${code},${scoreOf(code)}`);

  await test.step("the import page is in the menu, documents the columns and passes axe", async () => {
    await cio.goto("/maturity");
    await cio.getByRole("navigation", { name: "Menu" }).getByRole("link", { name: "Import" }).click();
    await expect(cio.getByRole("heading", { level: 1 })).toHaveText("Import data");
    await expect(cio.getByRole("table", { name: "Columns of the assessment scores file" })).toContainText("ods_code");
    // A CIO imports scores and their own targets; national averages are the administrators'.
    await expect(cio.getByRole("radio", { name: "National averages" })).toHaveCount(0);
    await expect(cio.getByRole("radio", { name: "Targets" })).toHaveCount(1);
    await expectNoAxeViolations(cio, "the import page");
  });

  await test.step("a file with bad rows lists each error by line and column, and cannot be imported", async () => {
    const bad = [HEADER, ...rows];
    bad[5] = `RHW,DMI-2016,${period.code},C1,120`; // line 6
    bad[7] = `RHW,DMI-2016,${period.code},C3,=SUM(A1:A2)`; // line 8
    bad.push(`RTH,DMI-2016,${period.code},R1,50`); // line 16: another trust
    await upload(cio, "scores-bad.csv", bad);
    const errors = cio.getByTestId("import-errors");
    await expect(errors.locator("tbody tr")).toHaveCount(3);
    await expect(errors.locator("tbody tr").nth(0)).toContainText("6");
    await expect(errors.locator("tbody tr").nth(0)).toContainText("score");
    await expect(errors.locator("tbody tr").nth(0)).toContainText("The score must be from 0 to 100 (not 120)");
    await expect(errors.locator("tbody tr").nth(1)).toContainText("looks like a formula");
    await expect(errors.locator("tbody tr").nth(2)).toContainText("You can only import scores for your own organisations: Oxford University Hospitals NHS Foundation Trust is not one of them");
    await expect(cio.getByTestId("import-error-count")).toHaveText("3");
    await expect(cio.getByRole("button", { name: /^Import \d+ rows?$/ })).toHaveCount(0);
    await expectNoAxeViolations(cio, "an import preview with errors");
  });

  await test.step("the corrected file previews 14 scores to add; importing it writes them", async () => {
    await upload(cio, "scores.csv", [HEADER, ...rows]);
    await expect(cio.getByTestId("import-counts")).toHaveText("14 to add, 0 to change, 0 left alone (already as in the file)");
    await expect(cio.getByTestId("import-error-count")).toHaveText("0");
    await expectNoAxeViolations(cio, "an import preview ready to import");
    await cio.getByRole("button", { name: "Import 14 rows" }).click();
    await expect(cio.getByTestId("import-committed")).toContainText("14 added, 0 changed, 0 already as in the file");
    await expectNoAxeViolations(cio, "an import once committed");
  });

  await test.step("the same file again changes nothing", async () => {
    await upload(cio, "scores.csv", [HEADER, ...rows]);
    await expect(cio.getByTestId("import-counts")).toHaveText("0 to add, 0 to change, 14 left alone (already as in the file)");
    await cio.getByRole("button", { name: "Discard this file" }).click();
    await cio.waitForURL(/\/imports\?done=discarded/);
    await expect(cio.getByRole("status")).toContainText("nothing was imported");
  });

  await test.step("the CIO submits the imported draft, and the heatmap shows the scores", async () => {
    await gotoOrganisation(cio, "RHW", period.code);
    await cio.getByRole("link", { name: "View the assessment" }).click();
    for (const code of domainCodes) await expect(cio.locator(`#score-${code}`)).toHaveValue(String(scoreOf(code)));
    await cio.getByRole("button", { name: "Save and submit for approval" }).click();
    await cio.waitForURL(/\?submitted=1/);
    await cio.goto(`/maturity?period=${encodeURIComponent(period.code)}`);
    const row = cio.locator("tr[data-org=RHW]");
    for (const code of domainCodes) await expect(row.locator(`td[data-domain=${code}]`)).toContainText(`${scoreOf(code)}%`);
  });
});

test("checking a large file streams its progress, and a viewer cannot import", async ({ pageAs, anonymousPage }) => {
  const admin = await pageAs("admin");
  await admin.goto("/imports");
  // 10,000 rows (all the same score: the duplicates are errors, which is fine for counting).
  const body = [HEADER, ...Array.from({ length: 10_000 }, () => "RTH,DMI-2016,2016-BASELINE,R1,80")].join("\n");
  const response = await admin.request.post("/api/imports", {
    headers: { Accept: "application/x-ndjson" },
    multipart: { kind: "scores", file: { name: "big.csv", mimeType: "text/csv", buffer: Buffer.from(body) } },
  });
  expect(response.status()).toBe(200);
  const lines = (await response.text()).trim().split("\n").map((l) => JSON.parse(l) as { type: string; rows?: number; result?: { errorCount: number } });
  const progress = lines.filter((l) => l.type === "progress");
  expect(progress.length).toBeGreaterThanOrEqual(5);
  expect(progress.map((p) => p.rows)).toEqual([...progress.map((p) => p.rows)].sort((a, b) => a! - b!));
  expect(lines.at(-1)).toMatchObject({ type: "done", result: { errorCount: 9_999 } });

  const viewer = await pageAs("viewer");
  await viewer.goto("/maturity");
  await expect(viewer.getByRole("navigation", { name: "Menu" }).getByRole("link", { name: "Import" })).toHaveCount(0);
  const page = await viewer.goto("/imports");
  expect(page?.status()).toBe(403);
  const refused = await viewer.request.post("/api/imports", { multipart: { kind: "scores", file: { name: "x.csv", mimeType: "text/csv", buffer: Buffer.from(`${HEADER}\nRTH,DMI-2016,2016-BASELINE,R1,80\n`) } } });
  expect(refused.status()).toBe(403);
  expect((await refused.json()).error.code).toBe("forbidden");
  const anonymous = await anonymousPage();
  const signedOut = await anonymous.request.post("/api/imports", { multipart: { kind: "scores", file: { name: "x.csv", mimeType: "text/csv", buffer: Buffer.from(HEADER) } } });
  expect(signedOut.status()).toBe(401);
  // A page on another site cannot post an import with the user's cookie.
  const crossSite = await admin.request.post("/api/imports", { headers: { Origin: "https://evil.example" }, multipart: { kind: "scores", file: { name: "x.csv", mimeType: "text/csv", buffer: Buffer.from(HEADER) } } });
  expect(crossSite.status()).toBe(403);
});

test("a workbook is read in the production build's worker, and a zip bomb is refused while the server carries on", async ({ pageAs }) => {
  const admin = await pageAs("admin");
  const post = async (name: string, buffer: Buffer) => {
    const response = await admin.request.post("/api/imports", {
      headers: { Accept: "application/x-ndjson" },
      multipart: { kind: "scores", file: { name, mimeType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", buffer } },
    });
    expect(response.status()).toBe(200);
    return JSON.parse((await response.text()).trim().split("\n").at(-1)!) as { type: string; result: { id: string; errorCount: number } };
  };
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet("Scores");
  sheet.addRow(HEADER.split(","));
  sheet.addRow(["RTH", "DMI-2016", "2016-BASELINE", "R1", 80]);
  const read = await post("scores.xlsx", Buffer.from(await workbook.xlsx.writeBuffer()));
  expect(read).toMatchObject({ type: "done", result: { errorCount: 0 } });
  await admin.goto(`/imports/${read.result.id}`);
  await expect(admin.getByTestId("import-error-count")).toHaveText("0");

  // The 3.8 MB workbook whose shared strings unpack to 1.5 GB.
  const chunk = "<si><t>aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa</t></si>".repeat(16_384);
  const packed = repeatedDeflate(chunk, 1536, stringsHead, stringsTail);
  const bomb = workbookOf({ sheet: sheetXml(`<row r="1"><c r="A1" t="s"><v>0</v></c></row>`), strings: { name: "", packed, size: stringsHead.length + chunk.length * 1536 + stringsTail.length } });
  const refused = await post("bomb.xlsx", Buffer.from(bomb));
  expect(refused).toMatchObject({ type: "done", result: { errorCount: 1 } });
  await admin.goto(`/imports/${refused.result.id}`);
  await expect(admin.getByTestId("import-errors")).toContainText("Part “xl/sharedStrings.xml” of the workbook unpacks to 1,536 MB, over the limit of 200 MB for one part.");
});
