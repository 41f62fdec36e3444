import { expect, test } from "./support/fixtures";
import { BASELINE_PERIOD, gotoOrganisation, idFromUrl, openOrganisation } from "./support/app";
import { baseline, domainCodes } from "./support/seed";

test.describe("a viewer cannot change anything", () => {
  test("sees the heatmap but no Admin menu item", async ({ pageAs }) => {
    const page = await pageAs("viewer");
    await page.goto("/maturity");
    await expect(page.getByTestId("heatmap")).toBeVisible();
    const menu = page.getByRole("navigation", { name: "Menu" });
    for (const item of ["Maturity", "Organisations", "Assessments"]) await expect(menu.getByRole("link", { name: item, exact: true })).toBeVisible();
    await expect(menu.getByRole("link", { name: "Admin" })).toHaveCount(0);
  });

  test("an organisation page has no Start assessment button and no change history", async ({ pageAs }) => {
    const page = await pageAs("viewer");
    await openOrganisation(page, "RTH");
    await expect(page.getByRole("heading", { level: 1 })).toContainText("Oxford University Hospitals NHS Foundation Trust");
    await expect(page.getByTestId("over-time")).toBeVisible();
    await expect(page.getByRole("button", { name: "Start assessment" })).toHaveCount(0);
    await expect(page.getByLabel("Open assessment period")).toHaveCount(0);
    await expect(page.getByRole("heading", { name: "Change history" })).toHaveCount(0);
    await expect(page.getByTestId("history")).toHaveCount(0);
  });

  test("an approved assessment is a read-only table: no inputs, no buttons to save or decide", async ({ pageAs }) => {
    const page = await pageAs("viewer");
    await gotoOrganisation(page, "RXQ", BASELINE_PERIOD.code);
    await page.getByRole("link", { name: "View the assessment" }).click();
    await page.waitForURL(/\/assessments\/[0-9a-f-]{36}$/);
    await expect(page.getByRole("heading", { level: 1 })).toContainText(BASELINE_PERIOD.name);
    const scores = page.getByTestId("scores");
    await expect(scores).toBeVisible();
    for (const code of domainCodes) {
      await expect(scores.locator(`tr[data-domain=${code}] td`).first()).toHaveText(`${baseline("RXQ", code)}%`);
    }
    await expect(page.locator("main input:not([type=hidden]), main textarea, main select")).toHaveCount(0);
    await expect(page.getByRole("textbox")).toHaveCount(0);
    await expect(page.getByRole("button", { name: /Save|Submit|Approve|Return|Reopen/ })).toHaveCount(0);
    await expect(page.getByRole("heading", { name: "Decision" })).toHaveCount(0);

    // The API refuses a viewer too, and nothing changes.
    const id = idFromUrl(page.url(), "assessments");
    const response = await page.request.put(`/api/v1/assessments/${id}/scores`, {
      data: { version: 1, scores: Object.fromEntries(domainCodes.map((c) => [c, 1])) },
    });
    expect(response.status()).toBe(403);
    expect(((await response.json()) as { error: { code: string } }).error.code).toBe("forbidden");
    await page.reload();
    await expect(scores.locator("tr[data-domain=R1] td").first()).toHaveText(`${baseline("RXQ", "R1")}%`);
  });

  test("administration pages answer 403 with an explanation", async ({ pageAs }) => {
    const page = await pageAs("viewer");
    for (const path of ["/admin", "/admin/users", "/admin/users/new", "/admin/periods", "/admin/frameworks"]) {
      const response = await page.goto(path);
      expect(response?.status(), path).toBe(403);
      await expect(page.getByRole("heading", { level: 1 })).toHaveText("You do not have access to this page");
    }
  });

  test("a CCIO, like a viewer, cannot start an assessment", async ({ pageAs }) => {
    const page = await pageAs("ccio");
    await gotoOrganisation(page, "RHW");
    await expect(page.getByRole("button", { name: "Start assessment" })).toHaveCount(0);
    const response = await page.goto("/admin");
    expect(response?.status()).toBe(403);
  });
});
