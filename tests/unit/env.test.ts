// Unit tests for lib/env.ts: the environment, checked, with errors that name the variable.
import { describe, expect, it } from "vitest";
import { entraIdConfigured, entraTenantId, parseEnv } from "@/lib/env";

const SECRET_32 = "s".repeat(32);
const defaults = {
  DATA_DIR: ".data",
  TRUSTED_PROXY_HOPS: 0,
  SESSION_IDLE_MINUTES: 30,
  SESSION_MAX_HOURS: 12,
  RATE_LIMIT_EXPORTS_PER_MINUTE: 30,
  RATE_LIMIT_AS_AT_PER_MINUTE: 60,
  RATE_LIMIT_API_LISTS_PER_MINUTE: 300,
};
const entra = {
  AUTH_MICROSOFT_ENTRA_ID_ID: "00000000-aaaa-4bbb-8ccc-000000000001",
  AUTH_MICROSOFT_ENTRA_ID_SECRET: "client-secret",
  AUTH_MICROSOFT_ENTRA_ID_ISSUER: "https://login.microsoftonline.com/0b5e3c2a-1d4f-4e6a-9b7c-8d2e1f3a4b5c/v2.0",
};

function errorOf(source: Record<string, string | undefined>): string {
  try {
    parseEnv(source);
  } catch (error) {
    return (error as Error).message;
  }
  throw new Error("parseEnv did not throw");
}

describe("parseEnv", () => {
  it("an empty environment gets the defaults", () => {
    expect(parseEnv({})).toEqual(defaults);
  });

  it("treats empty strings as unset", () => {
    const env = parseEnv({
      DATABASE_URL: "",
      DATA_DIR: "",
      AUTH_SECRET: "",
      AUTH_MICROSOFT_ENTRA_ID_ID: "",
      AUTH_MICROSOFT_ENTRA_ID_SECRET: "",
      AUTH_MICROSOFT_ENTRA_ID_ISSUER: "",
    });
    expect(env).toEqual(defaults);
    expect(env.DATABASE_URL).toBeUndefined();
    expect(env.AUTH_SECRET).toBeUndefined();
  });

  it("treats undefined values as unset", () => {
    expect(parseEnv({ DATABASE_URL: undefined, DATA_DIR: undefined })).toEqual(defaults);
  });

  it("keeps a DATA_DIR that is set", () => {
    expect(parseEnv({ DATA_DIR: "/var/lib/roadmap" }).DATA_DIR).toBe("/var/lib/roadmap");
  });

  it("drops variables it does not know about", () => {
    expect(parseEnv({ PATH: "/usr/bin", HOME: "/root" })).toEqual(defaults);
  });

  it.each(["postgres://user:pw@localhost:5432/roadmap", "postgresql://localhost/roadmap"])("accepts DATABASE_URL %s", (url) => {
    expect(parseEnv({ DATABASE_URL: url }).DATABASE_URL).toBe(url);
  });

  it.each(["mysql://localhost/db", "localhost:5432", "POSTGRES://x", " postgres://x", "http://postgres://x"])(
    "rejects DATABASE_URL %j with a message naming it",
    (url) => {
      const message = errorOf({ DATABASE_URL: url });
      expect(message).toContain("Invalid environment");
      expect(message).toContain("DATABASE_URL: must be a postgres:// or postgresql:// connection URL");
    },
  );

  it("does not echo the bad value (it may hold a password)", () => {
    expect(errorOf({ DATABASE_URL: "mysql://root:hunter2@db/app" })).not.toContain("hunter2");
  });

  it("accepts an AUTH_SECRET of 32 characters or more", () => {
    expect(parseEnv({ AUTH_SECRET: SECRET_32 }).AUTH_SECRET).toBe(SECRET_32);
    expect(parseEnv({ AUTH_SECRET: SECRET_32 + "more" }).AUTH_SECRET).toBe(SECRET_32 + "more");
  });

  it("rejects an AUTH_SECRET shorter than 32 characters", () => {
    const message = errorOf({ AUTH_SECRET: "s".repeat(31) });
    expect(message).toContain("AUTH_SECRET: must be at least 32 characters");
  });

  it("lists every problem, one per line", () => {
    const message = errorOf({ DATABASE_URL: "mysql://x", AUTH_SECRET: "short" });
    const lines = message.split("\n");
    expect(lines[0]).toBe("Invalid environment:");
    expect(lines.slice(1).map((l) => l.trim().split(":")[0]).sort()).toEqual(["AUTH_SECRET", "DATABASE_URL"]);
  });

  describe("Microsoft Entra ID variables", () => {
    it("accepts all three", () => {
      expect(parseEnv(entra)).toEqual({ ...defaults, ...entra });
    });

    it("accepts none", () => {
      expect(parseEnv({ AUTH_SECRET: SECRET_32 })).not.toHaveProperty("AUTH_MICROSOFT_ENTRA_ID_ID");
    });

    it.each([
      [["AUTH_MICROSOFT_ENTRA_ID_ID"], ["AUTH_MICROSOFT_ENTRA_ID_SECRET", "AUTH_MICROSOFT_ENTRA_ID_ISSUER"]],
      [["AUTH_MICROSOFT_ENTRA_ID_SECRET"], ["AUTH_MICROSOFT_ENTRA_ID_ID", "AUTH_MICROSOFT_ENTRA_ID_ISSUER"]],
      [["AUTH_MICROSOFT_ENTRA_ID_ISSUER"], ["AUTH_MICROSOFT_ENTRA_ID_ID", "AUTH_MICROSOFT_ENTRA_ID_SECRET"]],
      [["AUTH_MICROSOFT_ENTRA_ID_ID", "AUTH_MICROSOFT_ENTRA_ID_SECRET"], ["AUTH_MICROSOFT_ENTRA_ID_ISSUER"]],
      [["AUTH_MICROSOFT_ENTRA_ID_ID", "AUTH_MICROSOFT_ENTRA_ID_ISSUER"], ["AUTH_MICROSOFT_ENTRA_ID_SECRET"]],
      [["AUTH_MICROSOFT_ENTRA_ID_SECRET", "AUTH_MICROSOFT_ENTRA_ID_ISSUER"], ["AUTH_MICROSOFT_ENTRA_ID_ID"]],
    ] as const)("with only %j set, names the missing %j", (present, missing) => {
      const source = Object.fromEntries(present.map((k) => [k, entra[k]]));
      const message = errorOf(source);
      for (const key of missing) {
        expect(message).toContain(`${key}: must be set with the other AUTH_MICROSOFT_ENTRA_ID_* variables`);
      }
      for (const key of present) {
        expect(message).not.toContain(`${key}:`);
      }
    });

    it("an empty string counts as missing", () => {
      const message = errorOf({ ...entra, AUTH_MICROSOFT_ENTRA_ID_SECRET: "" });
      expect(message).toContain("AUTH_MICROSOFT_ENTRA_ID_SECRET: must be set with the other");
    });

    it("rejects an issuer that is not a tenant's issuer URL", () => {
      const message = errorOf({ ...entra, AUTH_MICROSOFT_ENTRA_ID_ISSUER: "tenant-id" });
      expect(message).toContain("AUTH_MICROSOFT_ENTRA_ID_ISSUER: must be your tenant's issuer URL");
    });
  });
});

describe("entraIdConfigured", () => {
  it("is true when all three variables are set", () => {
    expect(entraIdConfigured(parseEnv(entra))).toBe(true);
  });

  it("is false when none is set", () => {
    expect(entraIdConfigured(parseEnv({}))).toBe(false);
  });

  it.each(Object.keys(entra))("is false when %s is missing", (key) => {
    // Built directly: parseEnv would refuse a partial set.
    const partial = { ...defaults, ...entra, [key]: undefined };
    expect(entraIdConfigured(partial)).toBe(false);
  });
});

describe("the Entra ID issuer", () => {
  it("must be tenant-specific, because a multi-tenant issuer lets any tenant assert any email", () => {
    const base = { AUTH_MICROSOFT_ENTRA_ID_ID: "id", AUTH_MICROSOFT_ENTRA_ID_SECRET: "secret" };
    for (const issuer of ["https://login.microsoftonline.com/common/v2.0", "https://login.microsoftonline.com/organizations/v2.0", "https://evil.example/0b5e3c2a-1d4f-4e6a-9b7c-8d2e1f3a4b5c/v2.0"]) {
      expect(() => parseEnv({ ...base, AUTH_MICROSOFT_ENTRA_ID_ISSUER: issuer }), issuer).toThrow(/AUTH_MICROSOFT_ENTRA_ID_ISSUER: must be your tenant's issuer URL/);
    }
    expect(entraTenantId("https://login.microsoftonline.com/0B5E3C2A-1D4F-4E6A-9B7C-8D2E1F3A4B5C/v2.0")).toBe("0b5e3c2a-1d4f-4e6a-9b7c-8d2e1f3a4b5c");
    expect(entraTenantId("https://login.microsoftonline.com/common/v2.0")).toBeNull();
  });
});

describe("DATABASE_READ_URL", () => {
  it("is a PostgreSQL URL beside DATABASE_URL, never alone", () => {
    expect(parseEnv({ DATABASE_URL: "postgres://a@primary/db", DATABASE_READ_URL: "postgres://a@replica/db" }).DATABASE_READ_URL).toBe("postgres://a@replica/db");
    expect(errorOf({ DATABASE_READ_URL: "postgres://a@replica/db" })).toMatch(/DATABASE_READ_URL.*needs DATABASE_URL/);
    expect(errorOf({ DATABASE_URL: "postgres://a@primary/db", DATABASE_READ_URL: "mysql://replica" })).toMatch(/DATABASE_READ_URL.*postgres:\/\//);
  });
});

describe("TRUSTED_PROXY_HOPS", () => {
  it("is how many proxies of ours append to X-Forwarded-For: 0 unless set", () => {
    expect(parseEnv({}).TRUSTED_PROXY_HOPS).toBe(0);
    expect(parseEnv({ TRUSTED_PROXY_HOPS: "1" }).TRUSTED_PROXY_HOPS).toBe(1);
    expect(errorOf({ TRUSTED_PROXY_HOPS: "-1" })).toMatch(/TRUSTED_PROXY_HOPS.*0 or more/);
    expect(errorOf({ TRUSTED_PROXY_HOPS: "one" })).toMatch(/TRUSTED_PROXY_HOPS/);
  });
});

describe("SESSION_IDLE_MINUTES and SESSION_MAX_HOURS", () => {
  it("default to 30 minutes idle and 12 hours in all, and take whole numbers in range", () => {
    expect(parseEnv({ SESSION_IDLE_MINUTES: "15", SESSION_MAX_HOURS: "10" })).toMatchObject({ SESSION_IDLE_MINUTES: 15, SESSION_MAX_HOURS: 10 });
    expect(errorOf({ SESSION_IDLE_MINUTES: "0" })).toMatch(/SESSION_IDLE_MINUTES.*at least 1/);
    expect(errorOf({ SESSION_IDLE_MINUTES: "2.5" })).toMatch(/SESSION_IDLE_MINUTES.*whole number/);
    expect(errorOf({ SESSION_MAX_HOURS: "169" })).toMatch(/SESSION_MAX_HOURS.*at most 168/);
  });
});

describe("the rate limits", () => {
  it("are whole numbers of requests a minute, at least 1, named in the error", () => {
    expect(parseEnv({ RATE_LIMIT_EXPORTS_PER_MINUTE: "5", RATE_LIMIT_AS_AT_PER_MINUTE: "7", RATE_LIMIT_API_LISTS_PER_MINUTE: "100000" })).toMatchObject({
      RATE_LIMIT_EXPORTS_PER_MINUTE: 5,
      RATE_LIMIT_AS_AT_PER_MINUTE: 7,
      RATE_LIMIT_API_LISTS_PER_MINUTE: 100_000,
    });
    expect(() => parseEnv({ RATE_LIMIT_EXPORTS_PER_MINUTE: "0" })).toThrow(/RATE_LIMIT_EXPORTS_PER_MINUTE: must be at least 1/);
    expect(() => parseEnv({ RATE_LIMIT_API_LISTS_PER_MINUTE: "1.5" })).toThrow(/RATE_LIMIT_API_LISTS_PER_MINUTE: must be a whole number/);
  });
});
