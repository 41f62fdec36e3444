import "server-only";
import type { z } from "zod";
import { onReadReplica } from "@/db/client";
import type { UserWithScope } from "@/db/queries/users";
import { errorResponse } from "@/lib/api-response";
import { enforceRateLimit } from "@/lib/rate-limit";
import { ApiAuthError, assertMayUseMethod, authenticateApiRequest } from "./auth";
import { nextPageUrl, type Endpoint, type ItemEndpoint, type ListEndpoint } from "./endpoint";
import { parseJsonBody, parseParams, parseQuery } from "./parse";

type Shape = z.ZodRawShape;
type RouteContext = { params?: Promise<Record<string, string | string[] | undefined>> };

interface Input<P extends Shape, Q extends Shape> {
  params: z.output<z.ZodObject<P>>;
  query: z.output<z.ZodObject<Q>>;
  user: UserWithScope;
  request: Request;
}

export type ListHandler<P extends Shape, Q extends Shape, I extends z.ZodType> = (
  input: Input<P, Q>,
) => Promise<{ items: z.input<I>[]; total: number }>;

export type ItemHandler<P extends Shape, Q extends Shape, B extends z.ZodType | undefined, I extends z.ZodType> = (
  input: Input<P, Q> & { body: B extends z.ZodType ? z.output<B> : undefined },
) => Promise<z.input<I>>;

/** A Next route handler, carrying the declaration it serves (the OpenAPI test reads it). */
export type ApiRouteHandler = ((request: Request, context: RouteContext) => Promise<Response>) & { endpoint: Endpoint };

const noStore = { "Cache-Control": "no-store" };

/**
 * The route handler for a declared endpoint: authenticates the caller (bearer token or
 * session), refuses writes by read-only tokens, counts lists against the caller's rate
 * limit (lib/rate-limit.ts), validates the path, query and body with
 * the declared schemas, runs the handler, and checks what it returns against the declared
 * response schema (which also drops anything the schema does not name). Every failure is
 * JSON `{ error: { code, message, fieldErrors? } }` with its status.
 */
export function route<P extends Shape, Q extends Shape, I extends z.ZodType>(endpoint: ListEndpoint<P, Q, I>, handler: ListHandler<P, ListEndpoint<P, Q, I>["query"], I>): ApiRouteHandler;
export function route<P extends Shape, Q extends Shape, B extends z.ZodType | undefined, I extends z.ZodType>(
  endpoint: ItemEndpoint<P, Q, B, I>,
  handler: ItemHandler<P, Q, B, I>,
): ApiRouteHandler;
export function route(endpoint: Endpoint, typedHandler: (input: never) => Promise<unknown>): ApiRouteHandler {
  // The overloads tie each handler's input to its endpoint's schemas; here they are parsed values.
  const handler = typedHandler as (input: unknown) => Promise<unknown>;
  const run = async (request: Request, context: RouteContext): Promise<Response> => {
    try {
      const principal = await authenticateApiRequest(request);
      await assertMayUseMethod(principal, endpoint.method, new URL(request.url).pathname, request);
      if (endpoint.kind === "list") await enforceRateLimit("api-list", { userId: principal.user.id, tokenId: principal.via === "token" ? principal.tokenId : null });
      // Next gives routes without dynamic segments no params at all.
      const params = parseParams(endpoint.params, (await context?.params) ?? {});
      const url = new URL(request.url);
      const query = parseQuery(endpoint.query, url.searchParams);
      const body = endpoint.body ? await parseJsonBody(endpoint.body, request) : undefined;
      const input = { params, query, body, user: principal.user, request };
      // Lists (BI tools' bulk reads) may come from the read replica (DATABASE_READ_URL), a
      // moment behind the primary; one record, read back after a write, comes from the primary.
      const answer = () => (endpoint.method === "GET" && endpoint.kind === "list" ? onReadReplica(() => handler(input)) : handler(input));
      if (endpoint.kind === "list") {
        const paging = query as { limit: number; offset: number };
        const { items, total } = (await answer()) as { items: unknown[]; total: number };
        const payload = endpoint.response.parse({
          data: items,
          paging: { limit: paging.limit, offset: paging.offset, total, next: nextPageUrl(request.url, paging, total) },
        });
        return Response.json(payload, { status: endpoint.successStatus, headers: noStore });
      }
      const payload = endpoint.response.parse({ data: await answer() });
      return Response.json(payload, { status: endpoint.successStatus, headers: noStore });
    } catch (error) {
      const response = errorResponse(error);
      response.headers.set("Cache-Control", "no-store");
      if (error instanceof ApiAuthError) response.headers.set("WWW-Authenticate", error.challenge);
      return response;
    }
  };
  return Object.assign(run, { endpoint });
}
