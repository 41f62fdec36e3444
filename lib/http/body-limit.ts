import type { AppError } from "@/lib/errors";

// A request's body, read as it arrives and refused once it passes its limit. Content-Length
// is believed only when it already says too much: a chunked upload has none, so the bytes
// themselves are counted, and reading stops (the upload is cut off) at the first byte past
// the limit. Nothing larger than the limit is ever held in memory.

export async function readBodyWithin(request: Request, { maxBytes, refusal }: { maxBytes: number; refusal: () => AppError }): Promise<Uint8Array<ArrayBuffer>> {
  const declared = request.headers.get("content-length");
  if (declared !== null && Number(declared) > maxBytes) throw refusal();
  if (!request.body) return new Uint8Array(0);
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > maxBytes) {
      await reader.cancel().catch(() => {});
      throw refusal();
    }
    chunks.push(value);
  }
  const body = new Uint8Array(total);
  let at = 0;
  for (const chunk of chunks) {
    body.set(chunk, at);
    at += chunk.byteLength;
  }
  return body;
}
