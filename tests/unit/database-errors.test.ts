// Unit tests for lib/database-errors.ts: which errors mean the database cannot be reached.
import { describe, expect, it } from "vitest";
import { isDatabaseUnreachable } from "@/lib/database-errors";

const withCode = (code: string, message = code) => Object.assign(new Error(message), { code });

describe("isDatabaseUnreachable", () => {
  it.each(["ECONNREFUSED", "ECONNRESET", "EPIPE", "ETIMEDOUT", "ENOTFOUND", "CONNECTION_CLOSED", "CONNECTION_ENDED", "CONNECTION_DESTROYED", "CONNECT_TIMEOUT"])(
    "a socket or driver error %s is",
    (code) => expect(isDatabaseUnreachable(withCode(code))).toBe(true),
  );

  it.each(["08006", "08001", "08P01", "57P01", "57P02", "57P03"])("a PostgreSQL error of class 08 or a shutdown (%s) is", (code) => {
    expect(isDatabaseUnreachable(withCode(code))).toBe(true);
  });

  it("looks through drizzle's wrapper and an AggregateError (several addresses refused)", () => {
    const refused = new AggregateError([withCode("ECONNREFUSED"), withCode("ECONNREFUSED")], "connect failed");
    expect(isDatabaseUnreachable(Object.assign(new Error("Failed query: select 1"), { cause: refused }))).toBe(true);
  });

  it.each([
    ["a unique violation", withCode("23505")],
    ["a deadlock", withCode("40P01")],
    ["a syntax error", withCode("42601")],
    ["a plain Error", new Error("boom")],
    ["a wrapped query error", Object.assign(new Error("Failed query"), { cause: withCode("22P02") })],
    ["a string", "ECONNREFUSED"],
    ["null", null],
  ])("%s is not", (_label, error) => {
    expect(isDatabaseUnreachable(error)).toBe(false);
  });

  it("stops on a cause that refers to itself", () => {
    const loop: Error & { cause?: unknown } = new Error("loop");
    loop.cause = loop;
    expect(isDatabaseUnreachable(loop)).toBe(false);
  });
});
