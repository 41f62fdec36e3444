import type { Page } from "@playwright/test";
import { expect, test } from "./support/fixtures";
import { expectNoAxeViolations } from "./support/axe";
import { authStatePath } from "./support/auth-state";
import { BASE_URL } from "./support/env";

// Targets and statuses: Berkshire West has no footprint targets in the seed, so the
// board's edits here start from "No target"; the system's C4 target is changed once.

const section = (page: Page, code: string) => page.locator(`section[data-domain=${code}]`);
const status = (page: Page, code: string) => section(page, code).locator("h3 [data-status]");

async function openTargets(page: Page, code: string) {
  const details = section(page, code).locator("details");
  if ((await details.getAttribute("open")) === null) await details.locator("summary").click();
}

test.describe("trajectories", () => {
  test("a board member sets a footprint target and sees the status change", async ({ pageAs }) => {
    const page = await pageAs("board");
    await page.goto("/trajectories?footprint=BERKSW");
    await expect(status(page, "C1")).toHaveText("No target");

    await openTargets(page, "C1");
    await page.locator("#C1-new-financialYear").fill("2030/31");
    await page.locator("#C1-new-score").fill("30");
    await page.getByRole("button", { name: "Add target for Records, Assessments & Plans" }).click();
    // Berkshire West's baseline mean for C1 is (26 + 56 + 57) / 3 = 46.3%, above 30%.
    await expect(status(page, "C1")).toHaveText("On track");
    await expect(section(page, "C1").getByTestId("reason")).toContainText("already at or above the target of 30%");

    await openTargets(page, "C1");
    await section(page, "C1").locator("#C1-2030-score").fill("90");
    await page.getByRole("button", { name: "Change the 2030/31 target for Records, Assessments & Plans" }).click();
    await expect(status(page, "C1")).toHaveText("At risk");
    await expect(page.getByTestId("trajectory-table-C1")).toContainText("Target for end of 2030/31");
    await expect(page.getByTestId("trajectory-table-C1")).toContainText("90%");
  });

  test("a bad target gets a message next to the field and nothing is saved", async ({ pageAs }) => {
    const page = await pageAs("board");
    await page.goto("/trajectories?footprint=BERKSW");
    await openTargets(page, "C2");
    await page.locator("#C2-new-financialYear").fill("2030/32");
    await page.locator("#C2-new-score").fill("120");
    await page.getByRole("button", { name: "Add target for Transfers of Care" }).click();
    const c2 = section(page, "C2");
    await expect(c2.locator(".nhsuk-error-summary")).toBeVisible();
    await expect(c2.locator("#C2-new-financialYear-error")).toContainText("Enter the financial year like 2017/18");
    await expect(c2.locator("#C2-new-score-error")).toContainText("The target must be from 0 to 100 (not 120)");
    await expect(c2.locator("#C2-new-financialYear")).toHaveValue("2030/32");
    await page.reload();
    await expect(status(page, "C2")).toHaveText("No target");
  });

  test("the as-at view of a date before an edit shows the old target", async ({ pageAs }) => {
    const page = await pageAs("board");
    await page.goto("/trajectories");
    await expect(page.getByTestId("trajectory-table-C4")).toContainText("63%");
    await openTargets(page, "C4");
    await section(page, "C4").locator("#C4-2017-score").fill("50");
    await page.getByRole("button", { name: "Change the 2017/18 target for Medicines Management & Optimisation" }).click();
    const table = page.getByTestId("trajectory-table-C4");
    await expect(table.getByRole("row", { name: /Target for end of 2017\/18/ })).toContainText("50%");

    const yesterday = new Date(Date.now() - 24 * 60 * 60 * 1000).toISOString().slice(0, 10);
    await page.goto(`/trajectories?asAt=${yesterday}`);
    await expect(page.getByTestId("as-at-banner")).toBeVisible();
    await expect(table.getByRole("row", { name: /Target for end of 2017\/18/ })).toContainText("63%");
    await expect(section(page, "C4").locator("details")).toHaveCount(0); // no editing in the past

    // Before the roadmap set its targets (October 2016) there were none.
    await page.goto("/trajectories?asAt=2016-06-30");
    await expect(status(page, "C4")).toHaveText("No target");
  });

  test("CIOs set only their own organisation's targets; viewers none", async ({ pageAs }) => {
    const cio = await pageAs("cioOuh");
    await cio.goto("/trajectories");
    await expect(cio.locator("section[data-domain] details")).toHaveCount(0);
    await cio.getByLabel("Organisation", { exact: true }).selectOption({ label: "Oxford University Hospitals NHS Foundation Trust" });
    await cio.getByRole("button", { name: "Show" }).click();
    await expect(cio.locator("section[data-domain=C1] details")).toHaveCount(1);
    await cio.goto(`/trajectories?organisation=${new URL(cio.url()).searchParams.get("organisation")}`);
    await cio.getByLabel("Organisation", { exact: true }).selectOption({ label: "Royal Berkshire NHS Foundation Trust" });
    await cio.getByRole("button", { name: "Show" }).click();
    await expect(cio.locator("section[data-domain] details")).toHaveCount(0);

    const viewer = await pageAs("viewer");
    await viewer.goto("/trajectories?footprint=OXON");
    await expect(viewer.getByTestId("trajectory-status")).toBeVisible();
    await expect(viewer.locator("section[data-domain] details")).toHaveCount(0);
  });

  test("a domain's target forms are built when its panel opens, so the page does not carry them all", async ({ pageAs }) => {
    const page = await pageAs("board");
    await page.goto("/trajectories?footprint=BERKSW");
    await expect(section(page, "C1").locator("details")).toHaveCount(1);
    await expect(page.locator(".app-target-form")).toHaveCount(0);
    await openTargets(page, "C6");
    await expect(section(page, "C6").locator("#C6-new-score")).toBeVisible();
    await expect(page.locator(".app-target-form")).toHaveCount(1); // only the opened domain's
    // The HTML the server sends names no form until the URL asks for one domain's.
    const plain = await (await page.request.get("/trajectories?footprint=BERKSW")).text();
    expect(plain).not.toContain('id="C6-new-score"');
    const opened = await (await page.request.get("/trajectories?footprint=BERKSW&edit=C6")).text();
    expect(opened).toContain('id="C6-new-score"');
    expect(opened).not.toContain('id="C1-new-score"');
  });

  test("without JavaScript, a link in the panel opens the target forms and a target can be set", async ({ browser }) => {
    const context = await browser.newContext({ baseURL: BASE_URL, locale: "en-GB", storageState: authStatePath("board"), javaScriptEnabled: false });
    try {
      const page = await context.newPage();
      await page.goto("/trajectories?footprint=BERKSW");
      const i2 = section(page, "I2");
      const domainName = (await i2.locator("details summary").innerText()).replace("Set targets for ", "").trim();
      await i2.locator("details summary").click();
      await i2.getByRole("link", { name: `Show the target forms for ${domainName}` }).click();
      await expect(page).toHaveURL(/edit=I2/);
      await expect(section(page, "I2").locator("details")).toHaveAttribute("open", "");
      await page.locator("#I2-new-financialYear").fill("2031/32");
      await page.locator("#I2-new-score").fill("99");
      await page.getByRole("button", { name: `Add target for ${domainName}` }).click();
      await expect(page.getByTestId("trajectory-table-I2")).toContainText("Target for end of 2031/32");
    } finally {
      await context.close();
    }
  });

  test("each domain's chart is drawn when it comes near the screen, not all at load", async ({ pageAs }) => {
    const page = await pageAs("board");
    await page.goto("/trajectories");
    const charted = page.locator("section[data-domain]").filter({ has: page.locator(".app-chart") });
    expect(await charted.count()).toBeGreaterThan(10);
    // Once the first chart has drawn (recharts loaded), the last, far below, still has not.
    await charted.first().locator(".app-chart").scrollIntoViewIfNeeded();
    await expect(charted.first().locator(".recharts-surface").first()).toBeVisible();
    const last = charted.last();
    await expect(last.locator(".app-chart--waiting")).toHaveCount(1);
    await expect(last.locator(".recharts-surface")).toHaveCount(0);
    await last.locator(".app-chart").scrollIntoViewIfNeeded();
    await expect(last.locator(".recharts-surface").first()).toBeVisible();
  });

  for (const url of ["/trajectories", "/trajectories?footprint=OXON", "/trajectories?asAt=2017-01-31", "/trajectories?footprint=BERKSW&edit=C3"]) {
    test(`has no accessibility violations: ${url}`, async ({ pageAs }) => {
      const page = await pageAs("board");
      await page.goto(url);
      await expectNoAxeViolations(page, url);
    });
  }

  test("has no accessibility violations with a target form open and its errors shown", async ({ pageAs }) => {
    const page = await pageAs("board");
    await page.goto("/trajectories?footprint=BUCKS");
    await openTargets(page, "C5");
    await page.locator("#C5-new-financialYear").fill("nonsense");
    await page.getByRole("button", { name: "Add target for Decision Support" }).click();
    await expect(section(page, "C5").locator(".nhsuk-error-summary")).toBeVisible();
    await expectNoAxeViolations(page, "trajectories with a target error");
  });
});
