// Response headers on every page, route and file the app serves (next.config.ts), and the
// Content-Security-Policy of pages, which carries a fresh nonce per request (proxy.ts).

/**
 * The policy of an HTML page: scripts only from this site and only those Next.js marks
 * with this request's nonce (and what they load: 'strict-dynamic'); no plugins, no <base>,
 * no framing; forms post only here or to NHSmail's sign-in. Styles allow inline attributes,
 * which charts set; styles cannot run script. Development adds eval, which React's dev
 * tools need.
 */
export function pageContentSecurityPolicy({ nonce, development = false }: { nonce: string; development?: boolean }): string {
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${development ? " 'unsafe-eval'" : ""}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data: https://assets.nhs.uk", // the NHS typeface, which nhsuk-frontend's stylesheet loads from there
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "frame-ancestors 'none'",
    "form-action 'self' https://login.microsoftonline.com",
  ].join("; ");
}

/** A nonce of 128 random bits, base64: unguessable, and new for every page served. */
export function newNonce(): string {
  return btoa(String.fromCharCode(...crypto.getRandomValues(new Uint8Array(16))));
}

/**
 * Everything that is not a page (API answers, downloads, files) may load and run nothing.
 * Pages get pageContentSecurityPolicy from the proxy instead.
 */
export const nonPageContentSecurityPolicy = "default-src 'none'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'";

export const securityHeaders: readonly { key: string; value: string }[] = [
  // Browsers honour it over HTTPS only; two years, as the HSTS preload list asks.
  { key: "Strict-Transport-Security", value: "max-age=63072000; includeSubDomains" },
  { key: "X-Content-Type-Options", value: "nosniff" },
  { key: "X-Frame-Options", value: "DENY" },
  { key: "Referrer-Policy", value: "same-origin" },
  { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=(), payment=()" },
];
