import AxeBuilder from "@axe-core/playwright";
import { expect, type Page } from "@playwright/test";

/** Runs axe-core with its default rules on the page as it is now; fails listing every violation. */
export async function expectNoAxeViolations(page: Page, what: string): Promise<void> {
  await page.waitForLoadState("load");
  await expect(page.locator("h1").first()).toBeVisible();
  const results = await new AxeBuilder({ page }).analyze();
  const report = results.violations.map((v) => ({
    id: v.id,
    impact: v.impact,
    help: v.help,
    targets: v.nodes.map((n) => `${n.target.join(" ")} — ${n.failureSummary?.replace(/\s+/g, " ") ?? ""}`),
  }));
  expect(report, `axe violations on ${what} (${page.url()}):\n${JSON.stringify(report, null, 2)}`).toEqual([]);
}
