import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { chromium, type FullConfig } from "@playwright/test";
import { accounts, roles } from "./support/accounts";
import { AUTH_DIR_VARIABLE, authStatePath } from "./support/auth-state";
import { signInThroughForm } from "./support/sign-in";

// Runs once per `playwright test`, after the web server is up: signs each demo account in
// through the login form and keeps its cookies, so that tests (and workers restarted
// after a failure) start signed in without going through the form again.
export default async function globalSetup(config: FullConfig): Promise<() => Promise<void>> {
  const use = config.projects[0]?.use ?? {};
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), "digital-roadmap-e2e-auth-"));
  process.env[AUTH_DIR_VARIABLE] = dir;
  const removeDir = () => fs.rm(dir, { recursive: true, force: true });
  const browser = await chromium.launch(use.launchOptions);
  try {
    // Side by side: each sign-in mostly waits for the server (password hashing, first renders).
    await Promise.all(
      roles.map(async (role) => {
        const context = await browser.newContext({ baseURL: use.baseURL });
        const page = await context.newPage();
        await page.goto("/login");
        await signInThroughForm(page, accounts[role].email);
        await page.waitForURL((url) => url.pathname === "/maturity");
        const shown = await page.getByTestId("signed-in-user").textContent();
        if (shown !== accounts[role].name) throw new Error(`Signed in as ${role} but the header shows ${JSON.stringify(shown)}`);
        await context.storageState({ path: authStatePath(role) });
        await context.close();
      }),
    );
  } catch (error) {
    await removeDir();
    throw error;
  } finally {
    await browser.close();
  }
  return removeDir; // global teardown
}
