import type { Page } from "@playwright/test";
import { expect, test } from "./support/fixtures";
import { accounts, DEMO_PASSWORD } from "./support/accounts";
import { nonPageContentSecurityPolicy, securityHeaders } from "../../lib/security-headers";

// Every kind of response carries the security headers. Pages carry a Content-Security-Policy
// with a fresh nonce that every script of theirs has, and nothing else may run; the rest
// (API answers, files) may load nothing at all. Session cookies are Secure over HTTPS.

for (const path of ["/login", "/api/health", "/api/v1/frameworks", "/nhsuk/nhsuk-frontend.min.css"]) {
  test(`${path} carries the security headers`, async ({ request }) => {
    const response = await request.get(path);
    expect(response.status()).toBeLessThan(500);
    const headers = response.headers();
    for (const { key, value } of securityHeaders) expect(headers[key.toLowerCase()], key).toBe(value);
    expect(headers["content-security-policy"]).toContain("frame-ancestors 'none'");
    expect(headers["x-powered-by"]).toBeUndefined();
  });
}

test("API answers and files may load and run nothing", async ({ request }) => {
  for (const path of ["/api/health", "/api/v1/frameworks", "/nhsuk/nhsuk-frontend.min.css"]) {
    expect((await request.get(path)).headers()["content-security-policy"], path).toBe(nonPageContentSecurityPolicy);
  }
});

/** The nonce in a page's policy, after checking the policy's other parts. */
function pageNonce(policy: string | undefined): string {
  expect(policy).toBeDefined();
  const directives = new Map(policy!.split(";").map((d) => d.trim().split(/\s+/)).map(([name, ...values]) => [name!, values]));
  expect(directives.get("object-src")).toEqual(["'none'"]);
  expect(directives.get("base-uri")).toEqual(["'none'"]);
  expect(directives.get("frame-ancestors")).toEqual(["'none'"]);
  const scripts = directives.get("script-src") ?? [];
  expect(scripts).toContain("'strict-dynamic'");
  expect(scripts.some((s) => s.includes("unsafe-inline") || s.includes("unsafe-eval"))).toBe(false);
  const nonce = scripts.find((s) => s.startsWith("'nonce-"))?.slice(7, -1);
  expect(nonce, "a nonce in script-src").toMatch(/^[A-Za-z0-9+/]{22}==$/);
  return nonce!;
}

test("a page's scripts all carry the nonce of its policy, new on every request", async ({ request }) => {
  const nonces = new Set<string>();
  for (let i = 0; i < 3; i++) {
    const response = await request.get("/login");
    const nonce = pageNonce(response.headers()["content-security-policy"]);
    nonces.add(nonce);
    const scripts = [...(await response.text()).matchAll(/<script\b[^>]*>/g)].map((m) => m[0]);
    expect(scripts.length).toBeGreaterThan(0);
    for (const script of scripts) expect(script, "every script tag has the nonce").toContain(`nonce="${nonce}"`);
  }
  expect(nonces.size).toBe(3);
});

/** Opens each path and gathers every policy violation the browser reports. */
async function violationsWhileBrowsing(page: Page, paths: string[]): Promise<string[]> {
  const violations: string[] = [];
  page.on("console", (message) => {
    if (/Content Security Policy/i.test(message.text())) violations.push(`${page.url()}: ${message.text()}`);
  });
  for (const path of paths) {
    const response = await page.goto(path);
    expect(response!.status(), path).toBe(200);
    pageNonce(response!.headers()["content-security-policy"]);
    await page.waitForLoadState("networkidle");
  }
  return violations;
}

test("signed-in pages run under the policy with no violation, and their scripts work", async ({ newPageAs }) => {
  // Eight pages and a chart: more than the default 30 s on a loaded two-core machine.
  test.setTimeout(90_000);
  const page = await newPageAs("admin");
  const violations = await violationsWhileBrowsing(page, ["/maturity", "/trajectories", "/portfolio", "/portfolio/plan", "/workstreams", "/board-pack", "/admin/users", "/profile"]);
  expect(violations).toEqual([]);
  // Client-side code ran: a chart drew itself in the browser (recharts renders on the client).
  await page.goto("/trajectories");
  await page.locator("section[data-domain] .app-chart").first().scrollIntoViewIfNeeded(); // charts draw near the screen
  await expect(page.locator(".recharts-surface").first()).toBeVisible();
});

test("the sign-in page runs under the policy and cannot be framed", async ({ anonymousPage }) => {
  const page = await anonymousPage();
  const violations = await violationsWhileBrowsing(page, ["/login"]);
  expect(violations).toEqual([]);
  const response = await page.goto("/login");
  expect(response!.headers()["x-frame-options"]).toBe("DENY");
});

test("behind HTTPS, the session and sign-in cookies are Secure, HttpOnly and SameSite", async ({ playwright }) => {
  // A TLS-terminating load balancer tells the app the original scheme.
  const https = await playwright.request.newContext({ baseURL: test.info().project.use.baseURL, extraHTTPHeaders: { "X-Forwarded-Proto": "https" } });
  const csrf = await https.get("/api/auth/csrf");
  const cookies = csrf.headersArray().filter((h) => h.name.toLowerCase() === "set-cookie").map((h) => h.value);
  const csrfCookie = cookies.find((c) => c.includes("authjs.csrf-token="));
  expect(csrfCookie).toMatch(/^__Host-authjs\.csrf-token=/);
  expect(csrfCookie).toMatch(/; Secure/i);
  expect(csrfCookie).toMatch(/; HttpOnly/i);
  expect(csrfCookie).toMatch(/; SameSite=Lax/i);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const signIn = await https.post("/api/auth/callback/credentials", {
    form: { email: accounts.viewer.email, password: DEMO_PASSWORD, csrfToken, callbackUrl: "/maturity" },
    headers: { Cookie: csrfCookie!.split(";")[0]! },
    maxRedirects: 0,
  });
  const session = signIn.headersArray().find((h) => h.name.toLowerCase() === "set-cookie" && h.value.includes("session-token="))?.value;
  expect(session).toMatch(/^__Secure-authjs\.session-token=/);
  expect(session).toMatch(/; Secure/i);
  expect(session).toMatch(/; HttpOnly/i);
  expect(session).toMatch(/; SameSite=Lax/i);
  await https.dispose();
});
