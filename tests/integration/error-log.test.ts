// Errors from the database are logged with their SQL and code, never with the query's
// parameters (lib/error-log.ts): a failed insert of an import logged the whole file.
import { formatWithOptions } from "node:util";
import { afterEach, describe, expect, it, vi } from "vitest";
import { sql } from "drizzle-orm";
import { importJobs } from "@/db/schema";
import { loggableError, redactDatabaseErrorsIn } from "@/lib/error-log";
import { toAppError } from "@/lib/errors";
import { testDb } from "../support/test-database";

const SECRET = "drm_SECRET-6f1c9e2ab7d4-do-not-log";

afterEach(() => {
  vi.restoreAllMocks();
});

/** What a console call would print, as Node's console formats it. */
const printed = (calls: unknown[][]) => calls.map((args) => formatWithOptions({ depth: 10, showHidden: true }, ...args)).join("\n");

async function failedInsert(): Promise<unknown> {
  const db = await testDb();
  // A user that does not exist (a foreign key violation), with the secret in the file name and the file.
  return db
    .insert(importJobs)
    .values({
      kind: "scores",
      userId: crypto.randomUUID(),
      fileName: SECRET,
      contents: new TextEncoder().encode(`ods_code,score\r\nRTH,${SECRET}\r\n`),
      sha256: "0",
      rowCount: 1,
      created: 0,
      changed: 0,
      unchanged: 0,
      errorCount: 0,
    })
    .then(
      () => null,
      (error: unknown) => error,
    );
}

describe("logging a failed query", () => {
  it("logs a failed insert's SQL and SQLSTATE, and none of its parameters", async () => {
    const error = await failedInsert();
    expect(error).toBeInstanceOf(Error);
    const log = vi.spyOn(console, "error").mockImplementation(() => {});
    expect(toAppError(error).code).toBe("internal");
    const output = printed(log.mock.calls);
    expect(output).toContain('insert into "import_jobs"');
    expect(output).toContain("23503");
    expect(output).not.toContain(SECRET);
    // Nor the file as bytes ("82,84,72" is "RTH").
    expect(output).not.toContain("82,84,72");
  });

  it("hides the value PostgreSQL quotes in a data error's message", async () => {
    const db = await testDb();
    const error = await db.execute(sql`select ${SECRET}::int`).then(
      () => null,
      (e: unknown) => e,
    );
    const output = formatWithOptions({ depth: 10, showHidden: true }, loggableError(error));
    expect(output).toContain("22P02");
    expect(output).toContain('invalid input syntax for type integer: "…"');
    expect(output).not.toContain(SECRET);
  });

  it("redacts whatever logs through the console once installed (Next.js logs what a page throws)", async () => {
    const error = await failedInsert();
    const sink = { error: vi.fn(), warn: vi.fn() };
    const { error: originalError, warn: originalWarn } = sink;
    redactDatabaseErrorsIn(sink);
    redactDatabaseErrorsIn(sink); // a second install changes nothing
    sink.error("⨯", error);
    sink.warn(new Error("plain", { cause: error }));
    expect([originalError.mock.calls.length, originalWarn.mock.calls.length]).toEqual([1, 1]);
    const output = printed([...originalError.mock.calls, ...originalWarn.mock.calls]);
    expect(output).toContain('insert into "import_jobs"');
    expect(output).not.toContain(SECRET);
    // Errors that are not the database's pass through as they are.
    const plain = new Error("nothing secret");
    expect(loggableError(plain)).toBe(plain);
  });
});
