import fs from "node:fs";
import type { Download, Locator, Page } from "@playwright/test";
import { parse } from "csv-parse/sync";
import ExcelJS from "exceljs";
import { projects as seedProjects } from "../../db/seed/bob-portfolio";
import { expect, test } from "./support/fixtures";
import { expectNoAxeViolations } from "./support/axe";
import { BASELINE_PERIOD, uniqueSuffix } from "./support/app";
import { baseline, domainCodes, domainNames, footprints, meanOf, national } from "./support/seed";

// Downloads (CSV and XLSX) of what each table page shows, with the filters chosen there:
//   1. a viewer filters the heatmap to Oxfordshire's baseline and downloads it both ways
//      (the XLSX with the keyboard): the files hold those rows and the seed's scores;
//   2. signed out, a download is a 401 in JSON; a filter naming nothing is a 422;
//   3. a project title a spreadsheet would run comes out escaped. It is a seeded card's
//      title changed through the form and then changed back, rather than a new project:
//      other specs count the projects while they run.
//   4. every page with downloads: links carrying its filters, answered with the right
//      file, left out of print, and no axe violations.

const CSV_TYPE = "text/csv; charset=utf-8";
const XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

/** Clicks (or, with `key`, focuses and presses Enter on) a link and waits for the file. */
async function downloadFrom(page: Page, link: Locator, key?: "Enter"): Promise<{ name: string; bytes: Buffer }> {
  const waiting = page.waitForEvent("download");
  if (key) {
    await link.focus();
    await expect(link).toBeFocused();
    await page.keyboard.press(key);
  } else {
    await link.click();
  }
  const download: Download = await waiting;
  return { name: download.suggestedFilename(), bytes: fs.readFileSync((await download.path())!) };
}

function readCsv(bytes: Buffer): Record<string, string>[] {
  return parse(bytes, { bom: true, columns: true, record_delimiter: ["\r\n"] }) as Record<string, string>[];
}

async function readXlsx(bytes: Buffer): Promise<ExcelJS.Worksheet> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  return workbook.worksheets[0]!;
}

/** A worksheet's rows as records keyed by the header row. */
function sheetRecords(sheet: ExcelJS.Worksheet): Record<string, ExcelJS.CellValue>[] {
  const header = (sheet.getRow(1).values as ExcelJS.CellValue[]).slice(1).map(String);
  const out: Record<string, ExcelJS.CellValue>[] = [];
  for (let r = 2; r <= sheet.rowCount; r++) {
    const row = sheet.getRow(r);
    out.push(Object.fromEntries(header.map((h, i) => [h, row.getCell(i + 1).value])));
  }
  return out;
}

const scoreHeader = (d: (typeof domainCodes)[number]) => `${d} ${domainNames[d]}`;

test.describe("downloads", () => {
  test("a viewer filters the heatmap to Oxfordshire's baseline and downloads it as CSV and, with the keyboard, as XLSX", async ({ pageAs }) => {
    const page = await pageAs("viewer");
    const trusts = footprints.OXON.trusts;
    await page.goto("/maturity");
    await page.getByLabel("Assessment period").selectOption(BASELINE_PERIOD.code);
    await page.getByLabel("Footprint").selectOption("OXON");
    await page.getByRole("button", { name: "Show" }).click();
    await page.waitForURL(/footprint=OXON/);
    const links = page.getByTestId("download-heatmap");

    await test.step("the CSV: UTF-8 with a byte order mark, CRLF, a row per Oxfordshire trust with the seed's scores, then the mean", async () => {
      const { name, bytes } = await downloadFrom(page, links.getByRole("link", { name: /^Download CSV/ }));
      expect(name).toBe(`heatmap-${BASELINE_PERIOD.code}-OXON.csv`);
      expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
      expect(bytes.toString("utf8").split("\r\n").length).toBeGreaterThan(trusts.length);
      const records = readCsv(bytes);
      const providers = records.filter((r) => r["ODS code"]);
      expect(providers.map((r) => r["ODS code"]).sort()).toEqual([...trusts].sort());
      for (const row of providers) {
        const trust = row["ODS code"] as (typeof trusts)[number];
        for (const d of domainCodes) {
          expect(row[scoreHeader(d)], `${trust} ${d}`).toBe(String(baseline(trust, d)));
          expect(row[`${d} gap to national`], `${trust} ${d}`).toBe(String(baseline(trust, d) - national(d)));
        }
      }
      const mean = records.find((r) => r.Organisation === "Oxfordshire mean (average provider score)")!;
      for (const d of domainCodes) expect(mean[scoreHeader(d)], d).toBe(String(meanOf(d, trusts)));
    });

    await test.step("the XLSX, by Enter on the focused link: the same rows, scores as numbers, the header bold and frozen", async () => {
      const { name, bytes } = await downloadFrom(page, links.getByRole("link", { name: /^Download XLSX/ }), "Enter");
      expect(name).toBe(`heatmap-${BASELINE_PERIOD.code}-OXON.xlsx`);
      const sheet = await readXlsx(bytes);
      expect(sheet.getCell("A1").value).toBe("Organisation");
      expect(sheet.getCell("A1").font?.bold).toBe(true);
      expect(sheet.views[0]).toMatchObject({ state: "frozen", ySplit: 1 });
      const providers = sheetRecords(sheet).filter((r) => r["ODS code"]);
      expect(providers.map((r) => r["ODS code"]).sort()).toEqual([...trusts].sort());
      for (const row of providers) {
        const trust = row["ODS code"] as (typeof trusts)[number];
        for (const d of domainCodes) expect(row[scoreHeader(d)], `${trust} ${d}`).toBe(baseline(trust, d));
      }
    });
  });

  test("signed out, a download is refused with 401 in JSON; a filter naming nothing is a 422", async ({ anonymousPage, pageAs }) => {
    const anonymous = await anonymousPage();
    for (const path of ["/export/heatmap?format=csv", "/export/scores?format=xlsx", "/export/board-view"]) {
      const response = await anonymous.request.get(path, { maxRedirects: 0 });
      expect(response.status(), path).toBe(401);
      expect(response.headers()["content-type"], path).toContain("application/json");
      expect((await response.json()).error.code, path).toBe("unauthenticated");
    }
    const viewer = await pageAs("viewer");
    const unknown = await viewer.request.get("/export/heatmap?format=csv&period=NO-SUCH-PERIOD");
    expect(unknown.status()).toBe(422);
    expect((await unknown.json()).error.fieldErrors).toEqual({ period: "There is no period “NO-SUCH-PERIOD”" });
    const wrong = await viewer.request.get("/export/heatmap?format=pdf");
    expect(wrong.status()).toBe(400);
    expect((await viewer.request.get("/export/nothing-here")).status()).toBe(404);
  });

  test("a project title a spreadsheet would run as a formula comes out with a leading apostrophe, in CSV and XLSX", async ({ pageAs }) => {
    test.setTimeout(120_000);
    const admin = await pageAs("admin");
    const viewer = await pageAs("viewer");
    // A card with an owner (so saving it changes nothing else) that no other spec opens:
    // not the first owned card of either period, nor one owned by OUH alone.
    const owned = seedProjects.filter((p) => p.ownerOdsCodes.length > 0);
    const firstOfPeriod = new Set(["2016/17", "2017/18-2018/19"].map((period) => owned.find((p) => p.period === period)!.code));
    const seed = owned.filter((p) => !firstOfPeriod.has(p.code) && !(p.ownerOdsCodes.length === 1 && p.ownerOdsCodes[0] === "RTH")).at(-1)!;
    expect(seed, "a seeded card to rename").toBeDefined();
    const formula = `=HYPERLINK("https://example.com/e2e","${uniqueSuffix()}")`;

    const rename = async (title: string) => {
      await admin.goto("/portfolio/plan");
      await admin.locator(`[data-project="${seed.code}"]`).getByRole("link").click();
      await admin.waitForURL(/\/portfolio\/projects\/[0-9a-f-]{36}$/);
      const form = admin.getByTestId("project-form");
      await form.getByLabel("Title", { exact: true }).fill(title);
      await form.getByRole("button", { name: "Save changes" }).click();
      await expect(form.getByRole("status")).toHaveText(`“${title}” saved.`);
    };

    await rename(formula);
    try {
      await viewer.goto("/portfolio/plan");
      const links = viewer.getByTestId("download-capability-plan");
      const csv = await downloadFrom(viewer, links.getByRole("link", { name: /^Download CSV/ }));
      expect(csv.name).toBe("capability-plan.csv");
      const row = readCsv(csv.bytes).find((r) => r.Code === seed.code)!;
      expect(row.Title).toBe(`'${formula}`);
      // As the bytes have it: quoted (it holds quotes and a comma), apostrophe first.
      expect(csv.bytes.toString("utf8")).toContain(`"'=HYPERLINK(""https://example.com/e2e"",""`);

      const xlsx = await downloadFrom(viewer, links.getByRole("link", { name: /^Download XLSX/ }));
      const sheet = await readXlsx(xlsx.bytes);
      const titleColumn = (sheet.getRow(1).values as ExcelJS.CellValue[]).indexOf("Title");
      const codeColumn = (sheet.getRow(1).values as ExcelJS.CellValue[]).indexOf("Code");
      let found = false;
      sheet.eachRow((r) => {
        if (r.getCell(codeColumn).value !== seed.code) return;
        found = true;
        const cell = r.getCell(titleColumn);
        expect(cell.type).toBe(ExcelJS.ValueType.String);
        expect(cell.value).toBe(`'${formula}`);
      });
      expect(found, `${seed.code} in the XLSX`).toBe(true);
    } finally {
      await rename(seed.title);
    }
  });

  // Every page with downloads, and the downloads it has with the filters they must carry.
  const pages: { path: string; downloads: Record<string, Record<string, string>> }[] = [
    {
      path: `/maturity?period=${BASELINE_PERIOD.code}&footprint=BERKSW`,
      downloads: { heatmap: { period: BASELINE_PERIOD.code, footprint: "BERKSW" }, scores: { period: BASELINE_PERIOD.code, footprint: "BERKSW" } },
    },
    { path: "/trajectories?footprint=OXON&asAt=2017-01-31", downloads: { trajectories: { footprint: "OXON", asAt: "2017-01-31" }, "trajectory-figures": { footprint: "OXON", asAt: "2017-01-31" } } },
    { path: "/portfolio/plan?footprint=BUCKS", downloads: { "capability-plan": { footprint: "BUCKS" } } },
    { path: "/portfolio/capabilities?by=organisation", downloads: { "universal-capabilities": { by: "organisation" } } },
    { path: "/workstreams/board?since=2026-01-31", downloads: { "board-view": { since: "2026-01-31" } } },
  ];
  for (const { path, downloads } of pages) {
    test(`${path}: its links carry its filters and answer with the right file, are left out of print, and the page passes axe`, async ({ pageAs }) => {
      test.setTimeout(90_000);
      const page = await pageAs("board");
      await page.goto(path);
      for (const [name, expected] of Object.entries(downloads)) {
        const links = page.getByTestId(`download-${name}`);
        await expect(links.getByRole("link"), name).toHaveCount(2);
        for (const [format, type] of [["csv", CSV_TYPE], ["xlsx", XLSX_TYPE]] as const) {
          const href = (await links.getByRole("link", { name: new RegExp(`${format.toUpperCase()} of `) }).getAttribute("href"))!;
          const url = new URL(href, "http://x");
          expect(url.pathname).toBe(`/export/${name}`);
          expect(url.searchParams.get("format")).toBe(format);
          for (const [key, value] of Object.entries(expected)) expect(url.searchParams.get(key), `${name} ${key}`).toBe(value);
          const response = await page.request.get(href);
          expect(response.status(), href).toBe(200);
          expect(response.headers()["content-type"], href).toBe(type);
          expect(response.headers()["content-disposition"], href).toMatch(new RegExp(`^attachment; filename="${name}[-A-Za-z0-9]*\\.${format}"$`));
        }
      }
      await expectNoAxeViolations(page, `${path} with its download links`);
      await page.emulateMedia({ media: "print" });
      for (const name of Object.keys(downloads)) await expect(page.getByTestId(`download-${name}`)).toBeHidden();
      await page.emulateMedia({ media: "screen" });
    });
  }
});
