import { test as base, expect, type BrowserContext, type Page } from "@playwright/test";
import type { Role } from "./accounts";
import { authStatePath } from "./auth-state";
import { BASE_URL } from "./env";
import { signInThroughForm } from "./sign-in";

export { signInThroughForm as signIn };

const contextOptions = { baseURL: BASE_URL, locale: "en-GB", timezoneId: "Europe/London" } as const;

interface WorkerFixtures {
  /** One signed-in page per role and worker, reused by the tests (opening pages is slow here). */
  rolePages: Map<Role, Promise<Page>>;
}

interface TestFixtures {
  /**
   * A page signed in as the role (with the cookies global-setup.ts saved). It is shared
   * with later tests in the worker, so a test must navigate before using it and must not
   * sign it out: use newPageAs for that.
   */
  pageAs: (role: Role) => Promise<Page>;
  /** A page in a browser context of its own, signed in as the role; closed after the test. */
  newPageAs: (role: Role) => Promise<Page>;
  /** A page in a browser context of its own, signed out; closed after the test. */
  anonymousPage: () => Promise<Page>;
}

export const test = base.extend<TestFixtures, WorkerFixtures>({
  rolePages: [
    // eslint-disable-next-line no-empty-pattern -- Playwright needs the destructuring
    async ({}, use) => {
      const pages = new Map<Role, Promise<Page>>();
      await use(pages);
      for (const page of pages.values()) await (await page).context().close();
    },
    { scope: "worker" },
  ],
  pageAs: async ({ browser, rolePages }, use) => {
    await use(async (role) => {
      let page = rolePages.get(role);
      if (!page) {
        page = browser.newContext({ ...contextOptions, storageState: authStatePath(role) }).then((context) => context.newPage());
        rolePages.set(role, page);
      }
      return page;
    });
  },
  newPageAs: async ({ browser }, use) => {
    const contexts: BrowserContext[] = [];
    await use(async (role) => {
      const context = await browser.newContext({ ...contextOptions, storageState: authStatePath(role) });
      contexts.push(context);
      return context.newPage();
    });
    for (const context of contexts) await context.close();
  },
  anonymousPage: async ({ browser }, use) => {
    const contexts: BrowserContext[] = [];
    await use(async () => {
      const context = await browser.newContext(contextOptions);
      contexts.push(context);
      return context.newPage();
    });
    for (const context of contexts) await context.close();
  },
});

export { expect };
