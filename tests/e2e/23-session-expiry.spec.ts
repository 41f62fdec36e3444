import { readFileSync } from "node:fs";
import path from "node:path";
import { decode, encode, type JWT } from "next-auth/jwt";
import { expect, test } from "./support/fixtures";
import { E2E_PORT } from "./support/env";

// Sessions end after 30 minutes without a page opened and 12 hours after signing in (the
// defaults). Waiting is no way to test that: the test signs a session cookie with the
// server's own secret (the embedded demo keeps it in its data folder), with the times
// moved back, and sends it by hand.

const cookieName = "authjs.session-token";
const secret = () => readFileSync(path.resolve(import.meta.dirname, `../../.data/e2e/${E2E_PORT}/auth-secret`), "utf8").trim();
const now = () => Math.floor(Date.now() / 1000);

async function sessionToken(page: import("@playwright/test").Page): Promise<JWT> {
  const cookie = (await page.context().cookies()).find((c) => c.name === cookieName);
  expect(cookie, "a session cookie").toBeDefined();
  const token = await decode({ token: cookie!.value, secret: secret(), salt: cookieName });
  expect(token).not.toBeNull();
  return token!;
}

const forged = (token: JWT) => encode({ token, secret: secret(), salt: cookieName, maxAge: 24 * 60 * 60 });

async function openWith(request: import("@playwright/test").APIRequestContext, cookie: string, path = "/maturity") {
  return request.get(path, { headers: { Cookie: `${cookieName}=${cookie}` }, maxRedirects: 0 });
}

test("a session carries its sign-in time, and each page opened moves its last-seen time on", async ({ newPageAs, request }) => {
  const page = await newPageAs("viewer");
  const token = await sessionToken(page);
  expect(typeof token.signedInAt).toBe("number");
  expect(typeof token.lastSeen).toBe("number");
  // Seen 20 minutes ago: still alive, and the answer re-issues the cookie seen now.
  const response = await openWith(request, await forged({ ...token, lastSeen: now() - 20 * 60 }));
  expect(response.status()).toBe(200);
  const reissued = response.headersArray().find((h) => h.name.toLowerCase() === "set-cookie" && h.value.startsWith(`${cookieName}=`));
  expect(reissued, "the cookie is re-issued").toBeDefined();
  const renewed = await decode({ token: reissued!.value.split(";")[0]!.slice(cookieName.length + 1), secret: secret(), salt: cookieName });
  expect(renewed!.lastSeen as number).toBeGreaterThanOrEqual(now() - 5);
  expect(renewed!.signedInAt).toBe(token.signedInAt);
});

test("31 minutes without a page ends the session", async ({ newPageAs, request }) => {
  const page = await newPageAs("viewer");
  const token = await sessionToken(page);
  const idle = await forged({ ...token, signedInAt: now() - 60 * 60, lastSeen: now() - 31 * 60 });
  const response = await openWith(request, idle);
  expect(response.status()).toBe(307);
  expect(response.headers().location).toMatch(/^\/login\?callbackUrl=%2Fmaturity/);
  // The API and server actions refuse it too (they do not go through the proxy).
  expect((await request.get("/api/v1/assessments", { headers: { Cookie: `${cookieName}=${idle}` } })).status()).toBe(401);
});

test("12 hours after signing in, the session ends however busy it is", async ({ newPageAs, request }) => {
  const page = await newPageAs("viewer");
  const token = await sessionToken(page);
  const old = await forged({ ...token, signedInAt: now() - 12 * 60 * 60 - 5, lastSeen: now() - 10 });
  const response = await openWith(request, old);
  expect(response.status()).toBe(307);
  expect(response.headers().location).toMatch(/^\/login/);
  const justInside = await forged({ ...token, signedInAt: now() - 11 * 60 * 60, lastSeen: now() - 10 });
  expect((await openWith(request, justInside)).status()).toBe(200);
});

test("a token without a sign-in time (made before the limits, or forged) is no session", async ({ newPageAs, request }) => {
  const page = await newPageAs("viewer");
  const { signedInAt: _dropped, ...token } = await sessionToken(page);
  expect((await openWith(request, await forged(token))).status()).toBe(307);
});
