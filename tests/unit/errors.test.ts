// Unit tests for lib/errors.ts: typed errors with a code, a message and an HTTP status.
import { afterEach, describe, expect, it, vi } from "vitest";
import { AppError, conflict, errorStatus, forbidden, invalid, notFound, toAppError, type ErrorCode } from "@/lib/errors";

afterEach(() => {
  vi.restoreAllMocks();
});

describe("AppError", () => {
  it.each([
    ["bad_request", 400],
    ["unauthenticated", 401],
    ["forbidden", 403],
    ["not_found", 404],
    ["conflict", 409],
    ["invalid", 422],
    ["too_large", 413],
    ["internal", 500],
    ["unavailable", 503],
  ] as const)("%s has status %d", (code, status) => {
    const error = new AppError(code, "message");
    expect(error.status).toBe(status);
    expect(error.code).toBe(code);
  });

  it("covers exactly the nine codes", () => {
    expect(Object.keys(errorStatus).sort()).toEqual(["bad_request", "conflict", "forbidden", "internal", "invalid", "not_found", "rate_limited", "too_large", "unauthenticated", "unavailable"]);
  });

  it("is an Error with a name, a message and field errors", () => {
    const error = new AppError("invalid", "Check the scores", { "id-r1": "Enter a score for R1" });
    expect(error).toBeInstanceOf(Error);
    expect(error).toBeInstanceOf(AppError);
    expect(error.name).toBe("AppError");
    expect(error.message).toBe("Check the scores");
    expect(error.fieldErrors).toEqual({ "id-r1": "Enter a score for R1" });
  });

  it("has no field errors by default", () => {
    expect(new AppError("conflict", "x").fieldErrors).toEqual({});
  });
});

describe("error helpers", () => {
  it("forbidden", () => {
    expect(forbidden()).toMatchObject({ code: "forbidden", status: 403, message: "You do not have permission to do that." });
    expect(forbidden("Only a board member can approve.")).toMatchObject({ code: "forbidden", message: "Only a board member can approve." });
  });

  it("notFound names what was not found", () => {
    expect(notFound("The assessment")).toMatchObject({ code: "not_found", status: 404, message: "The assessment was not found." });
  });

  it("invalid carries field errors", () => {
    const error = invalid("Check the form", { name: "Enter a name" });
    expect(error).toMatchObject({ code: "invalid", status: 422, message: "Check the form", fieldErrors: { name: "Enter a name" } });
    expect(invalid("x").fieldErrors).toEqual({});
  });

  it("conflict", () => {
    expect(conflict("Someone else saved first")).toMatchObject({ code: "conflict", status: 409, message: "Someone else saved first" });
  });
});

describe("toAppError", () => {
  it.each(["unauthenticated", "forbidden", "not_found", "conflict", "invalid", "internal"] as ErrorCode[])(
    "passes an AppError (%s) through unchanged, without logging",
    (code) => {
      const log = vi.spyOn(console, "error").mockImplementation(() => {});
      const error = new AppError(code, "kept", { f: "x" });
      expect(toAppError(error)).toBe(error);
      expect(log).not.toHaveBeenCalled();
    },
  );

  it.each([
    new Error('duplicate key value violates unique constraint "users_email_key" (password_hash=abc)'),
    new TypeError("Cannot read properties of undefined (reading 'secret')"),
    "a thrown string with SECRET",
    { message: "an object with SECRET" },
    null,
    undefined,
    42,
  ])("turns %j into an internal error without leaking its message", (thrown) => {
    const log = vi.spyOn(console, "error").mockImplementation(() => {});
    const result = toAppError(thrown);
    expect(result).toBeInstanceOf(AppError);
    expect(result.code).toBe("internal");
    expect(result.status).toBe(500);
    expect(result.message).toBe("Something went wrong on our side and nothing was saved. Please try again.");
    expect(result.message).not.toMatch(/SECRET|secret|password|constraint|undefined/);
    expect(result.fieldErrors).toEqual({});
    // The original is logged for the operators, once.
    expect(log).toHaveBeenCalledTimes(1);
    expect(log).toHaveBeenCalledWith(thrown);
  });

  it.each([
    ["a refused connection, as drizzle wraps it", Object.assign(new Error("Failed query: select 1\nparams: "), { cause: Object.assign(new Error("connect ECONNREFUSED 127.0.0.1:5432"), { code: "ECONNREFUSED" }) })],
    ["a connection closed mid-transaction", Object.assign(new Error("write CONNECTION_CLOSED 127.0.0.1:5432"), { code: "CONNECTION_CLOSED" })],
    ["the server shutting down", Object.assign(new Error("terminating connection due to administrator command"), { code: "57P01" })],
  ])("turns %s into 'unavailable', without leaking its message", (_label, thrown) => {
    const log = vi.spyOn(console, "error").mockImplementation(() => {});
    const result = toAppError(thrown);
    expect(result).toMatchObject({ code: "unavailable", status: 503, message: "The database cannot be reached just now, so nothing was saved. Please try again in a few minutes." });
    expect(log).toHaveBeenCalledWith(thrown);
  });

  it("does not treat an Error that merely looks like an AppError as one", () => {
    vi.spyOn(console, "error").mockImplementation(() => {});
    const lookalike = Object.assign(new Error("leaky detail"), { code: "invalid", status: 422 });
    const result = toAppError(lookalike);
    expect(result).not.toBe(lookalike);
    expect(result.code).toBe("internal");
    expect(result.message).not.toContain("leaky detail");
  });
});
