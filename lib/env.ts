import { z } from "zod";

// Environment, read once and checked, with errors that name the variable at fault.
const entraKeys = [
  "AUTH_MICROSOFT_ENTRA_ID_ID",
  "AUTH_MICROSOFT_ENTRA_ID_SECRET",
  "AUTH_MICROSOFT_ENTRA_ID_ISSUER",
] as const;

const tenantIssuer = /^https:\/\/login\.microsoftonline\.com\/([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})\/v2\.0\/?$/i;

/** The tenant id in a tenant-specific Entra ID issuer URL. */
export function entraTenantId(issuer: string | undefined): string | null {
  return issuer ? (tenantIssuer.exec(issuer)?.[1]?.toLowerCase() ?? null) : null;
}

const rateLimit = (fallback: number) => z.coerce.number().int("must be a whole number").min(1, "must be at least 1").max(1_000_000, "must be at most 1000000").default(fallback);

const envSchema = z
  .object({
    DATABASE_URL: z
      .string()
      .regex(/^postgres(ql)?:\/\//, "must be a postgres:// or postgresql:// connection URL")
      .optional(),
    // A read replica of DATABASE_URL for the API's GET requests (BI tools' heavy reads).
    DATABASE_READ_URL: z
      .string()
      .regex(/^postgres(ql)?:\/\//, "must be a postgres:// or postgresql:// connection URL")
      .optional(),
    DATA_DIR: z.string().min(1).default(".data"),
    // How many proxies of ours (load balancers) stand in front of the app, each appending to
    // X-Forwarded-For: sign-in throttling then counts failures per client address as well.
    TRUSTED_PROXY_HOPS: z.coerce.number().int("must be a whole number").min(0, "must be 0 or more").max(10, "must be at most 10").default(0),
    // A session ends after this long without a page being opened, and this long after signing
    // in whatever happens (NHS information governance: unattended screens, shared PCs).
    SESSION_IDLE_MINUTES: z.coerce.number().int("must be a whole number").min(1, "must be at least 1").max(24 * 60, "must be at most 1440").default(30),
    SESSION_MAX_HOURS: z.coerce.number().int("must be a whole number").min(1, "must be at least 1").max(7 * 24, "must be at most 168").default(12),
    // The embedded database's first start makes the public demo accounts only when asked
    // (npm run demo, the tests); otherwise one administrator with a one-time password.
    DEMO_ACCOUNTS: z.enum(["0", "1"], { error: "must be 1 (make the demo accounts) or 0" }).optional(),
    FIRST_ADMIN_EMAIL: z.email({ error: "must be an email address" }).transform((e) => e.toLowerCase()).optional(),
    // Rate limits on expensive reads, per user (and per API token), shared by every
    // instance through the database: requests a minute. Far above what a person does
    // (docs/rate-limits-and-exports.md); raise them for load tests.
    RATE_LIMIT_EXPORTS_PER_MINUTE: rateLimit(30),
    RATE_LIMIT_AS_AT_PER_MINUTE: rateLimit(60),
    RATE_LIMIT_API_LISTS_PER_MINUTE: rateLimit(300),
    AUTH_SECRET: z.string().min(32, "must be at least 32 characters (openssl rand -base64 33)").optional(),
    AUTH_MICROSOFT_ENTRA_ID_ID: z.string().min(1).optional(),
    AUTH_MICROSOFT_ENTRA_ID_SECRET: z.string().min(1).optional(),
    // Tenant-specific only: a multi-tenant issuer (/common, /organizations) would let any
    // Entra tenant assert any email address.
    AUTH_MICROSOFT_ENTRA_ID_ISSUER: z
      .string()
      .regex(tenantIssuer, "must be your tenant's issuer URL, https://login.microsoftonline.com/<tenant-id>/v2.0")
      .optional(),
  })
  .superRefine((env, ctx) => {
    if (env.DATABASE_READ_URL && !env.DATABASE_URL) {
      ctx.addIssue({ code: "custom", path: ["DATABASE_READ_URL"], message: "needs DATABASE_URL: a replica reads for a PostgreSQL primary, not for the embedded database" });
    }
    const set = entraKeys.filter((k) => env[k]);
    if (set.length > 0 && set.length < entraKeys.length) {
      for (const key of entraKeys.filter((k) => !env[k])) {
        ctx.addIssue({ code: "custom", path: [key], message: "must be set with the other AUTH_MICROSOFT_ENTRA_ID_* variables" });
      }
    }
  });

export type Env = z.infer<typeof envSchema>;

export function parseEnv(source: Record<string, string | undefined>): Env {
  // Empty strings (VAR= in a shell) mean "not set".
  const cleaned = Object.fromEntries(Object.entries(source).filter(([, v]) => v !== undefined && v !== ""));
  const result = envSchema.safeParse(cleaned);
  if (!result.success) {
    const lines = result.error.issues.map((i) => `  ${i.path.join(".")}: ${i.message}`);
    throw new Error(`Invalid environment:\n${lines.join("\n")}`);
  }
  return result.data;
}

let cached: Env | undefined;
export function env(): Env {
  cached ??= parseEnv(process.env);
  return cached;
}

export function entraIdConfigured(e: Env = env()): boolean {
  return entraKeys.every((k) => Boolean(e[k]));
}
