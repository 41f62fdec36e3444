import type { Page } from "@playwright/test";
import { DEMO_PASSWORD } from "./accounts";

/** Fills in and sends the sign-in form of the page (already on /login). */
export async function signInThroughForm(page: Page, email: string, password: string = DEMO_PASSWORD): Promise<void> {
  await page.getByLabel("Email address").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
}
