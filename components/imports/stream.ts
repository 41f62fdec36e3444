import { readNdjson } from "@/lib/ndjson";
import type { Progress } from "./import-progress";

export type StreamOutcome<T> = { ok: true; result: T } | { ok: false; message: string; fieldErrors: Record<string, string> };

/** Posts to an import route and follows its progress lines until the result or an error. */
export async function postWithProgress<T>(url: string, body: FormData | null, onProgress: (p: Progress) => void): Promise<StreamOutcome<T>> {
  let response: Response;
  try {
    response = await fetch(url, { method: "POST", body, headers: { Accept: "application/x-ndjson" } });
  } catch {
    return { ok: false, message: "The server could not be reached: check your connection and try again. Nothing was imported.", fieldErrors: {} };
  }
  if (!response.ok) {
    const body = (await response.json().catch(() => null)) as { error?: { message?: string; fieldErrors?: Record<string, string> } } | null;
    return { ok: false, message: body?.error?.message ?? `The server answered ${response.status}. Nothing was imported.`, fieldErrors: body?.error?.fieldErrors ?? {} };
  }
  // Without a last line the server's work may still be finishing: say so, and do not
  // claim that nothing happened.
  const lost = "The connection to the server was lost before it finished. It may still be finishing: reload this page in a minute to see the import's status before trying again.";
  let outcome: StreamOutcome<T> = { ok: false, message: lost, fieldErrors: {} };
  try {
    await readNdjson(response, (line) => {
      if (line.type === "progress") onProgress(line);
      else if (line.type === "done") outcome = { ok: true, result: line.result as T };
      else outcome = { ok: false, message: line.message, fieldErrors: {} };
    });
  } catch {
    return { ok: false, message: lost, fieldErrors: {} };
  }
  return outcome;
}
