// Request limits on the production build (docs/request-limits.md): a chunked upload has no
// Content-Length, so the server must count the bytes itself and cut the upload off.
import { MAX_IMPORT_BODY_BYTES } from "../../lib/request-limits";
import { BASE_URL } from "./support/env";
import { expect, test } from "./support/fixtures";

const CHUNK = 256 * 1024;

test("a chunked upload past the limit is cut off with a 413, and the server goes on answering", async ({ pageAs }) => {
  const admin = await pageAs("admin");
  await admin.goto("/imports");
  const cookie = (await admin.context().cookies()).map((c) => `${c.name}=${c.value}`).join("; ");
  const total = MAX_IMPORT_BODY_BYTES * 2;
  let sent = 0;
  const head = new TextEncoder().encode('--b0undary\r\nContent-Disposition: form-data; name="kind"\r\n\r\nscores\r\n--b0undary\r\nContent-Disposition: form-data; name="file"; filename="big.csv"\r\n\r\n');
  const body = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (sent >= total) return controller.close();
      const chunk = sent === 0 ? head : new Uint8Array(CHUNK).fill(0x61);
      sent += chunk.length;
      controller.enqueue(chunk);
    },
  });
  const response = await fetch(`${BASE_URL}/api/imports`, {
    method: "POST",
    body,
    duplex: "half",
    headers: { Origin: BASE_URL, Cookie: cookie, "Content-Type": "multipart/form-data; boundary=b0undary" },
  } as RequestInit);
  expect(response.status).toBe(413);
  expect(await response.json()).toEqual({
    error: { code: "too_large", message: "The file is larger than 30 MB: split it into smaller files.", fieldErrors: { file: "Choose a smaller file" } },
  });
  // Cut off near the limit, not read to the end.
  expect(sent).toBeLessThan(total);
  const health = await fetch(`${BASE_URL}/api/health`);
  expect(health.status).toBe(200);
});
