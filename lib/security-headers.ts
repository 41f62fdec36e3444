// Response headers on every page, route and file the app serves. The Content-Security-Policy
// here closes what needs no nonce: plugins, <base> rewriting and framing (clickjacking); a
// script-src with per-request nonces is still to come (issue 7).
export const securityHeaders: readonly { key: string; value: string }[] = [
  { key: "Content-Security-Policy", value: "object-src 'none'; base-uri 'none'; frame-ancestors 'none'" },
  // Browsers honour it over HTTPS only; two years, as the HSTS preload list asks.
  { key: "Strict-Transport-Security", value: "max-age=63072000; includeSubDomains" },
  { key: "X-Content-Type-Options", value: "nosniff" },
  { key: "X-Frame-Options", value: "DENY" },
  { key: "Referrer-Policy", value: "same-origin" },
  { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=(), payment=()" },
];
