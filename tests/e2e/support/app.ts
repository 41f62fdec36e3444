import { expect, type Page } from "@playwright/test";

export const OPEN_PERIOD = { name: "Reassessment 2017", code: "2017-REASSESSMENT" } as const;
export const BASELINE_PERIOD = { name: "Baseline Feb-16", code: "2016-BASELINE" } as const;

const uuid = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";

/** A short suffix that keeps codes and emails unique if a spec is repeated in one run. */
export function uniqueSuffix(): string {
  return `${Date.now().toString(36)}${Math.floor(Math.random() * 1296).toString(36)}`.toUpperCase();
}

/** Opens an organisation's page from the Organisations list, by ODS code; returns its id. */
export async function openOrganisation(page: Page, odsCode: string): Promise<string> {
  await page.goto("/organisations");
  const row = page.getByRole("row").filter({ has: page.getByRole("cell", { name: odsCode, exact: true }) });
  await row.getByRole("link").click();
  await page.waitForURL(new RegExp(`/organisations/${uuid}`));
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  return idFromUrl(page.url(), "organisations");
}

const organisationIds = new Map<string, string>();

/** An organisation's id by ODS code, read once per worker from the Organisations list. */
export async function organisationId(page: Page, odsCode: string): Promise<string> {
  if (organisationIds.size === 0) {
    const response = await page.request.get("/organisations");
    expect(response.status(), "GET /organisations (signed in)").toBe(200);
    const html = await response.text();
    // Each row: <th><a href="/organisations/{id}">Name</a>…</th><td>{ODS code}</td>…
    for (const match of html.matchAll(new RegExp(`href="/organisations/(${uuid})"[^]*?<td>([^<]*)</td>`, "g"))) {
      if (match[1] && match[2]) organisationIds.set(match[2], match[1]);
    }
  }
  const id = organisationIds.get(odsCode);
  if (!id) throw new Error(`No organisation with ODS code ${odsCode} on /organisations`);
  return id;
}

/** Goes straight to an organisation's page (optionally for a period); returns its id. */
export async function gotoOrganisation(page: Page, odsCode: string, periodCode?: string): Promise<string> {
  const id = await organisationId(page, odsCode);
  await page.goto(`/organisations/${id}${periodCode ? `?period=${encodeURIComponent(periodCode)}` : ""}`);
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  return id;
}

export function idFromUrl(url: string, collection: "organisations" | "assessments" | "users"): string {
  const match = new RegExp(`/${collection}/(${uuid})`).exec(new URL(url).pathname);
  if (!match?.[1]) throw new Error(`No ${collection} id in ${url}`);
  return match[1];
}

/** On an organisation page: starts the assessment for the period; returns the new assessment's id. */
export async function startAssessment(page: Page, periodName: string): Promise<string> {
  await page.getByLabel("Open assessment period").selectOption({ label: periodName });
  await page.getByRole("button", { name: "Start assessment" }).click();
  await page.waitForURL(new RegExp(`/assessments/${uuid}`));
  await expect(page.getByRole("button", { name: "Save draft" })).toBeVisible();
  return idFromUrl(page.url(), "assessments");
}

/** As an administrator: opens a new assessment period of the DMI framework. */
export async function openPeriod(adminPage: Page, period: { name: string; code: string; assessedOn: string }): Promise<void> {
  await adminPage.goto("/admin/periods");
  const form = adminPage.locator("form").filter({ has: adminPage.getByRole("button", { name: "Open period" }) });
  await form.getByLabel("Framework").selectOption({ label: "Digital Maturity Index 2016" });
  await form.getByLabel("Name", { exact: true }).fill(period.name);
  await form.getByLabel("Code (used in links and imports)").fill(period.code);
  await form.getByLabel("Date the scores describe (YYYY-MM-DD)").fill(period.assessedOn);
  await form.getByRole("button", { name: "Open period" }).click();
  await expect(adminPage.locator(".nhsuk-inset-text[role=status]")).toContainText(`${period.name} is open`);
}

/**
 * A period that only the calling spec uses, so that specs which start assessments do not
 * depend on each other. Dated between the baseline and the 2017 reassessment, so that its
 * boxes always start from the baseline scores.
 */
export async function openPrivatePeriod(adminPage: Page, label: string): Promise<{ name: string; code: string }> {
  const suffix = uniqueSuffix();
  const period = { name: `E2E ${label} ${suffix}`, code: `E2E-${label.toUpperCase()}-${suffix}`, assessedOn: "2016-09-30" };
  await openPeriod(adminPage, period);
  return period;
}
