// Two-factor sign-in (docs/two-factor-and-sign-in.md): the password, then a code from an
// authenticator app, checked together before any session exists; administrators must set
// it up before anything else; recovery codes work once.
import { accounts, DEMO_PASSWORD } from "./support/accounts";
import { uniqueSuffix } from "./support/app";
import { expectNoAxeViolations } from "./support/axe";
import { expect, signIn, test } from "./support/fixtures";
import { demoTotpSecretFor, nextDemoTotpCode } from "../../scripts/bench/demo-totp";
import { totpCode } from "../../lib/auth/totp";

const codeRefused = "The code is not right, or has been used already";

/** A six-digit code that is not the right one for any step the server accepts now. */
function wrongCode(secret: string): string {
  const accepted = [-30_000, 0, 30_000].map((ms) => totpCode(secret, new Date(Date.now() + ms)));
  return ["000000", "111111", "222222"].find((c) => !accepted.includes(c))!;
}

test("the demo admin gives a code after the password; a wrong or used code opens nothing", async ({ anonymousPage }) => {
  // A code's step is used once: the helper may wait for the next 30-second step.
  test.setTimeout(120_000);
  const secret = demoTotpSecretFor(accounts.admin.email)!;
  const page = await anonymousPage();
  await page.goto("/login");
  await page.getByLabel("Email address").fill(accounts.admin.email);
  await page.getByLabel("Password").fill(DEMO_PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByLabel("Security code")).toBeVisible();
  await expect(page.getByTestId("signed-in-user")).toHaveCount(0);
  await expectNoAxeViolations(page, "the sign-in page's code step");

  await page.getByLabel("Security code").fill(wrongCode(secret));
  await page.getByRole("button", { name: "Continue" }).click();
  await expect(page.locator(".nhsuk-error-summary")).toContainText(codeRefused);
  await page.goto("/maturity");
  await expect(page).toHaveURL(/\/login/);

  // The right code signs in; the same code a second time (another browser) does not.
  const code = await nextDemoTotpCode(secret);
  await page.getByLabel("Email address").fill(accounts.admin.email);
  await page.getByLabel("Password").fill(DEMO_PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.getByLabel("Security code").fill(code);
  await page.getByRole("button", { name: "Continue" }).click();
  await page.waitForURL((url) => url.pathname === "/maturity");
  await expect(page.getByTestId("signed-in-user")).toHaveText(accounts.admin.name);

  const replay = await anonymousPage();
  await replay.goto("/login");
  await replay.getByLabel("Email address").fill(accounts.admin.email);
  await replay.getByLabel("Password").fill(DEMO_PASSWORD);
  await replay.getByRole("button", { name: "Sign in" }).click();
  await replay.getByLabel("Security code").fill(code);
  await replay.getByRole("button", { name: "Continue" }).click();
  await expect(replay.locator(".nhsuk-error-summary")).toContainText(codeRefused);
  await expect(replay.getByTestId("signed-in-user")).toHaveCount(0);
});

test("a new administrator sets up two-factor before anything else, then signs in with it and with a recovery code once", async ({ pageAs, anonymousPage }) => {
  test.setTimeout(90_000);
  const admin = await pageAs("admin");
  const suffix = uniqueSuffix().toLowerCase();
  const user = { name: `Ada Twofactor ${suffix}`, email: `twofactor-${suffix}@example.nhs.uk`, password: "a-long-enough-password" };
  await admin.goto("/admin/users/new");
  await admin.getByLabel("Full name").fill(user.name);
  await admin.getByLabel("Email address").fill(user.email);
  await admin.getByLabel(/^Password/).fill(user.password);
  await admin.getByLabel("Role").selectOption({ label: "Administrator" });
  await admin.getByRole("button", { name: "Add user" }).click();
  await admin.waitForURL(/\/admin\/users\/[0-9a-f-]{36}\?created=1$/);

  const person = await anonymousPage();
  await person.goto("/login");
  await signIn(person, user.email, user.password);
  await person.waitForURL(/\/account\/security/);
  await expect(person.getByTestId("two-factor-required")).toBeVisible();
  // Every other page sends them back here, on the server.
  await person.goto("/admin");
  await expect(person).toHaveURL(/\/account\/security/);

  await person.getByRole("button", { name: "Set up an authenticator app" }).click();
  await expect(person.getByTestId("totp-qr-code")).toBeVisible();
  await expectNoAxeViolations(person, "two-factor set-up with its QR code");
  const secret = (await person.getByTestId("totp-secret").textContent())!.replaceAll(" ", "");
  await person.getByLabel("Code from your authenticator app").fill(wrongCode(secret));
  await person.getByRole("button", { name: "Turn on two-factor authentication" }).click();
  await expect(person.locator(".nhsuk-error-summary")).toContainText("Enter the 6-digit code your authenticator app shows now");
  await person.getByLabel("Code from your authenticator app").fill(totpCode(secret));
  await person.getByRole("button", { name: "Turn on two-factor authentication" }).click();
  const codes = person.getByTestId("recovery-codes").locator("code");
  await expect(codes).toHaveCount(10);
  const recovery = (await codes.first().textContent())!;
  await expectNoAxeViolations(person, "the recovery codes, shown once");
  await person.getByRole("link", { name: "I have kept my recovery codes" }).click();
  await expect(person.getByTestId("two-factor-status")).toContainText("On.");
  await person.goto("/admin");
  await expect(person).toHaveURL(/\/admin$/);

  // Signing in again: the password alone is not enough; a recovery code works once.
  for (const [attempt, expected] of [
    [1, "signed in"],
    [2, "refused"],
  ] as const) {
    const next = await anonymousPage();
    await next.goto("/login");
    await signIn(next, user.email, user.password);
    await next.getByLabel("Security code").fill(recovery.toUpperCase());
    await next.getByRole("button", { name: "Continue" }).click();
    if (expected === "signed in") {
      await next.waitForURL((url) => url.pathname === "/maturity");
      await expect(next.getByTestId("signed-in-user"), `attempt ${attempt}`).toHaveText(user.name);
    } else {
      await expect(next.locator(".nhsuk-error-summary"), `attempt ${attempt}`).toContainText(codeRefused);
    }
  }
});
