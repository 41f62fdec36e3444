import type { Page } from "@playwright/test";
import { expect, test } from "./support/fixtures";
import { expectNoAxeViolations } from "./support/axe";
import { BASELINE_PERIOD, gotoOrganisation, openPrivatePeriod, startAssessment } from "./support/app";
import type { Role } from "./support/accounts";

test.describe("accessibility (axe-core, default rules)", () => {
  test("/login", async ({ page }) => {
    await page.goto("/login");
    await expectNoAxeViolations(page, "the sign-in page");
  });

  test("/login with the error summary shown", async ({ page }) => {
    await page.goto("/login");
    await page.getByLabel("Email address").fill("viewer@demo.nhs.uk");
    await page.getByLabel("Password").fill("wrong-password");
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page.locator(".nhsuk-error-summary")).toBeVisible();
    await expectNoAxeViolations(page, "the sign-in page with an error");
  });

  const simplePages: { path: string; role: Role; what: string }[] = [
    { path: "/maturity", role: "viewer", what: "the heatmap" },
    { path: "/maturity?footprint=OXON", role: "viewer", what: "the Oxfordshire heatmap" },
    { path: "/organisations", role: "cioOuh", what: "the organisations list" },
    { path: "/assessments", role: "admin", what: "the assessments list (admin)" },
    { path: "/assessments", role: "cioRbft", what: "the assessments list (CIO)" },
    { path: "/admin", role: "admin", what: "the administration page" },
    { path: "/admin/users", role: "admin", what: "the users list" },
    { path: "/admin/users/new", role: "admin", what: "the new user form" },
    { path: "/account/password", role: "viewer", what: "the change-password page" },
    { path: "/profile", role: "ccio", what: "the profile page, with sign out everywhere" },
    { path: "/admin/periods", role: "admin", what: "the assessment periods page" },
    { path: "/admin/frameworks", role: "admin", what: "the maturity frameworks page" },
    { path: "/account/security", role: "admin", what: "account security, two-factor on" },
    { path: "/account/security", role: "viewer", what: "account security, two-factor off" },
    { path: "/portfolio/plan", role: "viewer", what: "the capability plan" },
    { path: "/portfolio/plan?organisation=none&priority=Provider%20digital%20maturity", role: "cioOuh", what: "the capability plan, filtered" },
    { path: "/portfolio/capabilities", role: "viewer", what: "the universal capability matrix" },
    { path: "/portfolio/capabilities?by=organisation", role: "board", what: "the universal capability matrix by owner" },
    { path: "/portfolio/projects/new", role: "cioOuh", what: "the new project form" },
    { path: "/portfolio/gaps", role: "board", what: "gap to delivery for the system" },
    { path: "/portfolio/gaps?footprint=OXON", role: "viewer", what: "gap to delivery for Oxfordshire" },
    { path: "/portfolio/dashboard", role: "board", what: "the portfolio dashboard" },
    { path: "/workstreams", role: "viewer", what: "the workstreams overview" },
    { path: "/workstreams/board", role: "board", what: "the programme board view" },
    { path: "/workstreams/alignment", role: "ccio", what: "the workstreams' alignment with the STP goals" },
  ];
  for (const { path, role, what } of simplePages) {
    test(`${path} as ${role}`, async ({ pageAs }) => {
      const page = await pageAs(role);
      await page.goto(path);
      await expectNoAxeViolations(page, what);
    });
  }

  test("/admin/users/{id}", async ({ pageAs }) => {
    // axe reads every one of England's organisations' checkboxes on this page: 46 s at load 33.
    test.slow();
    const page = await pageAs("admin");
    await page.goto("/admin/users");
    await page.getByRole("link", { name: "Sam Taylor" }).click();
    await page.waitForURL(/\/admin\/users\/[0-9a-f-]{36}$/);
    await expect(page.getByRole("heading", { level: 1 })).toContainText("Sam Taylor");
    await expectNoAxeViolations(page, "a user's page");
  });

  test("/admin/users/new with validation errors shown", async ({ pageAs }) => {
    const page = await pageAs("admin");
    await page.goto("/admin/users/new");
    await page.getByLabel("Role").selectOption({ label: "Chief Information Officer (CIO)" });
    await page.getByRole("button", { name: "Add user" }).click();
    await expect(page.locator(".nhsuk-error-summary")).toBeVisible();
    await expectNoAxeViolations(page, "the new user form with errors");
  });

  const organisationPage = async (page: Page, ods: string) => {
    // A period with scores for every trust, whatever other specs have approved since.
    await gotoOrganisation(page, ods, BASELINE_PERIOD.code);
    // The chart is drawn in the browser: let it render before checking.
    await expect(page.locator(".app-chart svg").first()).toBeVisible();
  };

  test("an organisation page as an administrator (chart, tables, history, Start button)", async ({ pageAs }) => {
    const page = await pageAs("admin");
    await organisationPage(page, "RWX");
    await expect(page.getByTestId("history")).toBeVisible();
    await expect(page.getByRole("button", { name: "Start assessment" })).toBeVisible();
    await expectNoAxeViolations(page, "an organisation page (admin)");
  });

  test("an organisation page as a viewer", async ({ pageAs }) => {
    const page = await pageAs("viewer");
    await organisationPage(page, "RNU");
    await expectNoAxeViolations(page, "an organisation page (viewer)");
  });

  test("an assessment in edit mode (CIO draft), then with validation errors shown", async ({ pageAs }) => {
    const admin = await pageAs("admin");
    const period = await openPrivatePeriod(admin, "A11Y");
    const cio = await pageAs("cioRbft");
    await gotoOrganisation(cio, "RHW");
    await startAssessment(cio, period.name);
    await expectNoAxeViolations(cio, "an assessment in edit mode");

    await cio.getByLabel("Leadership", { exact: true }).fill("abc");
    await cio.getByLabel("Governance", { exact: true }).fill("150");
    await cio.getByLabel("Standards", { exact: true }).fill("");
    await cio.getByRole("button", { name: "Save draft" }).click();
    await expect(cio.locator(".nhsuk-error-summary li")).toHaveCount(3);
    await expectNoAxeViolations(cio, "an assessment with validation errors");
  });

  test("an approved assessment (read-only) as a viewer", async ({ pageAs }) => {
    const page = await pageAs("viewer");
    await gotoOrganisation(page, "RYE", BASELINE_PERIOD.code);
    await page.getByRole("link", { name: "View the assessment" }).click();
    await page.waitForURL(/\/assessments\//);
    await expect(page.getByTestId("scores")).toBeVisible();
    await expectNoAxeViolations(page, "an approved assessment");
  });

  test("the 403 page", async ({ pageAs }) => {
    const page = await pageAs("viewer");
    const response = await page.goto("/admin");
    expect(response?.status()).toBe(403);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("You do not have access to this page");
    await expectNoAxeViolations(page, "the 403 page");
  });

  test("the 404 page", async ({ pageAs }) => {
    const page = await pageAs("viewer");
    const response = await page.goto("/organisations/00000000-0000-4000-8000-000000000000");
    expect(response?.status()).toBe(404);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Page not found");
    await expectNoAxeViolations(page, "the 404 page");
  });

  test("the 404 page for an unknown path", async ({ pageAs }) => {
    const page = await pageAs("viewer");
    const response = await page.goto("/no-such-page");
    expect(response?.status()).toBe(404);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Page not found");
    await expectNoAxeViolations(page, "the 404 page (unknown path)");
  });
});
