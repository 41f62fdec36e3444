// Accounts in the browser: an administrator's one-time reset link, changing one's own
// password, sign out everywhere, a disabled account's old session staying dead once the
// account is enabled again, and (on a server of its own) the first start without demo
// accounts: one administrator, a password printed once, changed at first sign-in.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { randomBytes } from "node:crypto";
import type { Page } from "@playwright/test";
import { expect, signIn, test } from "./support/fixtures";
import { uniqueSuffix } from "./support/app";
import { expectNoAxeViolations } from "./support/axe";
import { ownPorts, startAppServer, type AppServer } from "./support/app-server";
import { totpCode } from "../../lib/auth/totp";

interface Throwaway {
  id: string;
  name: string;
  email: string;
  password: string;
}

/** A viewer with a password, added by the administrator through the form. */
async function addViewer(admin: Page): Promise<Throwaway> {
  const suffix = uniqueSuffix().toLowerCase();
  const person = { name: `Acct Person ${suffix}`, email: `acct-${suffix}@example.nhs.uk`, password: "tangerine-walrus-ledger" };
  await admin.goto("/admin/users/new");
  await admin.getByLabel("Full name").fill(person.name);
  await admin.getByLabel("Email address").fill(person.email);
  await admin.getByLabel(/^Password/).fill(person.password);
  await admin.getByLabel("Role").selectOption({ label: "Viewer" });
  await admin.getByRole("button", { name: "Add user" }).click();
  await admin.waitForURL(/\/admin\/users\/[0-9a-f-]{36}\?created=1$/);
  const id = /\/admin\/users\/([0-9a-f-]{36})/.exec(admin.url())![1]!;
  return { id, ...person };
}

async function signInAs(page: Page, email: string, password: string): Promise<void> {
  await page.goto("/login");
  await signIn(page, email, password);
  await page.waitForURL(/\/maturity/);
}

/** Whether the page's session still opens the app (a signed-out one is sent to /login). */
async function stillSignedIn(page: Page): Promise<boolean> {
  await page.goto("/maturity");
  return new URL(page.url()).pathname === "/maturity";
}

test.describe("accounts", () => {
  // Each test signs in several browsers and hashes passwords: slow on a loaded 2-core machine.
  test.describe.configure({ timeout: 180_000 });

  test("an administrator's reset link sets a new password once and signs the person out everywhere", async ({ pageAs, anonymousPage }) => {
    const admin = await pageAs("admin");
    const person = await addViewer(admin);
    const before = await anonymousPage();
    await signInAs(before, person.email, person.password);

    await admin.goto(`/admin/users/${person.id}`);
    await admin.getByRole("button", { name: "Create a reset link" }).click();
    const link = await admin.locator("#reset-link-url").inputValue();
    expect(link).toMatch(/\/reset-password\/[A-Za-z0-9_-]{43}$/);
    await expectNoAxeViolations(admin, "a user's page with a new reset link");

    const opener = await anonymousPage();
    await opener.goto(link);
    await expect(opener.getByRole("heading", { level: 1 })).toHaveText("Choose a new password");
    await expectNoAxeViolations(opener, "the reset page");
    await opener.getByLabel("New password", { exact: true }).fill("password");
    await opener.getByLabel("New password again").fill("password");
    await opener.getByRole("button", { name: "Set my new password" }).click();
    await expect(opener.locator(".nhsuk-error-summary")).toContainText("at least 12 characters");
    await expectNoAxeViolations(opener, "the reset page with an error");
    await opener.getByLabel("New password", { exact: true }).fill("copper-heron-satchel");
    await opener.getByLabel("New password again").fill("copper-heron-satchel");
    await opener.getByRole("button", { name: "Set my new password" }).click();
    await opener.waitForURL(/\/login\?password=reset$/);
    await expect(opener.getByTestId("login-notice")).toContainText("Your new password is set");

    expect(await stillSignedIn(before), "the session from before the reset").toBe(false);
    await signIn(opener, person.email, person.password);
    await expect(opener.locator(".nhsuk-error-summary")).toBeVisible();
    await signInAs(opener, person.email, "copper-heron-satchel");

    const again = await anonymousPage();
    await again.goto(link);
    await expect(again.getByTestId("reset-link-problem")).toContainText("used already");
  });

  test("changing one's own password keeps this session and ends the others", async ({ pageAs, anonymousPage }) => {
    const person = await addViewer(await pageAs("admin"));
    const [here, elsewhere] = [await anonymousPage(), await anonymousPage()];
    await signInAs(here, person.email, person.password);
    await signInAs(elsewhere, person.email, person.password);
    await here.goto("/profile");
    await here.getByRole("link", { name: "Change your password" }).click();
    await here.waitForURL(/\/account\/password$/);
    await here.getByLabel("Current password").fill("not-my-password");
    await here.getByLabel("New password", { exact: true }).fill("amber-kestrel-voyage");
    await here.getByLabel("New password again").fill("amber-kestrel-voyage");
    await here.getByRole("button", { name: "Change password" }).click();
    await expect(here.locator(".nhsuk-error-summary")).toContainText("Your current password is not right");
    await expectNoAxeViolations(here, "the change-password page with an error");
    await here.getByLabel("Current password").fill(person.password);
    await here.getByLabel("New password", { exact: true }).fill("amber-kestrel-voyage");
    await here.getByLabel("New password again").fill("amber-kestrel-voyage");
    await here.getByRole("button", { name: "Change password" }).click();
    await expect(here.getByRole("status").filter({ hasText: "Your password has been changed" })).toBeVisible();
    expect(await stillSignedIn(here), "the session that changed it").toBe(true);
    expect(await stillSignedIn(elsewhere), "another session").toBe(false);
  });

  test("sign out everywhere: by the person, and by an administrator", async ({ pageAs, anonymousPage }) => {
    const admin = await pageAs("admin");
    const person = await addViewer(admin);
    const [here, elsewhere] = [await anonymousPage(), await anonymousPage()];
    await signInAs(here, person.email, person.password);
    await signInAs(elsewhere, person.email, person.password);
    await here.goto("/profile");
    await here.getByRole("button", { name: "Sign out everywhere" }).click();
    await here.waitForURL(/\/login\?signedOut=everywhere$/);
    await expect(here.getByTestId("login-notice")).toContainText("signed out everywhere");
    expect(await stillSignedIn(elsewhere)).toBe(false);

    await signInAs(here, person.email, person.password);
    await admin.goto(`/admin/users/${person.id}`);
    await admin.getByRole("button", { name: "Sign out everywhere" }).click();
    await expect(admin.getByRole("status").filter({ hasText: "Signed out everywhere" })).toBeVisible();
    expect(await stillSignedIn(here)).toBe(false);
  });

  test("a disabled account's session stays signed out when the account is enabled again", async ({ pageAs, anonymousPage }) => {
    const admin = await pageAs("admin");
    const person = await addViewer(admin);
    const old = await anonymousPage();
    await signInAs(old, person.email, person.password);
    await admin.goto(`/admin/users/${person.id}`);
    await admin.getByRole("button", { name: "Disable account" }).click();
    await expect(admin.getByRole("status").filter({ hasText: "The account is disabled" })).toBeVisible();
    await admin.reload();
    await admin.getByRole("button", { name: "Enable account" }).click();
    await expect(admin.getByRole("status").filter({ hasText: "The account is enabled again" })).toBeVisible();
    expect(await stillSignedIn(old), "the cookie from before the account was disabled").toBe(false);
    await signInAs(old, person.email, person.password);
  });
});

test.describe("the first start without demo accounts", () => {
  test.describe.configure({ timeout: 240_000 });
  let server: AppServer | undefined;
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "dr-first-start-"));
  test.afterAll(async () => {
    await server?.stop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  test("makes one administrator whose password is printed once and must be changed at first sign-in; no demo account", async ({ browser }) => {
    server = await startAppServer({ port: ownPorts.firstStart, env: { DATABASE_URL: "", DATA_DIR: dataDir, DEMO_ACCOUNTS: "", AUTH_SECRET: randomBytes(33).toString("base64") }, timeoutMs: 180_000 });
    const printed = /Email: +(\S+)\n +Password: +(\S+)/.exec(server.output());
    expect(printed, "the first start prints the administrator's email and password").not.toBeNull();
    const [, email, password] = printed!;
    expect(email).toBe("admin@roadmap.local");
    expect((fs.statSync(dataDir).mode & 0o777).toString(8), "the data folder is its owner's only").toBe("700");

    const context = await browser.newContext({ baseURL: server.baseUrl, locale: "en-GB" });
    try {
      const page = await context.newPage();
      await page.goto("/login");
      await signIn(page, "admin@demo.nhs.uk");
      await expect(page.locator(".nhsuk-error-summary"), "no demo account with the public password").toBeVisible();
      await signIn(page, email!, password!);
      await page.waitForURL(/\/account\/password$/);
      await expect(page.getByTestId("must-change-password")).toBeVisible();
      await expectNoAxeViolations(page, "the change-password page before a required change");
      await page.goto("/admin/users");
      await page.waitForURL(/\/account\/password$/);
      await page.getByLabel("Current password").fill(password!);
      await page.getByLabel("New password", { exact: true }).fill("orchid-falcon-tundra");
      await page.getByLabel("New password again").fill("orchid-falcon-tundra");
      await page.getByRole("button", { name: "Change password" }).click();
      // An administrator then sets up two-factor sign-in before anything else.
      await page.waitForURL(/\/account\/security/);
      await page.getByRole("button", { name: "Set up an authenticator app" }).click();
      const secret = (await page.getByTestId("totp-secret").textContent())!.replaceAll(" ", "");
      await page.getByLabel("Code from your authenticator app").fill(totpCode(secret));
      await page.getByRole("button", { name: "Turn on two-factor authentication" }).click();
      await page.getByRole("link", { name: "I have kept my recovery codes" }).click();
      await expect(page.getByTestId("two-factor-status")).toContainText("On.");
      await page.goto("/admin/users");
      await expect(page.getByRole("table")).toContainText("admin@roadmap.local");
      await expect(page.getByRole("table")).not.toContainText("@demo.nhs.uk");
    } finally {
      await context.close();
    }
    // Printed once: a restart prints no password.
    await server.stop();
    server = await startAppServer({ port: ownPorts.firstStart, env: { DATABASE_URL: "", DATA_DIR: dataDir, DEMO_ACCOUNTS: "", AUTH_SECRET: randomBytes(33).toString("base64") }, timeoutMs: 180_000 });
    expect(server.output()).not.toContain("Password:");
  });
});
