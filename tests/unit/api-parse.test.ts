// The API's input rules: query parameters (400), path ids (404), JSON bodies (400 / 422),
// paging, and filters that name records by code or id.
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { nextPageUrl, pageOf, pagingQuery } from "@/lib/api/endpoint";
import { resolveFilter, resolveFilterAll } from "@/lib/api/filters";
import { parseJsonBody, parseParams, parseQuery } from "@/lib/api/parse";
import { AppError } from "@/lib/errors";

function thrown(run: () => unknown): AppError {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(AppError);
    return error as AppError;
  }
  throw new Error("expected an error");
}

async function rejected(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(() => undefined, (e: unknown) => e);
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
}

const query = { ...pagingQuery, footprint: z.string().optional(), pending: z.enum(["true", "false"]).optional() };
const params = (s: string) => new URLSearchParams(s);

describe("query parameters", () => {
  it("default limit to 100 and offset to 0, and read numbers from the text", () => {
    expect(parseQuery(query, params(""))).toEqual({ limit: 100, offset: 0 });
    expect(parseQuery(query, params("limit=1000&offset=20&footprint=BUCKS"))).toEqual({ limit: 1000, offset: 20, footprint: "BUCKS" });
  });

  it.each([
    ["limit=0", "limit"],
    ["limit=1001", "limit"],
    ["limit=2.5", "limit"],
    ["limit=ten", "limit"],
    ["offset=-1", "offset"],
    ["pending=yes", "pending"],
  ])("refuse %s with a 400 naming the parameter", (search, field) => {
    const error = thrown(() => parseQuery(query, params(search)));
    expect(error.code).toBe("bad_request");
    expect(error.status).toBe(400);
    expect(Object.keys(error.fieldErrors)).toEqual([field]);
    expect(error.message).toContain(field);
  });

  it("refuse a parameter the endpoint does not have, rather than ignore it", () => {
    const error = thrown(() => parseQuery(query, params("footprnt=BUCKS")));
    expect(error.code).toBe("bad_request");
    expect(error.fieldErrors).toEqual({ footprnt: "footprnt is not a parameter of this endpoint" });
  });

  it("refuse a parameter given twice", () => {
    const error = thrown(() => parseQuery(query, params("footprint=BUCKS&footprint=OXON")));
    expect(error.fieldErrors).toEqual({ footprint: "footprint is given more than once: give it once" });
  });
});

describe("path parameters", () => {
  const shape = { id: z.guid() };
  it("pass a well-formed id, and answer 404 for anything else", () => {
    expect(parseParams(shape, { id: "0b1e4a6c-2f3d-4e5f-8a9b-0c1d2e3f4a5b" })).toEqual({ id: "0b1e4a6c-2f3d-4e5f-8a9b-0c1d2e3f4a5b" });
    expect(thrown(() => parseParams(shape, { id: "not-an-id" })).status).toBe(404);
    expect(thrown(() => parseParams(shape, { id: "1; drop table users" })).code).toBe("not_found");
  });
});

describe("JSON bodies", () => {
  const schema = z.object({ version: z.int({ error: "version must be a number" }), submit: z.boolean().optional() });
  const request = (body: string, type = "application/json") => new Request("http://x/api/v1/y", { method: "PUT", headers: { "content-type": type }, body });

  it("parse JSON the schema accepts", async () => {
    await expect(parseJsonBody(schema, request('{"version":3}'))).resolves.toEqual({ version: 3 });
    await expect(parseJsonBody(schema, request('{"version":3,"submit":true}', "application/json; charset=utf-8"))).resolves.toEqual({ version: 3, submit: true });
  });

  it("answer 400 for text that is not JSON, or not sent as JSON", async () => {
    const malformed = await rejected(parseJsonBody(schema, request('{"version":')));
    expect([malformed.status, malformed.message]).toEqual([400, "The body is not valid JSON."]);
    const form = await rejected(parseJsonBody(schema, request('{"version":3}', "text/plain")));
    expect(form.status).toBe(400);
    expect(form.message).toContain("Content-Type: application/json");
  });

  it("answer 422 for JSON the schema refuses, with a message per field", async () => {
    const error = await rejected(parseJsonBody(schema, request('{"version":"three"}')));
    expect(error.status).toBe(422);
    expect(error.fieldErrors).toEqual({ version: "version must be a number" });
  });
});

describe("paging", () => {
  const items = Array.from({ length: 25 }, (_, i) => i);
  it("slices the list and gives its total", () => {
    expect(pageOf(items, { limit: 10, offset: 20 })).toEqual({ items: [20, 21, 22, 23, 24], total: 25 });
    expect(pageOf(items, { limit: 10, offset: 30 })).toEqual({ items: [], total: 25 });
  });

  it("links the next page, keeping the filters, until the end", () => {
    const next = nextPageUrl("http://localhost/api/v1/scores?period=2016-BASELINE&limit=10", { limit: 10, offset: 0 }, 25);
    expect(new URL(next!).searchParams.toString()).toBe("period=2016-BASELINE&limit=10&offset=10");
    expect(nextPageUrl("http://localhost/api/v1/scores?limit=10&offset=10", { limit: 10, offset: 10 }, 25)).toContain("offset=20");
    expect(nextPageUrl("http://localhost/api/v1/scores?limit=10&offset=20", { limit: 10, offset: 20 }, 25)).toBeNull();
    expect(nextPageUrl("http://localhost/api/v1/scores", { limit: 100, offset: 0 }, 100)).toBeNull();
  });
});

describe("filters by code or id", () => {
  const footprints = [
    { id: "0b1e4a6c-2f3d-4e5f-8a9b-0c1d2e3f4a5b", code: "BUCKS" },
    { id: "1b1e4a6c-2f3d-4e5f-8a9b-0c1d2e3f4a5b", code: "OXON" },
  ];
  const options = { param: "footprint", what: "footprint", codeOf: (f: { code: string }) => f.code };

  it("find a record by its code in any case, or by its id", () => {
    expect(resolveFilter(footprints, undefined, options)).toBeUndefined();
    expect(resolveFilter(footprints, "oxon", options)).toBe(footprints[1]);
    expect(resolveFilter(footprints, footprints[0]!.id.toUpperCase(), options)).toBe(footprints[0]);
  });

  it("answer 400 for a filter that names nothing", () => {
    const error = thrown(() => resolveFilter(footprints, "BERKS", options));
    expect(error.status).toBe(400);
    expect(error.fieldErrors).toEqual({ footprint: "No footprint has the code or id “BERKS”" });
  });

  it("find every record a repeated code names", () => {
    const periods = [
      { id: "0b1e4a6c-2f3d-4e5f-8a9b-0c1d2e3f4a5b", code: "2017" },
      { id: "1b1e4a6c-2f3d-4e5f-8a9b-0c1d2e3f4a5b", code: "2017" },
      { id: "2b1e4a6c-2f3d-4e5f-8a9b-0c1d2e3f4a5b", code: "2018" },
    ];
    expect(resolveFilterAll(periods, "2017", { ...options, param: "period" })).toEqual(periods.slice(0, 2));
  });
});
