// Shared by the api-*.test.ts files: personal tokens made through the real command, and
// requests to the route handlers' exported functions as Next would make them.
import { createApiToken } from "@/db/commands/api-tokens";
import type { ApiTokenLifetime, ApiTokenScope } from "@/lib/api/tokens";
import { actor } from "../support/fixtures";

export const origin = "http://localhost:3000";

export async function tokenFor(email: string, scope: ApiTokenScope = "read", lifetimeDays: ApiTokenLifetime = 30, now?: Date) {
  const user = await actor(email);
  const { token, secret } = await createApiToken({ actor: user, name: `Test token for ${email}`, scope, lifetimeDays, now });
  return { user, token, secret };
}

export function apiRequest(path: string, { secret, method = "GET", body, headers = {} }: { secret?: string; method?: string; body?: unknown; headers?: Record<string, string> } = {}) {
  return new Request(`${origin}/api/v1${path}`, {
    method,
    headers: {
      ...(secret ? { authorization: `Bearer ${secret}` } : {}),
      ...(body !== undefined && typeof body !== "string" ? { "content-type": "application/json" } : {}),
      ...headers,
    },
    body: body === undefined ? undefined : typeof body === "string" ? body : JSON.stringify(body),
  });
}

type Handler = (request: Request, context: { params?: Promise<Record<string, string>> }) => Promise<Response>;

export interface ApiAnswer {
  status: number;
  headers: Headers;
  body: any; // eslint-disable-line @typescript-eslint/no-explicit-any -- checked by each test with the endpoint's schema
}

/** As Next calls a route handler: `params` only for a route with dynamic segments, else undefined. */
export async function call(handler: Handler, request: Request, params?: Record<string, string>): Promise<ApiAnswer> {
  const response = await handler(request, { params: params ? Promise.resolve(params) : undefined });
  const text = await response.text();
  return { status: response.status, headers: response.headers, body: text ? JSON.parse(text) : null };
}
