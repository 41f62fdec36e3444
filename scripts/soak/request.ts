// One HTTP request as a virtual user sends it: any method, an optional JSON body, a
// deadline (a request that hangs is a failure, not a stalled user), no redirect following.
// GETs are bench/load.ts's httpGet; this adds the PUT an edit needs.
import http from "node:http";
import type { HttpResponse } from "../bench/load";

export const REQUEST_TIMEOUT_MS = 30_000;

export function send(url: string, options: { method?: string; agent: http.Agent; headers: Record<string, string>; json?: unknown }): Promise<HttpResponse> {
  const body = options.json === undefined ? null : JSON.stringify(options.json);
  const headers = body === null ? options.headers : { ...options.headers, "Content-Type": "application/json", "Content-Length": String(Buffer.byteLength(body)) };
  return new Promise((resolve, reject) => {
    const request = http.request(url, { method: options.method ?? "GET", agent: options.agent, headers, timeout: REQUEST_TIMEOUT_MS }, (response) => {
      const chunks: Buffer[] = [];
      response.on("data", (chunk: Buffer) => chunks.push(chunk));
      response.on("end", () => resolve({ status: response.statusCode ?? 0, headers: response.headers, body: Buffer.concat(chunks) }));
      response.on("error", reject);
    });
    request.on("timeout", () => request.destroy(new Error(`no answer in ${REQUEST_TIMEOUT_MS / 1000} s`)));
    request.on("error", reject);
    request.end(body ?? undefined);
  });
}
