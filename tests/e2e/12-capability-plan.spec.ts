import { projects as seedProjects } from "../../db/seed/bob-portfolio";
import { expect, test } from "./support/fixtures";

// The capability plan as the seed's grid: domains as rows, periods as columns, a card per project.
// Other specs add projects (codes P-XXXXXXXX) to the same server: count the seeded cards by their codes.
const SEEDED = '[data-project^="P16-"], [data-project^="P1719-"]';
test.describe("capability plan", () => {
  test("shows every seeded card in its domain row and period column, reached from the menu", async ({ pageAs }) => {
    const page = await pageAs("viewer");
    await page.goto("/maturity");
    await page.getByRole("navigation", { name: "Menu" }).getByRole("link", { name: "Portfolio", exact: true }).click();
    await page.waitForURL(/\/portfolio\/plan$/);
    const plan = page.getByTestId("plan");
    await expect(plan.locator(SEEDED)).toHaveCount(seedProjects.length);
    await expect(plan.getByRole("columnheader")).toHaveText(["Domain", "2016/17", "2017/18 – 2018/19"]);
    // One card of each period, in the right row and column.
    for (const period of ["2016/17", "2017/18-2018/19"] as const) {
      const seed = seedProjects.find((p) => p.period === period && p.ownerOdsCodes.length > 0) ?? seedProjects.find((p) => p.period === period)!;
      const row = plan.locator(`tr[data-domain="${seed.domainCode}"]`);
      const column = period === "2016/17" ? 2 : 3;
      await expect(row.locator(`td:nth-child(${column}) [data-project="${seed.code}"]`)).toContainText(seed.title);
    }
    const unknown = seedProjects.filter((p) => p.ownerOdsCodes.length === 0).length;
    const total = await plan.locator("[data-project]").count();
    expect(total).toBeGreaterThanOrEqual(seedProjects.length);
    await expect(page.getByTestId("plan-summary")).toContainText(`${total} of ${total} projects shown.`);
    // Projects added in the app always have an owner: the unknown ones are the seed's.
    await expect(page.getByTestId("plan-summary")).toContainText(`${unknown} of them have no owner recorded`);
  });

  test("filters by owner and by priority through a bookmarkable form", async ({ pageAs }) => {
    const page = await pageAs("cioOuh");
    await page.goto("/portfolio/plan");
    await page.getByLabel("Owner").selectOption({ label: "Oxford University Hospitals NHS Foundation Trust" });
    await page.getByRole("button", { name: "Show" }).click();
    await page.waitForURL(/organisation=/);
    const ouh = seedProjects.filter((p) => p.ownerOdsCodes.includes("RTH"));
    await expect(page.getByTestId("plan").locator(SEEDED)).toHaveCount(ouh.length);
    for (const p of ouh) await expect(page.locator(`[data-project="${p.code}"]`)).toContainText("Oxford University Hospitals");

    await page.getByLabel("Owner").selectOption("");
    await page.getByLabel("STP digital priority").selectOption("Patient facing technology");
    await page.getByRole("button", { name: "Show" }).click();
    await page.waitForURL(/priority=Patient/);
    const serving = seedProjects.filter((p) => p.stpPriority === "Patient facing technology");
    await expect(page.getByTestId("plan").locator(SEEDED)).toHaveCount(serving.length);
    await expect(page.getByTestId("plan-summary")).toContainText(`projects shown, serving “Patient facing technology”.`);
  });
});
