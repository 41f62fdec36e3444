import { test as base, expect, type Browser, type BrowserContext, type Page } from "@playwright/test";
import { accounts, DEMO_PASSWORD, type Role } from "./accounts";
import { BASE_URL } from "./env";

export type StorageState = Awaited<ReturnType<BrowserContext["storageState"]>>;

/** Signs in through the login form and waits for the landing page. */
export async function signIn(page: Page, email: string, password: string = DEMO_PASSWORD): Promise<void> {
  await page.getByLabel("Email address").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
}

async function signInForState(browser: Browser, role: Role): Promise<StorageState> {
  const context = await browser.newContext({ baseURL: BASE_URL });
  try {
    const page = await context.newPage();
    await page.goto("/login");
    await signIn(page, accounts[role].email);
    await page.waitForURL("**/maturity*");
    await expect(page.getByTestId("signed-in-user")).toHaveText(accounts[role].name);
    return await context.storageState();
  } finally {
    await context.close();
  }
}

interface WorkerFixtures {
  /** The session cookies of a role: one real sign-in per role and worker, then reused. */
  sessionOf: (role: Role) => Promise<StorageState>;
}

interface TestFixtures {
  /** A new page in its own browser context, signed in as the role. Closed after the test. */
  pageAs: (role: Role) => Promise<Page>;
  /** A new page in its own context, signed out. */
  anonymousPage: () => Promise<Page>;
}

export const test = base.extend<TestFixtures, WorkerFixtures>({
  sessionOf: [
    async ({ browser }, use) => {
      const states = new Map<Role, Promise<StorageState>>();
      await use((role) => {
        let state = states.get(role);
        if (!state) {
          state = signInForState(browser, role);
          states.set(role, state);
        }
        return state;
      });
    },
    { scope: "worker", timeout: 60_000 },
  ],
  pageAs: async ({ browser, sessionOf, baseURL, locale, timezoneId }, use) => {
    const contexts: BrowserContext[] = [];
    await use(async (role) => {
      const context = await browser.newContext({ baseURL, locale, timezoneId, storageState: await sessionOf(role) });
      contexts.push(context);
      return context.newPage();
    });
    for (const context of contexts) await context.close();
  },
  anonymousPage: async ({ browser, baseURL, locale, timezoneId }, use) => {
    const contexts: BrowserContext[] = [];
    await use(async () => {
      const context = await browser.newContext({ baseURL, locale, timezoneId });
      contexts.push(context);
      return context.newPage();
    });
    for (const context of contexts) await context.close();
  },
});

export { expect };
