import { z } from "zod";
import type { ErrorCode } from "@/lib/errors";
import { MAX_JSON_BODY_BYTES, megabytes } from "@/lib/request-limits";
import { DEFAULT_LIMIT, MAX_LIMIT, type Endpoint } from "./endpoint";
import { apiEndpoints } from "./endpoints";

// The OpenAPI 3.1 document of /api/v1, generated from the same declarations the route
// handlers validate with. OpenAPI 3.1 schemas are JSON Schema draft 2020-12, which is
// what zod's toJSONSchema writes.

export const API_BASE_PATH = "/api/v1";
export const OPENAPI_PATH = "/openapi.json";
const DIALECT = "https://json-schema.org/draft/2020-12/schema";

type JsonSchema = Record<string, unknown>;

function jsonSchema(schema: z.ZodType, io: "input" | "output"): JsonSchema {
  const { $schema: _dialect, ...rest } = z.toJSONSchema(schema, { target: "draft-2020-12", io }) as JsonSchema;
  return rest;
}

export const errorBodySchema = z
  .object({
    error: z.object({
      code: z.enum(["bad_request", "unauthenticated", "forbidden", "not_found", "conflict", "too_large", "invalid", "internal", "unavailable"]),
      message: z.string().describe("What went wrong, in words a person can act on."),
      fieldErrors: z.record(z.string(), z.string()).optional().describe("A message per field or parameter at fault."),
    }),
  })
  .describe("Every error: a code, a message and, where fields are at fault, a message for each.");

const errorResponses: Record<Exclude<ErrorCode, "internal" | "unavailable">, { status: string; name: string; description: string }> = {
  bad_request: { status: "400", name: "BadRequest", description: "Malformed JSON, or a query parameter that is unknown, repeated, wrongly written or names nothing." },
  unauthenticated: {
    status: "401",
    name: "Unauthenticated",
    description: "No valid credentials: no token (and no session), a malformed header, or a token that is unknown, revoked or expired, or whose owner is disabled.",
  },
  forbidden: { status: "403", name: "Forbidden", description: "A read-only token used to write, or a role or organisation that may not do this." },
  not_found: { status: "404", name: "NotFound", description: "Nothing with that id, or nothing you may see." },
  conflict: { status: "409", name: "Conflict", description: "The change conflicts with the record as it is now (an out-of-date version, an assessment that exists)." },
  too_large: { status: "413", name: "TooLarge", description: `The body is larger than the most this API accepts (${megabytes(MAX_JSON_BODY_BYTES)} of JSON).` },
  invalid: { status: "422", name: "Invalid", description: "Well-formed input that the rules refuse; fieldErrors says why for each field." },
  rate_limited: {
    status: "429",
    name: "TooManyRequests",
    description: "Too many list requests from this token (or this user) in the last minute; try again after Retry-After seconds.",
  },
};

/** The errors an endpoint may answer with, from what it declares: every one may say 401, 500 and 503. */
export function errorCodesOf(endpoint: Endpoint): ErrorCode[] {
  const codes = new Set<ErrorCode>(["unauthenticated", ...endpoint.errors, "internal", "unavailable"]);
  // Every endpoint refuses unknown query parameters, so every one can answer 400.
  codes.add("bad_request");
  if (Object.keys(endpoint.params).length > 0) codes.add("not_found");
  if (endpoint.body) {
    codes.add("invalid");
    codes.add("too_large");
  }
  if (endpoint.method !== "GET") codes.add("forbidden"); // a read-only token
  if (endpoint.kind === "list") codes.add("rate_limited");
  const order: ErrorCode[] = ["bad_request", "unauthenticated", "forbidden", "not_found", "conflict", "too_large", "invalid", "rate_limited", "internal", "unavailable"];
  return order.filter((c) => codes.has(c));
}

function parameters(endpoint: Endpoint) {
  const of = (shape: z.ZodRawShape, where: "path" | "query") =>
    Object.entries(shape).map(([name, field]) => {
      const schema = jsonSchema(field as z.ZodType, "input");
      const { description, ...rest } = schema;
      return {
        name,
        in: where,
        required: where === "path" || !(field as z.ZodType).safeParse(undefined).success,
        ...(typeof description === "string" ? { description } : {}),
        schema: rest,
      };
    });
  return [...of(endpoint.params, "path"), ...of(endpoint.query, "query")];
}

function operation(endpoint: Endpoint) {
  return {
    operationId: endpoint.operationId,
    summary: endpoint.summary,
    description: endpoint.description,
    tags: [endpoint.tag],
    parameters: parameters(endpoint),
    ...(endpoint.body
      ? { requestBody: { required: true, content: { "application/json": { schema: jsonSchema(endpoint.body, "input") } } } }
      : {}),
    responses: {
      [String(endpoint.successStatus)]: {
        description: endpoint.kind === "list" ? "A page of the list, and where it lies in the whole." : endpoint.successStatus === 201 ? "Created." : "OK.",
        content: { "application/json": { schema: jsonSchema(endpoint.response, "output") } },
      },
      ...Object.fromEntries(
        errorCodesOf(endpoint).map((code) =>
          code === "internal"
            ? ["500", { $ref: "#/components/responses/Internal" }]
            : code === "unavailable"
              ? ["503", { $ref: "#/components/responses/Unavailable" }]
              : [errorResponses[code].status, { $ref: `#/components/responses/${errorResponses[code].name}` }],
        ),
      ),
    },
  };
}

const description = `Read the roadmap's data from BI tools (Power BI, Excel) and scripts, and save assessment scores.

**Authentication.** Create a personal API token on your profile page (it is shown once) and send it as \`Authorization: Bearer drm_…\`. The token acts as you, with your role and organisations as they are at the time of each request; a read-only token may only GET. A browser signed in to the app may call the API with its session instead.

**Lists** take \`limit\` (1–${MAX_LIMIT}, ${DEFAULT_LIMIT} unless given) and \`offset\`, and answer \`{ "data": [...], "paging": { "limit", "offset", "total", "next" } }\`; follow \`next\` until it is null. Filters name records by code (a footprint's BUCKS, a trust's ODS code RTH, a period's 2016-BASELINE) or id; an unknown parameter, or a filter that names nothing, is a 400.

**Errors** are JSON \`{ "error": { "code", "message", "fieldErrors"? } }\` with status 400, 401, 403, 404, 409, 413 (a body over ${megabytes(MAX_JSON_BODY_BYTES)}), 422, 429 (too many list requests in a minute: wait the \`Retry-After\` header's seconds), 500 or 503 (the database cannot be reached just now: try again later).`;

/** The whole document: the same for everyone, so it needs no sign-in. */
export function buildOpenApiDocument(endpoints: readonly Endpoint[] = apiEndpoints) {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const endpoint of endpoints) {
    const item = (paths[endpoint.path] ??= {});
    if (item[endpoint.method.toLowerCase()]) throw new Error(`${endpoint.method} ${endpoint.path} is declared twice`);
    item[endpoint.method.toLowerCase()] = operation(endpoint);
  }
  paths[OPENAPI_PATH] = {
    get: {
      operationId: "getOpenApiDocument",
      summary: "This document",
      description: "The OpenAPI 3.1 description of this API. No sign-in needed.",
      tags: ["About"],
      security: [],
      responses: {
        "200": { description: "The OpenAPI document.", content: { "application/json": { schema: { type: "object" } } } },
        "500": { $ref: "#/components/responses/Internal" },
      },
    },
  };
  const errorBody = { $ref: "#/components/schemas/Error" };
  return {
    openapi: "3.1.1",
    info: { title: "Digital Roadmap API", version: "1.0.0", description },
    jsonSchemaDialect: DIALECT,
    servers: [{ url: API_BASE_PATH, description: "This app" }],
    security: [{ bearerAuth: [] }],
    tags: [...new Set([...endpoints.map((e) => e.tag), "About"])].map((name) => ({ name })),
    paths,
    components: {
      securitySchemes: {
        bearerAuth: { type: "http", scheme: "bearer", bearerFormat: "drm_…", description: "A personal API token from your profile page." },
      },
      schemas: { Error: jsonSchema(errorBodySchema, "output") },
      responses: {
        ...Object.fromEntries(
          Object.values(errorResponses).map((r) => [
            r.name,
            {
              description: r.description,
              ...(r.status === "401"
                ? { headers: { "WWW-Authenticate": { description: "The bearer challenge (RFC 6750).", schema: { type: "string" } } } }
                : r.status === "429"
                  ? { headers: { "Retry-After": { description: "Seconds to wait before trying again.", schema: { type: "integer" } } } }
                  : {}),
              content: { "application/json": { schema: errorBody } },
            },
          ]),
        ),
        Internal: { description: "Something went wrong on the server; nothing was saved.", content: { "application/json": { schema: errorBody } } },
        Unavailable: { description: "The database cannot be reached just now; nothing was saved. Try again later.", content: { "application/json": { schema: errorBody } } },
      },
    },
  };
}
export type OpenApiDocument = ReturnType<typeof buildOpenApiDocument>;
