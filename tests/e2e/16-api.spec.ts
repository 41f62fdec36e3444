import type { Locator, Page } from "@playwright/test";
import { baselineScores } from "../../db/seed/bob-data";
import { expectNoAxeViolations } from "./support/axe";
import { expect, test } from "./support/fixtures";

// Personal API tokens and the API they open, against the production build:
//   1. a viewer opens their profile from the header, is told what is wrong with an empty
//      name, creates a read-only token, sees it once (the list shows only its prefix), uses
//      it against /api/v1/scores with no cookies, revokes it, and the next call gets 401;
//   2. every documented read route answers a bearer token (the route files' wiring), a
//      read-only token may not write, and the browser's own session works too;
//   3. the OpenAPI document is public.
// The viewer's token list is this spec's alone: no other spec creates tokens.

const tokenName = "Power BI maturity report";
const tokensTable = (page: Page) => page.getByTestId("tokens");
const newTokenForm = (page: Page) => page.getByTestId("new-token-form");

async function expectFieldError(form: Locator, field: string, message: string) {
  const group = form.locator(".nhsuk-form-group--error", { has: form.page().locator(`[name="${field}"]`) });
  await expect(group.locator(".nhsuk-error-message")).toHaveText(`Error: ${message}`);
  expect(await form.locator(`#${field}`).getAttribute("aria-describedby")).toContain(`${field}-error`);
  await expect(form.locator(".nhsuk-error-summary").getByRole("link", { name: message })).toHaveAttribute("href", `#${field}`);
}

test.describe("personal API tokens", () => {
  test("a viewer creates a token, sees it once, uses it for /api/v1/scores, revokes it, and it stops working", async ({ pageAs, playwright, baseURL }) => {
    test.setTimeout(120_000);
    const page = await pageAs("viewer");
    let secret = "";

    await test.step("the header links to the profile, which shows who they are and no tokens yet", async () => {
      await page.goto("/maturity");
      await page.getByRole("link", { name: "Your profile" }).click();
      await page.waitForURL(/\/profile$/);
      await expect(page.getByRole("heading", { level: 1 })).toHaveText("Your profile");
      const profile = page.getByTestId("profile");
      await expect(profile).toContainText("Sam Taylor");
      await expect(profile).toContainText("viewer@demo.nhs.uk");
      await expect(profile).toContainText("Viewer");
      await expect(page.getByTestId("no-tokens")).toHaveText("You have no API tokens.");
      await expectNoAxeViolations(page, "the profile page with no tokens");
    });

    await test.step("a token without a name is refused next to the name, and nothing is created", async () => {
      const form = newTokenForm(page);
      await form.getByLabel("Read only").check();
      await form.getByLabel("In 30 days").check();
      await form.getByRole("button", { name: "Create token" }).click();
      await expectFieldError(form, "name", "Enter a name for the token, like Power BI maturity report");
      await expect(form.locator(".nhsuk-form-group--error")).toHaveCount(1);
      // The choices made stay made.
      await expect(form.getByLabel("In 30 days")).toBeChecked();
      await expect(page.getByTestId("new-token")).toHaveCount(0);
      await expect(page.getByTestId("no-tokens")).toBeVisible();
      await expectNoAxeViolations(page, "the profile page with a field error");
    });

    await test.step("named, the token is created and shown once, with how to keep it; the list shows only its prefix", async () => {
      const form = newTokenForm(page);
      await form.getByLabel("Name").fill(tokenName);
      await form.getByLabel("Read only").check();
      await form.getByLabel("In 30 days").check();
      await form.getByRole("button", { name: "Create token" }).click();
      const shown = page.getByTestId("new-token");
      await expect(shown.getByRole("heading", { name: "Copy your new token now" })).toBeFocused();
      await expect(shown).toContainText("This is the only time it is shown");
      secret = await shown.getByLabel("Your new API token").inputValue();
      expect(secret).toMatch(/^drm_[A-Za-z0-9_-]{43}$/);
      const row = tokensTable(page).getByRole("row").filter({ hasText: tokenName });
      await expect(row).toContainText(`${secret.slice(0, 12)}…`);
      await expect(row).toContainText("Read only");
      await expect(row).toContainText("Never");
      await expect(row.getByTestId("token-status")).toHaveText("Active");
      await expect(tokensTable(page)).not.toContainText(secret.slice(12));
      await expectNoAxeViolations(page, "the profile page showing a new token");
    });

    await test.step("after a reload the secret is nowhere on the page", async () => {
      await page.reload();
      await expect(page.getByTestId("new-token")).toHaveCount(0);
      expect(await page.content()).not.toContain(secret.slice(12));
      await expect(tokensTable(page).getByRole("row").filter({ hasText: tokenName })).toContainText(`${secret.slice(0, 12)}…`);
    });

    // A request context of its own: no cookies, only the bearer token.
    const api = await playwright.request.newContext({ baseURL });
    try {
      await test.step("the token reads /api/v1/scores with no session at all", async () => {
        const response = await api.get("/api/v1/scores?period=2016-BASELINE&organisation=RTH&domain=C4", { headers: { Authorization: `Bearer ${secret}` } });
        expect(response.status()).toBe(200);
        const body = (await response.json()) as { data: { odsCode: string; domainCode: string; score: number }[]; paging: { total: number } };
        expect(body.paging.total).toBe(1);
        expect(body.data[0]).toMatchObject({ odsCode: "RTH", domainCode: "C4", score: baselineScores().RTH.C4 });
        const without = await api.get("/api/v1/scores");
        expect(without.status()).toBe(401);
        expect(without.headers()["www-authenticate"]).toContain("Bearer");
      });

      await test.step("the list shows when it was last used", async () => {
        await page.reload();
        await expect(tokensTable(page).getByRole("row").filter({ hasText: tokenName })).not.toContainText("Never");
      });

      await test.step("revoked, it shows as revoked and the next call gets 401", async () => {
        const row = tokensTable(page).getByRole("row").filter({ hasText: tokenName });
        await row.getByRole("button", { name: `Revoke the token “${tokenName}”` }).click();
        await expect(row.getByRole("status")).toContainText("The token has been revoked");
        await expect(row.getByTestId("token-status")).toHaveText("Revoked");
        await expect(row.getByRole("button")).toHaveCount(0);
        const response = await api.get("/api/v1/scores?limit=1", { headers: { Authorization: `Bearer ${secret}` } });
        expect(response.status()).toBe(401);
        const body = (await response.json()) as { error: { code: string; message: string } };
        expect(body.error.code).toBe("unauthenticated");
        expect(body.error.message).toContain("revoked");
      });
    } finally {
      await api.dispose();
    }
  });

  test("every documented read route answers a bearer token; a read-only token may not write; the browser's session works too", async ({ newPageAs, playwright, baseURL, request }) => {
    test.setTimeout(120_000);
    const page = await newPageAs("board");
    await page.goto("/profile");
    const form = newTokenForm(page);
    await form.getByLabel("Name").fill("Route check");
    await form.getByLabel("Read only").check();
    await form.getByRole("button", { name: "Create token" }).click();
    const secret = await page.getByTestId("new-token").getByLabel("Your new API token").inputValue();
    const headers = { Authorization: `Bearer ${secret}` };

    const document = (await (await request.get("/api/v1/openapi.json")).json()) as { paths: Record<string, Record<string, unknown>> };
    const api = await playwright.request.newContext({ baseURL });
    try {
      const reads = Object.entries(document.paths).filter(([p, item]) => "get" in item && !p.includes("{") && p !== "/openapi.json");
      expect(reads.length).toBeGreaterThanOrEqual(10);
      for (const [p] of reads) {
        const response = await api.get(`/api/v1${p}?limit=1`, { headers });
        expect(response.status(), p).toBe(200);
        const body = (await response.json()) as { data: unknown[]; paging: { limit: number } };
        expect(body.paging.limit, p).toBe(1);
      }
      const assessments = (await (await api.get("/api/v1/assessments?limit=1", { headers })).json()) as { data: { id: string }[] };
      const one = await api.get(`/api/v1/assessments/${assessments.data[0]!.id}`, { headers });
      expect(one.status()).toBe(200);
      expect((await api.get("/api/v1/assessments/not-an-id", { headers })).status()).toBe(404);
      expect((await api.get("/api/v1/scores?limit=5000", { headers })).status()).toBe(400);

      const put = await api.put(`/api/v1/assessments/${assessments.data[0]!.id}/scores`, { headers, data: { version: 1, scores: { R1: 50 } } });
      expect(put.status()).toBe(403);
      expect(((await put.json()) as { error: { message: string } }).error.message).toContain("read only");
      const post = await api.post("/api/v1/assessments", { headers, data: { organisationId: assessments.data[0]!.id, periodId: assessments.data[0]!.id } });
      expect(post.status()).toBe(403);
    } finally {
      await api.dispose();
    }

    // The signed-in browser's own cookie, with no token.
    const own = await page.request.get("/api/v1/workstreams?limit=2");
    expect(own.status()).toBe(200);
    expect(((await own.json()) as { data: unknown[] }).data).toHaveLength(2);
  });

  test("the OpenAPI document is public", async ({ request }) => {
    const response = await request.get("/api/v1/openapi.json");
    expect(response.status()).toBe(200);
    const document = (await response.json()) as { openapi: string; paths: Record<string, unknown>; components: { securitySchemes: Record<string, { scheme?: string }> } };
    expect(document.openapi).toMatch(/^3\.1\./);
    expect(Object.keys(document.paths)).toEqual(expect.arrayContaining(["/scores", "/assessments/{id}/scores", "/openapi.json"]));
    expect(document.components.securitySchemes.bearerAuth?.scheme).toBe("bearer");
  });
});
