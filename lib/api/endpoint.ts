import { z } from "zod";

// Each API endpoint is declared once, here in lib/api/endpoints: its method, path and the
// zod schemas of its path parameters, query, body and response. The route handler
// validates with these schemas (lib/api/handle.ts) and the OpenAPI document is generated
// from them (lib/api/openapi.ts), so the two cannot drift apart.

export type HttpMethod = "GET" | "POST" | "PUT";

/** limit and offset, on every list endpoint. */
export const MAX_LIMIT = 1000;
export const DEFAULT_LIMIT = 100;

export const pagingQuery = {
  limit: z.coerce
    .number({ error: "limit must be a whole number from 1 to 1000" })
    .int({ error: "limit must be a whole number from 1 to 1000" })
    .min(1, { error: "limit must be a whole number from 1 to 1000" })
    .max(MAX_LIMIT, { error: "limit must be a whole number from 1 to 1000" })
    .default(DEFAULT_LIMIT)
    .describe(`How many items to return: 1 to ${MAX_LIMIT}, ${DEFAULT_LIMIT} unless given.`),
  offset: z.coerce
    .number({ error: "offset must be a whole number, 0 or more" })
    .int({ error: "offset must be a whole number, 0 or more" })
    .min(0, { error: "offset must be a whole number, 0 or more" })
    .default(0)
    .describe("How many items to skip: 0 unless given."),
};

export const pagingSchema = z
  .object({
    limit: z.int().describe("The limit applied."),
    offset: z.int().describe("The offset applied."),
    total: z.int().describe("How many items match the filters, across all pages."),
    next: z.string().nullable().describe("The URL of the next page; null on the last page."),
  })
  .describe("Where this page lies in the whole list.");

type Shape = z.ZodRawShape;

interface EndpointBase<P extends Shape, Q extends Shape, B extends z.ZodType | undefined> {
  method: HttpMethod;
  /** OpenAPI style, below /api/v1: "/assessments/{id}/scores". */
  path: string;
  operationId: string;
  summary: string;
  description: string;
  tag: string;
  params: P;
  query: Q;
  body: B;
  /** 201 for a created resource; 200 otherwise. */
  successStatus: 200 | 201;
  /** The error codes this endpoint may answer with beyond 401 (every endpoint) and 500. */
  errors: readonly ("bad_request" | "forbidden" | "not_found" | "conflict" | "invalid")[];
}

/** A list: the body is `{ data: Item[], paging }`, and limit/offset join the query. */
export interface ListEndpoint<P extends Shape, Q extends Shape, I extends z.ZodType> extends EndpointBase<P, Q & typeof pagingQuery, undefined> {
  kind: "list";
  item: I;
  response: z.ZodObject<{ data: z.ZodArray<I>; paging: typeof pagingSchema }>;
}

/** One thing: the body is `{ data: Item }`. */
export interface ItemEndpoint<P extends Shape, Q extends Shape, B extends z.ZodType | undefined, I extends z.ZodType> extends EndpointBase<P, Q, B> {
  kind: "item";
  item: I;
  response: z.ZodObject<{ data: I }>;
}

export type Endpoint = ListEndpoint<Shape, Shape, z.ZodType> | ItemEndpoint<Shape, Shape, z.ZodType | undefined, z.ZodType>;

interface Declaration<P extends Shape, Q extends Shape> {
  path: string;
  operationId: string;
  summary: string;
  description: string;
  tag: string;
  params?: P;
  query?: Q;
  errors?: EndpointBase<P, Q, undefined>["errors"];
}

export function listEndpoint<I extends z.ZodType, P extends Shape = Record<never, never>, Q extends Shape = Record<never, never>>(
  declaration: Declaration<P, Q> & { item: I },
): ListEndpoint<P, Q, I> {
  const { item, params, query, errors, ...rest } = declaration;
  return {
    ...rest,
    kind: "list",
    method: "GET",
    params: (params ?? {}) as P,
    query: { ...(query ?? ({} as Q)), ...pagingQuery },
    body: undefined,
    successStatus: 200,
    errors: errors ?? ["bad_request"],
    item,
    response: z.object({ data: z.array(item), paging: pagingSchema }),
  };
}

export function itemEndpoint<
  I extends z.ZodType,
  P extends Shape = Record<never, never>,
  Q extends Shape = Record<never, never>,
  B extends z.ZodType | undefined = undefined,
>(
  declaration: Declaration<P, Q> & { method?: HttpMethod; item: I; body?: B; successStatus?: 200 | 201 },
): ItemEndpoint<P, Q, B, I> {
  const { item, params, query, body, errors, method, successStatus, ...rest } = declaration;
  return {
    ...rest,
    kind: "item",
    method: method ?? "GET",
    params: (params ?? {}) as P,
    query: (query ?? {}) as Q,
    body: body as B,
    successStatus: successStatus ?? 200,
    errors: errors ?? [],
    item,
    response: z.object({ data: item }),
  };
}

/** The page of a list the query asks for, with the total. */
export function pageOf<T>(items: readonly T[], paging: { limit: number; offset: number }): { items: T[]; total: number } {
  return { items: items.slice(paging.offset, paging.offset + paging.limit), total: items.length };
}

/** The URL of the next page, or null when this page reaches the end. */
export function nextPageUrl(requestUrl: string, paging: { limit: number; offset: number }, total: number): string | null {
  const nextOffset = paging.offset + paging.limit;
  if (nextOffset >= total) return null;
  const url = new URL(requestUrl);
  url.searchParams.set("offset", String(nextOffset));
  url.searchParams.set("limit", String(paging.limit));
  return url.toString();
}

// Identifiers that appear in paths and bodies.
export const idSchema = z.guid({ error: "must be an id (a UUID)" });
export const isoDateTime = z.iso.datetime({ offset: true });
export const isoDate = z.iso.date();
