// Unit tests for the streamed body limit (lib/http/body-limit.ts) and for the limits
// Next.js enforces itself (next.config.ts), all from lib/request-limits.ts.
import { describe, expect, it } from "vitest";
import nextConfig from "@/next.config";
import { AppError, tooLarge } from "@/lib/errors";
import { MAX_FRAMEWORK_FILE_BYTES } from "@/lib/frameworks/file";
import { readBodyWithin } from "@/lib/http/body-limit";
import { PROXY_BODY_LIMIT_BYTES, SERVER_ACTION_BODY_LIMIT_BYTES } from "@/lib/request-limits";

const CHUNK = 16 * 1024;

/** A body of `total` bytes, made only as it is read, counting what the reader pulled. */
function countedBody(total: number) {
  const counter = { pulled: 0 };
  const stream = new ReadableStream<Uint8Array>(
    {
      pull(controller) {
        if (counter.pulled >= total) return controller.close();
        const size = Math.min(CHUNK, total - counter.pulled);
        counter.pulled += size;
        controller.enqueue(new Uint8Array(size).fill(0x61));
      },
    },
    { highWaterMark: 0 },
  );
  return { stream, counter };
}

const request = (body: ReadableStream<Uint8Array>, headers: Record<string, string> = {}) =>
  new Request("http://localhost/x", { method: "POST", body, headers, duplex: "half" } as RequestInit);
const refusal = () => tooLarge("too big");
const errorOf = (p: Promise<unknown>) => p.then(() => null, (e: unknown) => e);

describe("readBodyWithin", () => {
  it("stops reading a chunked body (no Content-Length) at the first chunk past the limit", async () => {
    const { stream, counter } = countedBody(50 * 1024 * 1024);
    const error = await errorOf(readBodyWithin(request(stream), { maxBytes: 100_000, refusal }));
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).status).toBe(413);
    expect(counter.pulled).toBeLessThanOrEqual(100_000 + CHUNK);
  });

  it("refuses a declared Content-Length over the limit without reading a byte", async () => {
    const { stream, counter } = countedBody(1_000);
    const error = await errorOf(readBodyWithin(request(stream, { "content-length": "200000" }), { maxBytes: 100_000, refusal }));
    expect((error as AppError).code).toBe("too_large");
    expect(counter.pulled).toBe(0);
  });

  it("does not believe a Content-Length that says less than is sent", async () => {
    const { stream, counter } = countedBody(300_000);
    const error = await errorOf(readBodyWithin(request(stream, { "content-length": "10" }), { maxBytes: 100_000, refusal }));
    expect((error as AppError).code).toBe("too_large");
    expect(counter.pulled).toBeLessThanOrEqual(100_000 + CHUNK);
  });

  it("returns a body within the limit whole, to the byte", async () => {
    const { stream } = countedBody(100_000);
    const body = await readBodyWithin(request(stream), { maxBytes: 100_000, refusal });
    expect(body.byteLength).toBe(100_000);
    expect(body.every((b) => b === 0x61)).toBe(true);
    expect(await readBodyWithin(new Request("http://localhost/x", { method: "POST" }), { maxBytes: 10, refusal })).toEqual(new Uint8Array(0));
  });
});

describe("next.config.ts", () => {
  it("sets the server actions' body limit and the proxy's buffer explicitly, from lib/request-limits.ts", () => {
    expect(nextConfig.experimental?.serverActions?.bodySizeLimit).toBe(SERVER_ACTION_BODY_LIMIT_BYTES);
    expect(nextConfig.experimental?.proxyClientMaxBodySize).toBe(PROXY_BODY_LIMIT_BYTES);
    // Next's default buffers up to 10 MB of every page request's body in memory.
    expect(PROXY_BODY_LIMIT_BYTES).toBeLessThan(10 * 1024 * 1024);
    // Above the actions' own limit, so an oversized action meets Next's 413 and is never cut short.
    expect(PROXY_BODY_LIMIT_BYTES).toBeGreaterThan(SERVER_ACTION_BODY_LIMIT_BYTES);
  });

  it("lets the largest form through: a framework file sent back base64-encoded to be loaded", () => {
    const base64 = Math.ceil(MAX_FRAMEWORK_FILE_BYTES / 3) * 4;
    expect(base64 + 16 * 1024).toBeLessThan(SERVER_ACTION_BODY_LIMIT_BYTES);
  });
});
