import { expect, signIn, test } from "./support/fixtures";
import { gotoOrganisation, openPeriod, uniqueSuffix } from "./support/app";

test.describe("administration", () => {
  test("the admin page links to users and to assessment periods", async ({ pageAs }) => {
    const page = await pageAs("admin");
    await page.goto("/maturity");
    await page.getByRole("navigation", { name: "Menu" }).getByRole("link", { name: "Admin" }).click();
    await page.waitForURL(/\/admin$/);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Administration");

    await page.getByRole("link", { name: "Users and roles" }).click();
    await page.waitForURL(/\/admin\/users$/);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Users and roles");
    const users = page.locator("main table");
    for (const email of ["admin@demo.nhs.uk", "cio.ouh@demo.nhs.uk", "cio.rbft@demo.nhs.uk", "board@demo.nhs.uk", "ccio@demo.nhs.uk", "viewer@demo.nhs.uk"]) {
      await expect(users.getByRole("cell", { name: email, exact: true })).toBeVisible();
    }
    await expect(users.getByRole("row", { name: /Olu Adeyemi/ })).toContainText("Oxford University Hospitals");

    await page.goto("/admin");
    await page.getByRole("link", { name: "Assessment periods" }).click();
    await page.waitForURL(/\/admin\/periods$/);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Assessment periods");
    await expect(page.getByRole("row", { name: /Reassessment 2017/ })).toContainText("Open");
    await expect(page.getByRole("row", { name: /Baseline Feb-16/ })).toContainText("Closed");
  });

  test("an admin opens a new period: it is listed, CIOs can start in it, and closing it takes it away", async ({ pageAs }) => {
    const admin = await pageAs("admin");
    const suffix = uniqueSuffix();
    const period = { name: `Reassessment 2018 ${suffix}`, code: `2018-R-${suffix}`, assessedOn: "2018-06-30" };

    await admin.goto("/admin/periods");
    const form = admin.locator("form").filter({ has: admin.getByRole("button", { name: "Open period" }) });
    await form.getByLabel("Name", { exact: true }).fill(period.name);
    await form.getByLabel("Code (used in links and imports)").fill("not a code");
    await form.getByLabel("Date the scores describe (YYYY-MM-DD)").fill("30/06/2018");
    await form.getByRole("button", { name: "Open period" }).click();
    await expect(admin.locator(".nhsuk-error-summary")).toContainText("Enter a code of 2 to 40 capital letters");
    await expect(admin.locator(".nhsuk-error-summary")).toContainText("Enter the date the scores describe");
    await expect(form.getByLabel("Name", { exact: true })).toHaveValue(period.name);
    await expect(admin.getByRole("row", { name: new RegExp(period.name) })).toHaveCount(0);

    await openPeriod(admin, period);
    const row = admin.getByRole("row", { name: new RegExp(period.name) });
    // The list should show the new period at once, beside the "is open" message.
    await expect.soft(row, "the periods table lists the new period without a reload").toBeVisible({ timeout: 3_000 });
    await admin.reload();
    await expect(row).toContainText(period.code);
    await expect(row).toContainText("Digital Maturity Index 2016");
    await expect(row).toContainText(period.assessedOn);
    await expect(row).toContainText("Open");

    const cio = await pageAs("cioOuh");
    await gotoOrganisation(cio, "RTH");
    await expect(cio.getByLabel("Open assessment period").locator("option", { hasText: period.name })).toHaveCount(1);

    await row.getByRole("button", { name: `Close ${period.name}` }).click();
    await expect(admin.getByRole("status").filter({ hasText: "The period is closed to new assessments." })).toBeVisible();
    await expect.soft(row, "the row shows Closed without a reload").toContainText("Closed", { timeout: 3_000 });
    await admin.reload();
    await expect(row).toContainText("Closed");
    await expect(row.getByRole("button", { name: `Reopen ${period.name}` })).toBeVisible();
    await cio.reload();
    await expect(cio.getByLabel("Open assessment period").locator("option", { hasText: period.name })).toHaveCount(0);
  });

  test("an admin adds a user, changes their role, then disables them: their next page goes to /login", async ({ pageAs, anonymousPage }) => {
    test.setTimeout(60_000);
    const admin = await pageAs("admin");
    const suffix = uniqueSuffix().toLowerCase();
    const user = { name: `Tess Throwaway ${suffix}`, email: `throwaway-${suffix}@example.nhs.uk`, password: "a-long-enough-password" };

    await admin.goto("/admin/users");
    await admin.getByRole("link", { name: "Add a user" }).click();
    await admin.waitForURL(/\/admin\/users\/new$/);
    await admin.getByLabel("Full name").fill(user.name);
    await admin.getByLabel("Email address").fill(user.email);
    await admin.getByLabel(/^Password/).fill(user.password);
    await admin.getByLabel("Role").selectOption({ label: "Viewer" });
    await expect(admin.getByRole("checkbox", { name: "Royal Berkshire NHS Foundation Trust" })).toBeVisible();
    await admin.getByRole("button", { name: "Add user" }).click();
    await admin.waitForURL(/\/admin\/users\/[0-9a-f-]{36}\?created=1$/);
    await expect(admin.locator(".nhsuk-inset-text[role=status]")).toContainText(`${user.name} has been added`);

    const person = await anonymousPage();
    await person.goto("/login");
    await signIn(person, user.email, user.password);
    await person.waitForURL(/\/maturity/);
    await expect(person.getByTestId("signed-in-user")).toHaveText(user.name);
    await expect(person.locator("header")).toContainText("Viewer");

    // A CIO needs an organisation; with one, the role applies from the user's next page.
    await admin.getByLabel("Role").selectOption({ label: "Chief Information Officer (CIO)" });
    await admin.getByRole("button", { name: "Save role and organisations" }).click();
    await expect(admin.locator(".nhsuk-error-summary")).toContainText("Choose at least one organisation for a CIO");
    await admin.getByLabel("Role").selectOption({ label: "Chief Information Officer (CIO)" });
    await admin.getByRole("checkbox", { name: "Berkshire Healthcare NHS Foundation Trust" }).check();
    await admin.getByRole("button", { name: "Save role and organisations" }).click();
    await expect(admin.getByRole("status").filter({ hasText: "Saved." })).toBeVisible();
    await person.goto("/organisations");
    await expect(person.locator("header")).toContainText("Chief Information Officer (CIO)");
    await expect(person.getByRole("row", { name: /Berkshire Healthcare NHS Foundation Trust/ })).toContainText("Yours");

    await admin.getByRole("button", { name: "Disable account" }).click();
    await expect(admin.getByRole("status").filter({ hasText: "The account is disabled" })).toBeVisible();
    await expect.soft(admin.getByRole("button", { name: "Enable account" }), "the button becomes Enable account without a reload").toBeVisible({ timeout: 3_000 });
    await admin.reload();
    await expect(admin.locator("main")).toContainText("This account is disabled");
    await expect(admin.getByRole("button", { name: "Enable account" })).toBeVisible();

    await person.goto("/organisations");
    await expect(person).toHaveURL(/\/login/);
    await expect(person.getByTestId("signed-in-user")).toHaveCount(0);
    await signIn(person, user.email, user.password);
    await expect(person.locator(".nhsuk-error-summary")).toContainText("The email address or password is not right");

    await admin.goto("/admin/users");
    await expect(admin.getByRole("row", { name: new RegExp(user.name) })).toContainText("Disabled");
  });
});
