import { toAppError } from "./errors";

// Long jobs (checking or committing a large import) answer with newline-delimited JSON:
// progress lines while they run, then one line with the result or the error. The browser
// reads the lines as they come, so the user sees the progress.

export type StreamLine =
  | { type: "progress"; phase: string; rows: number; fraction: number }
  | { type: "done"; result: unknown }
  | { type: "error"; code: string; message: string };

export function ndjsonResponse(work: (send: (line: StreamLine) => void) => Promise<unknown>): Response {
  const encoder = new TextEncoder();
  const stream = new ReadableStream<Uint8Array>({
    async start(controller) {
      // A reader that went away (a closed tab) does not stop the work: a commit still finishes.
      const send = (line: StreamLine) => {
        try {
          controller.enqueue(encoder.encode(`${JSON.stringify(line)}\n`));
        } catch {
          // nobody is listening any more
        }
      };
      try {
        send({ type: "done", result: await work(send) });
      } catch (error) {
        const e = toAppError(error);
        send({ type: "error", code: e.code, message: e.message });
      }
      try {
        controller.close();
      } catch {
        // already cancelled by the reader
      }
    },
  });
  return new Response(stream, { headers: { "Content-Type": "application/x-ndjson; charset=utf-8", "Cache-Control": "no-store", "X-Accel-Buffering": "no" } });
}

/** Reads an NDJSON body line by line (in the browser or a test). */
export async function readNdjson(response: Response, onLine: (line: StreamLine) => void): Promise<void> {
  if (!response.body) return;
  const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
  let buffered = "";
  for (;;) {
    const { value, done } = await reader.read();
    if (value) buffered += value;
    let newline: number;
    while ((newline = buffered.indexOf("\n")) >= 0) {
      const text = buffered.slice(0, newline).trim();
      buffered = buffered.slice(newline + 1);
      if (text) onLine(JSON.parse(text) as StreamLine);
    }
    if (done) break;
  }
  if (buffered.trim()) onLine(JSON.parse(buffered) as StreamLine);
}
