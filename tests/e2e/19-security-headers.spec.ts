import { expect, test } from "./support/fixtures";
import { securityHeaders } from "../../lib/security-headers";

// Every kind of response carries the security headers: a page (signed out: the sign-in
// page), a signed-in page, an API answer, an error answer and a static file.
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

test("a signed-in page carries them, and cannot be framed", async ({ pageAs }) => {
  const page = await pageAs("viewer");
  const response = await page.goto("/maturity");
  expect(response!.headers()["content-security-policy"]).toBe("object-src 'none'; base-uri 'none'; frame-ancestors 'none'");
  expect(response!.headers()["x-frame-options"]).toBe("DENY");
});
