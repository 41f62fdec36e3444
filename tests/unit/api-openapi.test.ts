// The OpenAPI document: valid OpenAPI 3.1, every schema in it valid JSON Schema 2020-12
// under Ajv's strict mode, and the same set of operations as the route files.
import fs from "node:fs";
import path from "node:path";
import { Validator } from "@seriousme/openapi-schema-validator";
import Ajv2020 from "ajv/dist/2020.js";
import addFormats from "ajv-formats";
import { describe, expect, it, vi } from "vitest";

// Importing the route files must not start Auth.js: the session is not what is tested here.
vi.mock("@/lib/auth/session", () => ({ getCurrentUser: async () => null }));

import type { ApiRouteHandler } from "@/lib/api/handle";
import { API_BASE_PATH, buildOpenApiDocument, errorCodesOf } from "@/lib/api/openapi";
import { apiEndpoints } from "@/lib/api/endpoints";

const methods = ["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"] as const;
const apiDir = path.join(import.meta.dirname, "../../app/api/v1");

/** Every route.ts below app/api/v1, with the OpenAPI path its folder serves ("[id]" → "{id}"). */
function routeFiles(dir = apiDir): { file: string; path: string }[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return routeFiles(full);
    if (entry.name !== "route.ts") return [];
    const folder = path.relative(apiDir, dir).split(path.sep).filter(Boolean);
    return [{ file: full, path: `/${folder.map((s) => s.replace(/^\[(.+)\]$/, "{$1}")).join("/")}` }];
  });
}

async function routeOperations() {
  const operations: { path: string; method: string; handler: unknown }[] = [];
  for (const route of routeFiles()) {
    const module = (await import(route.file)) as Record<string, unknown>;
    for (const method of methods) if (typeof module[method] === "function") operations.push({ path: route.path, method, handler: module[method] });
  }
  return operations;
}

const document = buildOpenApiDocument();

describe("the OpenAPI document", () => {
  it("is valid OpenAPI 3.1", async () => {
    const validator = new Validator();
    const result = await validator.validate(structuredClone(document));
    expect(result.errors ?? []).toEqual([]);
    expect(result.valid).toBe(true);
    expect(validator.version).toBe("3.1");
    expect(document.jsonSchemaDialect).toBe("https://json-schema.org/draft/2020-12/schema");
  });

  it("has only schemas that compile as JSON Schema 2020-12 in Ajv's strict mode", () => {
    const ajv = new Ajv2020({ strict: true, allErrors: true });
    addFormats(ajv);
    const schemas: { where: string; schema: object }[] = [];
    const walk = (node: unknown, where: string) => {
      if (!node || typeof node !== "object") return;
      for (const [key, value] of Object.entries(node)) {
        if (key === "schema" && value && typeof value === "object" && !("$ref" in value)) schemas.push({ where: `${where}/schema`, schema: value });
        else walk(value, `${where}/${key}`);
      }
    };
    walk(document.paths, "#/paths");
    for (const [name, schema] of Object.entries(document.components.schemas)) schemas.push({ where: `#/components/schemas/${name}`, schema });
    expect(schemas.length).toBeGreaterThan(apiEndpoints.length * 2);
    for (const { where, schema } of schemas) expect(() => ajv.compile(schema), where).not.toThrow();
  });

  it("answers every operation's errors with the shared error schema, and says how to authenticate", () => {
    expect(document.components.securitySchemes.bearerAuth).toMatchObject({ type: "http", scheme: "bearer" });
    expect(document.security).toEqual([{ bearerAuth: [] }]);
    for (const endpoint of apiEndpoints) {
      const operation = document.paths[endpoint.path]![endpoint.method.toLowerCase()] as { responses: Record<string, unknown> };
      const statuses = Object.keys(operation.responses);
      expect(statuses, `${endpoint.method} ${endpoint.path}`).toEqual(expect.arrayContaining(["401", "500", "503", String(endpoint.successStatus)]));
      for (const status of statuses.filter((s) => s.startsWith("4") || s.startsWith("5"))) {
        const ref = (operation.responses[status] as { $ref: string }).$ref;
        const response = document.components.responses[ref.replace("#/components/responses/", "") as keyof typeof document.components.responses];
        expect(response.content["application/json"].schema).toEqual({ $ref: "#/components/schemas/Error" });
      }
    }
  });

  it("lists the errors each kind of endpoint can give", () => {
    const byId = new Map(apiEndpoints.map((e) => [e.operationId, e]));
    expect(errorCodesOf(byId.get("listFrameworks")!)).toEqual(["bad_request", "unauthenticated", "rate_limited", "internal", "unavailable"]);
    expect(errorCodesOf(byId.get("getAssessment")!)).toEqual(["bad_request", "unauthenticated", "not_found", "internal", "unavailable"]);
    expect(errorCodesOf(byId.get("saveAssessmentScores")!)).toEqual(["bad_request", "unauthenticated", "forbidden", "not_found", "conflict", "too_large", "invalid", "internal", "unavailable"]);
  });

  it("documents paging on every list", () => {
    for (const endpoint of apiEndpoints.filter((e) => e.kind === "list")) {
      const operation = document.paths[endpoint.path]!.get as { parameters: { name: string; schema: { maximum?: number; default?: number } }[] };
      const limit = operation.parameters.find((p) => p.name === "limit")!;
      expect(limit.schema).toMatchObject({ default: 100, maximum: 1000, minimum: 1 });
      expect(operation.parameters.map((p) => p.name)).toContain("offset");
    }
  });
});

describe("the document and the route files", () => {
  it("documents every method that every route file under app/api/v1 exports", async () => {
    const operations = await routeOperations();
    expect(operations.length).toBeGreaterThanOrEqual(apiEndpoints.length);
    for (const { path: p, method } of operations) {
      expect(document.paths[p]?.[method.toLowerCase()], `${method} ${API_BASE_PATH}${p} is not in the OpenAPI document`).toBeDefined();
    }
  });

  it("has a route file exporting every documented operation, bound to that very declaration", async () => {
    const operations = await routeOperations();
    for (const [p, item] of Object.entries(document.paths)) {
      for (const method of Object.keys(item)) {
        const route = operations.find((o) => o.path === p && o.method === method.toUpperCase());
        expect(route, `${method.toUpperCase()} ${API_BASE_PATH}${p} has no route file`).toBeDefined();
        const endpoint = (route!.handler as Partial<ApiRouteHandler>).endpoint;
        if (endpoint) expect([endpoint.method, endpoint.path]).toEqual([method.toUpperCase(), p]);
      }
    }
  });

  it("binds every route but the document itself to a declared endpoint", async () => {
    const operations = await routeOperations();
    const unbound = operations.filter((o) => !(o.handler as Partial<ApiRouteHandler>).endpoint).map((o) => `${o.method} ${o.path}`);
    expect(unbound).toEqual(["GET /openapi.json"]);
  });
});
