import type { Page } from "@playwright/test";
import { DEMO_PASSWORD } from "./accounts";
import { demoTotpSecretFor, nextDemoTotpCode } from "../../../scripts/bench/demo-totp";

/**
 * Fills in and sends the sign-in form of the page (already on /login). The demo admin
 * uses two-factor: the helper then gives the code the form asks for next.
 */
export async function signInThroughForm(page: Page, email: string, password: string = DEMO_PASSWORD): Promise<void> {
  await page.getByLabel("Email address").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
  const secret = demoTotpSecretFor(email);
  if (!secret || password !== DEMO_PASSWORD) return;
  // The code step, unless the password was refused (no such account in this database).
  const code = page.getByLabel("Security code");
  await code.or(page.locator(".nhsuk-error-summary")).first().waitFor();
  if (!(await code.isVisible())) return;
  await code.fill(await nextDemoTotpCode(secret));
  await page.getByRole("button", { name: "Continue" }).click();
}
