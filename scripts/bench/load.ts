// A closed-loop load generator: `concurrency` workers each send the next request as soon as
// the last one has answered, for `durationMs`. Measures what autocannon would (requests per
// second, latency percentiles, errors) for any async operation: an HTTP request to the app
// or the bare server, or a replay of a page's SQL.
import http from "node:http";
import { summarise, type LatencySummary } from "./stats";

export type LoadResult = LatencySummary & { rps: number; errors: number; firstError?: string };

export async function runLoad(operation: () => Promise<void>, options: { concurrency: number; durationMs: number; warmupMs?: number }): Promise<LoadResult> {
  if (options.warmupMs) await drive(operation, options.concurrency, options.warmupMs, null);
  const samples: number[] = [];
  const failures: unknown[] = [];
  const started = performance.now();
  await drive(operation, options.concurrency, options.durationMs, { samples, failures });
  const seconds = (performance.now() - started) / 1000;
  return {
    ...summarise(samples),
    rps: samples.length / seconds,
    errors: failures.length,
    ...(failures.length ? { firstError: String(failures[0] instanceof Error ? failures[0].message : failures[0]) } : {}),
  };
}

async function drive(operation: () => Promise<void>, concurrency: number, durationMs: number, record: { samples: number[]; failures: unknown[] } | null): Promise<void> {
  const deadline = performance.now() + durationMs;
  const worker = async () => {
    while (performance.now() < deadline) {
      const t = performance.now();
      try {
        await operation();
        record?.samples.push(performance.now() - t);
      } catch (error) {
        record?.failures.push(error);
      }
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
}

/** Keep-alive connections, as a browser or load balancer would hold them. */
export function keepAliveAgent(concurrency: number): http.Agent {
  return new http.Agent({ keepAlive: true, maxSockets: concurrency });
}

export type HttpResponse = { status: number; headers: http.IncomingHttpHeaders; body: Buffer };

export function httpGet(url: string, options: { agent?: http.Agent; headers?: Record<string, string> } = {}): Promise<HttpResponse> {
  return new Promise((resolve, reject) => {
    const request = http.get(url, { agent: options.agent, headers: options.headers }, (response) => {
      const chunks: Buffer[] = [];
      response.on("data", (chunk: Buffer) => chunks.push(chunk));
      response.on("end", () => resolve({ status: response.statusCode ?? 0, headers: response.headers, body: Buffer.concat(chunks) }));
      response.on("error", reject);
    });
    request.on("error", reject);
  });
}

/** An operation for runLoad: GET url, failing on any status but 200. */
export function getOk(url: string, agent: http.Agent, headers: Record<string, string>): () => Promise<void> {
  return async () => {
    const response = await httpGet(url, { agent, headers });
    if (response.status !== 200) throw new Error(`${url}: HTTP ${response.status}`);
  };
}
