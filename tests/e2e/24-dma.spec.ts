import { readFileSync } from "node:fs";
import path from "node:path";
import ExcelJS from "exceljs";
import type { Locator } from "@playwright/test";
import { expect, test } from "./support/fixtures";
import { expectNoAxeViolations } from "./support/axe";

// NHS England's Digital Maturity Assessment (docs/dma.md): an administrator imports the
// shipped 2025 results workbook through the Import page, settles the names that match no
// organisation (one added as an organisation and mapped, the rest left out), and commits;
// the peer benchmarks, the heatmap and the period comparison then show figures that this
// spec works out itself, straight from the workbook's cells, not through the app's reader.
//
// The seed imported the same workbook, leaving out its three unmatched trusts (care trusts,
// mental health and community), so this spec's import adds only the rows of the trust it
// maps (Bradford District Care, ODS code TAD, in West Yorkshire: QWO) and changes nothing
// else; the acute figures checked below are the same before and after it.

const workbookPath = path.join(process.cwd(), "data/reference/dma/NHSE_DMA_2025_Results_Data_File_v2.xlsx");
const workbookBytes = readFileSync(workbookPath);

const pillars = [
  { code: "WL", heading: "Well Led" },
  { code: "SF", heading: "Ensure Smart Foundations" },
  { code: "SP", heading: "Safe Practice" },
  { code: "SW", heading: "Support Workforce" },
  { code: "EP", heading: "Empower People" },
  { code: "IC", heading: "Improve Care" },
  { code: "HP", heading: "Healthy Populations" },
] as const;

const OUH = "OXFORD UNIVERSITY HOSPITALS NHS FOUNDATION TRUST";
const BRADFORD = "BRADFORD DISTRICT CARE NHS FOUNDATION TRUST";
const UNMATCHED = ["BLACK COUNTRY HEALTHCARE NHS FOUNDATION TRUST", BRADFORD, "SHEFFIELD HEALTH & SOCIAL CARE NHS FOUNDATION TRUST"];

// ---------------------------------------------------------------- the workbook, read by hand

interface PillarRow {
  provider: string;
  setting: string;
  scores: (number | null)[];
}
interface OverallRow {
  provider: string;
  setting: string;
  y2025: number | null;
  y2024: number | null;
}

const text = (value: ExcelJS.CellValue): string => {
  if (value == null) return "";
  if (typeof value === "object" && "richText" in value) return value.richText.map((r) => r.text).join("").trim();
  return String(value).trim();
};
const numberOrNull = (value: ExcelJS.CellValue): number | null => (typeof value === "number" ? value : null);

/** The rows under the header row (the one with Provider and Care Setting), by heading, until the first blank provider. */
function tableRows(sheet: ExcelJS.Worksheet): { cell: (row: ExcelJS.Row, heading: string) => ExcelJS.CellValue; rows: ExcelJS.Row[] } {
  const columns = new Map<string, number>();
  let header = 0;
  for (let n = 1; n <= sheet.rowCount && !header; n++) {
    const row = sheet.getRow(n);
    const texts = Array.from({ length: row.cellCount }, (_, i) => text(row.getCell(i + 1).value));
    if (texts.includes("Provider") && texts.includes("Care Setting")) {
      header = n;
      texts.forEach((t, i) => t && columns.set(t, i + 1));
    }
  }
  if (!header) throw new Error(`no header row on sheet ${sheet.name}`);
  const cell = (row: ExcelJS.Row, heading: string) => {
    const column = columns.get(heading);
    if (!column) throw new Error(`no column ${heading} on sheet ${sheet.name}`);
    return row.getCell(column).value;
  };
  const rows: ExcelJS.Row[] = [];
  for (let n = header + 1; n <= sheet.rowCount; n++) {
    const row = sheet.getRow(n);
    if (!text(cell(row, "Provider"))) break;
    rows.push(row);
  }
  return { cell, rows };
}

async function readWorkbook(): Promise<{ pillarRows: PillarRow[]; overallRows: OverallRow[] }> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(workbookBytes as unknown as ArrayBuffer);
  const sheet = (name: string) => {
    const found = workbook.worksheets.find((w) => w.name.trim() === name);
    if (!found) throw new Error(`no sheet ${name}`);
    return found;
  };
  const p = tableRows(sheet("SC - 2025 Pillar Summary"));
  const pillarRows = p.rows.map((row) => ({
    provider: text(p.cell(row, "Provider")),
    setting: text(p.cell(row, "Care Setting")),
    scores: pillars.map((pillar) => numberOrNull(p.cell(row, pillar.heading))),
  }));
  const o = tableRows(sheet("SC - 24 vs 25 Overall DMA"));
  const overallRows = o.rows.map((row) => ({
    provider: text(o.cell(row, "Provider")),
    setting: text(o.cell(row, "Care Setting")),
    y2025: numberOrNull(o.cell(row, "2025 Average")),
    y2024: numberOrNull(o.cell(row, "2024 Average")),
  }));
  return { pillarRows, overallRows };
}

// ---------------------------------------------------------------- figures, worked out here

/** Rounds halves up to the given decimals, as the app prints scores (2.85 → 2.9). */
const fixed = (value: number, decimals: number) => (Math.floor(value * 10 ** decimals + 0.5 + 1e-9) / 10 ** decimals).toFixed(decimals);
/** A change with its sign as printed: "+0.12", "−0.05" (a real minus sign), "0". */
const signed = (value: number, decimals: number) => {
  const units = Math.floor(value * 10 ** decimals + 0.5 + 1e-9);
  const shown = (Math.abs(units) / 10 ** decimals).toFixed(decimals);
  return units > 0 ? `+${shown}` : units < 0 ? `\u2212${shown}` : "0";
};
const mean = (values: number[]) => values.reduce((sum, v) => sum + v, 0) / values.length;
/** Excel's QUARTILE.INC: linear interpolation at position (n − 1) × p of the sorted values. */
function quantile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  const position = (sorted.length - 1) * p;
  const below = Math.floor(position);
  const fraction = position - below;
  return fraction === 0 ? sorted[below]! : sorted[below]! + fraction * (sorted[below + 1]! - sorted[below]!);
}

let pillarRows: PillarRow[];
let overallRows: OverallRow[];
const acuteScores = (pillarIndex: number) => pillarRows.filter((r) => r.setting === "Acute").map((r) => r.scores[pillarIndex]).filter((v): v is number => v != null);

test.beforeAll(async () => {
  ({ pillarRows, overallRows } = await readWorkbook());
  expect(pillarRows.filter((r) => r.setting === "Acute"), "the workbook's acute rows").toHaveLength(134);
});

const cellsOf = (row: Locator) => row.locator("th, td").allInnerTexts();

// ---------------------------------------------------------------- the import

test("an administrator imports NHS England's workbook: unmatched names added, mapped or left out, then committed", async ({ pageAs }) => {
  test.setTimeout(180_000);
  const admin = await pageAs("admin");
  // Each pillar score and each overall score (2025, and 2024 where given) is one figure.
  const pillarFigures = pillarRows.filter((r) => r.provider === BRADFORD).flatMap((r) => r.scores.filter((s) => s != null));
  const overallFigures = overallRows.filter((r) => r.provider === BRADFORD).flatMap((r) => [r.y2025, r.y2024].filter((s) => s != null));
  const bradfordFigures = pillarFigures.length + overallFigures.length;
  expect(bradfordFigures, "Bradford District Care's figures in the workbook").toBeGreaterThan(0);

  await test.step("the workbook is recognised by its layout, whatever kind was chosen", async () => {
    await admin.goto("/imports");
    await admin.getByRole("radio", { name: "Assessment scores" }).check();
    await admin.getByLabel("File", { exact: true }).setInputFiles({ name: "NHSE_DMA_2025_Results_Data_File_v2.xlsx", mimeType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", buffer: workbookBytes });
    await admin.getByRole("button", { name: "Check file" }).click();
    await admin.waitForURL(/\/imports\/[0-9a-f-]{36}$/, { timeout: 60_000 });
    await expect(admin.getByText("Import: NHS England DMA results workbook")).toBeVisible();
    await expect(admin.getByTestId("dma-summary")).toContainText("Digital Maturity Assessment results for 2025");
  });

  const names = admin.getByTestId("unmatched-name");
  await test.step("the preview lists the three names that match no organisation, and passes axe", async () => {
    await expect(names).toHaveCount(3);
    expect((await names.getByRole("heading", { level: 3 }).allInnerTexts()).sort()).toEqual(UNMATCHED);
    expect(Number(await admin.getByTestId("import-error-count").innerText())).toBeGreaterThanOrEqual(3);
    await expect(admin.getByRole("button", { name: /^Import [\d,]+ rows?$/ })).toHaveCount(0);
    await expectNoAxeViolations(admin, "the import preview with unmatched names");
  });

  await test.step("a code no organisation has is refused; Bradford District Care is added as TAD in West Yorkshire and mapped", async () => {
    const bradford = names.filter({ has: admin.getByRole("heading", { name: BRADFORD }) });
    await bradford.getByLabel("ODS code of the organisation it is").fill("ZZZ99");
    await bradford.getByRole("button", { name: "Map this name" }).click();
    await expect(bradford.locator(".nhsuk-error-message")).toContainText("No organisation has the ODS code ZZZ99");
    await expect(names).toHaveCount(3);

    await bradford.getByText("Or add it as an organisation").click();
    await bradford.getByLabel("ODS code", { exact: true }).fill("TAD");
    await bradford.getByLabel("Name", { exact: true }).fill("Bradford District Care NHS Foundation Trust");
    await bradford.getByLabel("Kind of organisation").selectOption({ label: "NHS trust" });
    await bradford.getByLabel("Its system: the ICB's ODS code").fill("QWO");
    await bradford.getByRole("button", { name: "Add and map" }).click();
    // The preview is checked again with the mapping: the name is settled.
    await expect(names).toHaveCount(2);
    expect((await names.getByRole("heading", { level: 3 }).allInnerTexts()).sort()).toEqual(UNMATCHED.filter((n) => n !== BRADFORD));
  });

  await test.step("the other two names' rows are left out; the file can then be imported", async () => {
    await admin.getByRole("button", { name: "Leave out the rows of these names" }).click();
    // Black Country Healthcare's mental health and community rows, Sheffield's mental health row.
    await expect(admin.getByTestId("dma-summary")).toContainText("of which 3 are left out because their names match no organisation");
    await expect(admin.getByTestId("import-error-count")).toHaveText("0");
    await expect(admin.getByRole("button", { name: "Bring the unmatched rows back" })).toBeVisible();
    // Only Bradford's figures are new: the seed imported every other one already.
    await expect(admin.getByTestId("import-counts")).toHaveText(new RegExp(`^${bradfordFigures} to add, 0 to change, [\\d,]+ left alone`));
  });

  await test.step("importing it writes Bradford District Care's figures and shows the committed panel", async () => {
    await admin.getByRole("button", { name: /^Import [\d,]+ rows?$/ }).click();
    await expect(admin.getByTestId("import-committed")).toContainText(`${bradfordFigures} added, 0 changed`, { timeout: 60_000 });
    await expect(admin.getByTestId("unmatched-name")).toHaveCount(0);
    await expect(admin.getByRole("link", { name: "the peer benchmarks" })).toHaveAttribute("href", "/benchmarks");
  });
});

// ---------------------------------------------------------------- what the pages show
// Big pages (134 organisations a pillar, seven charts) and axe take their time on this machine.

test("/benchmarks: England's acute figures and OUH's standing, as worked out from the workbook", async ({ pageAs }) => {
  test.setTimeout(90_000);
  const page = await pageAs("cioOuh");
  await page.goto("/maturity");
  await page.getByRole("navigation", { name: "Menu" }).getByRole("link", { name: "Benchmarks" }).click();
  await page.waitForURL(/\/benchmarks/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Peer benchmarks");
  // It opens on the DMA, 2025, acute, for the CIO's own system (BOB).
  await expect(page.getByLabel("Framework")).toHaveValue("NHSE-DMA");
  await expect(page.getByLabel("Assessment period")).toHaveValue("DMA-2025");
  await expect(page.getByLabel("Care setting")).toHaveValue("acute");
  await expect(page.getByLabel("System", { exact: true })).toHaveValue("BOB");

  const summary = page.getByTestId("national-summary");
  for (const [i, pillar] of pillars.entries()) {
    const values = acuteScores(i);
    expect(values, pillar.heading).toHaveLength(134);
    const cells = await cellsOf(summary.locator(`tbody tr[data-domain=${pillar.code}]`));
    // Domain, organisations, mean, lowest, lower quartile, median, upper quartile, highest.
    expect(cells.slice(1, 8), pillar.heading).toEqual([
      "134",
      fixed(mean(values), 1),
      fixed(Math.min(...values), 1),
      fixed(quantile(values, 0.25), 1),
      fixed(quantile(values, 0.5), 1),
      fixed(quantile(values, 0.75), 1),
      fixed(Math.max(...values), 1),
    ]);
  }

  // Oxford University Hospitals: Well Led 2.0, ranked among the 134 (ties share the best rank).
  const wellLed = acuteScores(0);
  const ouh = pillarRows.find((r) => r.provider === OUH && r.setting === "Acute")!;
  const score = ouh.scores[0]!;
  expect(score).toBe(2);
  const rank = wellLed.filter((v) => v > score).length + 1;
  const percentile = ((wellLed.filter((v) => v < score).length + wellLed.filter((v) => v === score).length / 2) / wellLed.length) * 100;
  const cell = page.getByTestId("own-standings").locator("tr[data-org=RTH] td[data-domain=WL]");
  await expect(cell.locator("strong")).toHaveText("2.0");
  await expect(cell).toContainText(`${rank} of 134, percentile ${fixed(percentile, 0)}`);

  // The charts are drawn once they near the viewport: bring the first in, so axe sees one drawn.
  const wellLedSection = page.locator("section[data-domain=WL]");
  await wellLedSection.scrollIntoViewIfNeeded();
  await expect(wellLedSection.locator(".app-chart[role=img] svg").first()).toBeVisible();
  await expectNoAxeViolations(page, "the peer benchmarks");
});

test("/maturity?framework=NHSE-DMA: BOB's acute trusts, and the national mean or median", async ({ pageAs }) => {
  test.setTimeout(90_000);
  const page = await pageAs("viewer");
  await page.goto("/maturity?framework=NHSE-DMA");
  await expect(page.getByLabel("Framework")).toHaveValue("NHSE-DMA");
  const heatmap = page.getByTestId("heatmap");
  await expect(heatmap.locator("caption")).toContainText("Buckinghamshire, Oxfordshire & Berkshire West");
  for (const [ods, provider] of [["RTH", OUH], ["RHW", "ROYAL BERKSHIRE NHS FOUNDATION TRUST"], ["RXQ", "BUCKINGHAMSHIRE HEALTHCARE NHS TRUST"]] as const) {
    const published = pillarRows.find((r) => r.provider === provider && r.setting === "Acute")!;
    for (const [i, pillar] of pillars.entries()) {
      await expect(heatmap.locator(`tr[data-org=${ods}] td[data-domain=${pillar.code}] .app-heatmap__score`), `${ods} ${pillar.code}`).toHaveText(fixed(published.scores[i]!, 1));
    }
  }
  await expect(heatmap.locator("tr[data-org=RTH] td[data-domain=WL] .app-heatmap__score")).toHaveText("2.0");

  const nationalRow = heatmap.getByTestId("national-row");
  const nationalCells = () => Promise.all(pillars.map((p) => nationalRow.locator(`td[data-domain=${p.code}]`).innerText()));
  const means = pillars.map((_, i) => fixed(mean(acuteScores(i)), 1));
  const medians = pillars.map((_, i) => fixed(quantile(acuteScores(i), 0.5), 1));
  // The two differ somewhere, or switching would prove nothing (Smart Foundations: 2.7 and 2.6).
  expect(medians).not.toEqual(means);
  await expect(page.getByLabel("National figure")).toHaveValue("mean");
  await expect(nationalRow.locator("th")).toHaveText("National average");
  expect(await nationalCells()).toEqual(means);
  await expectNoAxeViolations(page, "the DMA heatmap");

  await page.getByLabel("National figure").selectOption("median");
  await page.getByRole("button", { name: "Show" }).click();
  await page.waitForURL(/national=median/);
  await expect(nationalRow.locator("th")).toHaveText("National median");
  await expect(page.getByTestId("national-source")).toContainText("The national median is worked out from every acute organisation in England");
  expect(await nationalCells()).toEqual(medians);
});

test("/benchmarks/compare: OUH's overall change from 2024 to 2025 as the workbook gives it", async ({ pageAs }) => {
  test.setTimeout(90_000);
  const page = await pageAs("cioOuh");
  await page.goto("/benchmarks?framework=NHSE-DMA");
  await page.getByRole("link", { name: "Compare two periods" }).click();
  await page.waitForURL(/\/benchmarks\/compare/);
  await expect(page.getByLabel("From", { exact: true })).toHaveValue("DMA-2024");
  await expect(page.getByLabel("To", { exact: true })).toHaveValue("DMA-2025");
  const published = overallRows.find((r) => r.provider === OUH && r.setting === "Acute")!;
  const change = published.y2025! - published.y2024!;
  const cell = page.getByTestId("period-changes").locator("tr[data-org=RTH] td[data-domain=overall]");
  await expect(cell).toHaveText(`${signed(change, 2)} (${fixed(published.y2024!, 2)} → ${fixed(published.y2025!, 2)})`);
  await expectNoAxeViolations(page, "the period comparison");
});

test("/about-the-data passes axe and credits NHS England", async ({ pageAs }) => {
  test.setTimeout(90_000);
  const page = await pageAs("board");
  await page.goto("/maturity");
  await page.getByRole("link", { name: "About the data" }).click();
  await page.waitForURL(/\/about-the-data$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("About the data");
  await expect(page.locator(".nhsuk-lede-text")).toContainText("Contains public sector information from NHS England, licensed under the Open Government Licence v3.0");
  await expect(page.getByTestId("frameworks")).toContainText("NHSE-DMA");
  await expectNoAxeViolations(page, "About the data");
});

