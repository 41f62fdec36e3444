// Unit tests for lib/safe-redirect.ts: redirect only to paths on this site.
import { describe, expect, it } from "vitest";
import { safeRedirectPath } from "@/lib/safe-redirect";

const SITE = "https://roadmap.example.nhs.uk";

describe("safeRedirectPath", () => {
  it.each(["/", "/x", "/maturity", "/maturity?period=2016-BASELINE&footprint=OXON", "/a/b#c", "/organisations/RTH/history", "/%2F%2Fevil.com"])(
    "keeps the same-site path %j",
    (path) => {
      expect(safeRedirectPath(path)).toBe(path);
      expect(new URL(safeRedirectPath(path), SITE).origin).toBe(SITE);
    },
  );

  it.each([
    "//evil.com",
    "//evil.com/path",
    "///evil.com",
    "/\\evil.com",
    "/\\/evil.com",
    "https://evil.com",
    "http://evil.com/x",
    "javascript:alert(1)",
    "evil.com",
    "x",
    "",
    " /x",
    "\\\\evil.com",
    "?next=/x",
  ])("falls back for %j", (value) => {
    expect(safeRedirectPath(value)).toBe("/");
  });

  it.each([undefined, null, 42, true, ["/x"], { path: "/x" }, new URL("https://evil.com")])("falls back for the non-string %j", (value) => {
    expect(safeRedirectPath(value)).toBe("/");
  });

  it("uses the given fallback", () => {
    expect(safeRedirectPath("//evil.com", "/dashboard")).toBe("/dashboard");
    expect(safeRedirectPath(undefined, "/login")).toBe("/login");
    expect(safeRedirectPath("/ok", "/login")).toBe("/ok");
  });

  it("works on a FormData value", () => {
    const form = new FormData();
    form.set("callbackUrl", "/maturity");
    expect(safeRedirectPath(form.get("callbackUrl"))).toBe("/maturity");
    expect(safeRedirectPath(form.get("missing"))).toBe("/");
  });

  // Browsers (and the WHATWG URL parser) strip ASCII tab, LF and CR from a URL before
  // parsing it, so "/\t/evil.com" becomes "//evil.com": another host. A redirect to it
  // (app/login/page.tsx redirects a signed-in user to ?callbackUrl=/%09/evil.com) would
  // leave the site. Whatever comes back must resolve to this site.
  it.each(["/\t/evil.com", "/\n/evil.com", "/\r/evil.com", "/\t\\evil.com", "\t//evil.com"])(
    "never returns a path that a browser resolves to another host: %j",
    (value) => {
      expect(new URL(safeRedirectPath(value), SITE).origin).toBe(SITE);
    },
  );
});
