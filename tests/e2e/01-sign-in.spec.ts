import { accounts, roles } from "./support/accounts";
import { expect, signIn, test } from "./support/fixtures";

test.describe("signing in", () => {
  for (const role of roles) {
    test(`${role} (${accounts[role].email}) signs in and sees the heatmap`, async ({ page }) => {
      await page.goto("/login");
      await expect(page.getByRole("heading", { level: 1, name: "Sign in to Digital Roadmap" })).toBeVisible();
      await signIn(page, accounts[role].email);
      await page.waitForURL((url) => url.pathname === "/maturity");
      await expect(page.getByTestId("signed-in-user")).toHaveText(accounts[role].name);
      await expect(page.getByRole("button", { name: "Sign out" })).toBeVisible();
      await expect(page.getByTestId("heatmap")).toBeVisible();
      // Only administrators get the Admin menu item.
      await expect(page.getByRole("navigation", { name: "Menu" }).getByRole("link", { name: "Admin" })).toHaveCount(role === "admin" ? 1 : 0);
    });
  }

  test("a wrong password is refused with a message and no session", async ({ page }) => {
    await page.goto("/login");
    await signIn(page, accounts.viewer.email, "not-the-password");
    const summary = page.locator(".nhsuk-error-summary");
    await expect(summary).toContainText("The email address or password is not right");
    await expect(page).toHaveURL(/\/login/);
    await expect(page.getByLabel("Email address")).toHaveValue(accounts.viewer.email);
    await expect(page.getByTestId("signed-in-user")).toHaveCount(0);
    await page.goto("/maturity");
    await expect(page).toHaveURL(/\/login/);
  });

  test("an unknown email address gets the same message", async ({ page }) => {
    await page.goto("/login");
    await signIn(page, "nobody@demo.nhs.uk");
    await expect(page.locator(".nhsuk-error-summary")).toContainText("The email address or password is not right");
  });

  test("signed out, /maturity redirects to /login and back after signing in", async ({ page }) => {
    await page.goto("/maturity?period=2016-BASELINE&footprint=OXON");
    await expect(page).toHaveURL(/\/login\?callbackUrl=/);
    expect(new URL(page.url()).searchParams.get("callbackUrl")).toBe("/maturity?period=2016-BASELINE&footprint=OXON");
    await expect(page.getByTestId("heatmap")).toHaveCount(0);
    await signIn(page, accounts.ccio.email);
    await page.waitForURL((url) => url.pathname === "/maturity" && url.searchParams.get("footprint") === "OXON");
    await expect(page.getByTestId("heatmap").locator("tbody tr")).toHaveCount(3);
  });

  test("the sign-in page gets its NHS.UK stylesheet while signed out", async ({ page }) => {
    const stylesheet = page.waitForResponse((response) => response.url().endsWith("/nhsuk/nhsuk-frontend.min.css"));
    await page.goto("/login");
    const response = await stylesheet;
    // A redirect to /login here would leave the page unstyled.
    expect(response.status(), "the stylesheet is served, not redirected to /login").toBe(200);
    expect(response.headers()["content-type"]).toContain("text/css");
    // NHS.UK frontend styles the primary button green (#007f3b) on a styled page.
    await expect(page.getByRole("button", { name: "Sign in" })).toHaveCSS("background-color", "rgb(0, 127, 59)");
  });

  test("signed out, every other page redirects to /login", async ({ page }) => {
    for (const path of ["/", "/organisations", "/assessments", "/admin", "/admin/users"]) {
      await page.goto(path);
      await expect(page, `${path} should redirect to /login`).toHaveURL(/\/login(\?|$)/);
      await expect(page.getByRole("button", { name: "Sign in" })).toBeVisible();
    }
  });

  test("/ goes to /maturity once signed in, and Sign out ends the session, even for a copy of its cookie", async ({ anonymousPage }) => {
    // A session of its own: signing out refuses the session's id, so it must not be the
    // one the other tests share.
    const page = await anonymousPage();
    await page.goto("/login");
    await signIn(page, accounts.board.email);
    await page.waitForURL((url) => url.pathname === "/maturity");
    await page.goto("/");
    await expect(page).toHaveURL(/\/maturity$/);
    const session = (await page.context().cookies()).find((c) => c.name === "authjs.session-token");
    expect(session, "a session cookie").toBeDefined();
    await page.getByRole("button", { name: "Sign out" }).click();
    await page.waitForURL(/\/login/);
    await expect(page.getByTestId("signed-in-user")).toHaveCount(0);
    await page.goto("/organisations");
    await expect(page).toHaveURL(/\/login/);
    // The cookie as it was before signing out (a response already on its way can set it
    // again; or it was copied): the server refuses it now, on pages and in the API.
    await page.context().addCookies([session!]);
    await page.goto("/organisations");
    await expect(page).toHaveURL(/\/login/);
    await expect(page.getByTestId("signed-in-user")).toHaveCount(0);
    const api = await page.request.get("/api/v1/organisations");
    expect(api.status()).toBe(401);
  });
});
