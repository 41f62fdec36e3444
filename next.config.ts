import type { NextConfig } from "next";
import { PROXY_BODY_LIMIT_BYTES, SERVER_ACTION_BODY_LIMIT_BYTES } from "./lib/request-limits";
import { nonPageContentSecurityPolicy, securityHeaders } from "./lib/security-headers";

const nextConfig: NextConfig = {
  // PGlite ships wasm and reads it from its own package folder at run time; bundling it
  // breaks start-up and would copy the wasm into the public static folder.
  serverExternalPackages: ["@electric-sql/pglite", "@node-rs/argon2", "exceljs"],
  poweredByHeader: false,
  experimental: {
    // forbidden(): pages a role may not open answer 403 with app/forbidden.tsx.
    authInterrupts: true,
    // Set here rather than left to Next's defaults, which may change: a server action's
    // body (413 past it), and what is buffered of a body to pass it through proxy.ts
    // (10 MB by default, kept in memory per request). lib/request-limits.ts says why.
    serverActions: { bodySizeLimit: SERVER_ACTION_BODY_LIMIT_BYTES },
    proxyClientMaxBodySize: PROXY_BODY_LIMIT_BYTES,
  },
  async headers() {
    return [
      { source: "/:path*", headers: [...securityHeaders] },
      // Pages get theirs, with a nonce, from proxy.ts; this one is for everything else.
      { source: "/(api|export|_next|assets|nhsuk)/:path*", headers: [{ key: "Content-Security-Policy", value: nonPageContentSecurityPolicy }] },
    ];
  },
};

export default nextConfig;
