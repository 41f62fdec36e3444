import type { NextConfig } from "next";
import { nonPageContentSecurityPolicy, securityHeaders } from "./lib/security-headers";

const nextConfig: NextConfig = {
  // PGlite ships wasm and reads it from its own package folder at run time; bundling it
  // breaks start-up and would copy the wasm into the public static folder.
  serverExternalPackages: ["@electric-sql/pglite", "@node-rs/argon2", "exceljs"],
  poweredByHeader: false,
  // forbidden(): pages a role may not open answer 403 with app/forbidden.tsx.
  experimental: { authInterrupts: true },
  async headers() {
    return [
      { source: "/:path*", headers: [...securityHeaders] },
      // Pages get theirs, with a nonce, from proxy.ts; this one is for everything else.
      { source: "/(api|export|_next|assets|nhsuk)/:path*", headers: [{ key: "Content-Security-Policy", value: nonPageContentSecurityPolicy }] },
    ];
  },
};

export default nextConfig;
