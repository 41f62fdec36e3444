import { z } from "zod";
import { stripControlCharacters, stripControlCharactersDeep } from "@/lib/control-characters";
import { AppError, badRequest, invalid, tooLarge, type FieldErrors } from "@/lib/errors";
import { readBodyWithin } from "@/lib/http/body-limit";
import { MAX_JSON_BODY_BYTES, megabytes } from "@/lib/request-limits";

function fieldErrorsOf(error: z.ZodError, root: string): FieldErrors {
  const out: FieldErrors = {};
  for (const issue of error.issues) {
    if (issue.code === "unrecognized_keys") {
      for (const key of issue.keys) out[[...issue.path, key].join(".")] ??= `${key} is not a parameter of this endpoint`;
      continue;
    }
    out[issue.path.join(".") || root] ??= issue.message;
  }
  return out;
}

function sentence(fieldErrors: FieldErrors): string {
  return Object.entries(fieldErrors)
    .map(([field, message]) => (message.startsWith(field) ? message : `${field}: ${message}`))
    .join("; ");
}

/**
 * Query parameters by the endpoint's schema, without control characters: an unknown name
 * or a repeated one is an error rather than silently ignored (a BI report filtered on a misspelt parameter would
 * otherwise show everything as if it were filtered).
 */
export function parseQuery<Q extends z.ZodRawShape>(shape: Q, searchParams: URLSearchParams): z.output<z.ZodObject<Q>> {
  const raw: Record<string, string> = {};
  const repeated: FieldErrors = {};
  for (const [key, value] of searchParams) {
    if (Object.hasOwn(raw, key)) repeated[key] = `${key} is given more than once: give it once`;
    raw[key] = stripControlCharacters(value);
  }
  if (Object.keys(repeated).length > 0) throw badRequest(`Bad query parameters: ${sentence(repeated)}.`, repeated);
  const parsed = z.strictObject(shape).safeParse(raw);
  if (!parsed.success) {
    const fieldErrors = fieldErrorsOf(parsed.error, "query");
    throw badRequest(`Bad query parameters: ${sentence(fieldErrors)}.`, fieldErrors);
  }
  return parsed.data;
}

/** Path parameters: a mangled id names nothing, so it is a 404 rather than a 400. */
export function parseParams<P extends z.ZodRawShape>(shape: P, raw: Record<string, string | string[] | undefined>): z.output<z.ZodObject<P>> {
  const parsed = z.object(shape).safeParse(raw);
  if (!parsed.success) throw new AppError("not_found", "Nothing was found at that address: check the id in the path.");
  return parsed.data;
}

/**
 * A JSON body: 400 when it is not JSON at all (or not sent as JSON, which would let a
 * cross-site form post it), 413 past MAX_JSON_BODY_BYTES (counted as it arrives), 422 when
 * it is JSON that the schema refuses. Control characters in its strings are dropped.
 */
export async function parseJsonBody<B extends z.ZodType>(schema: B, request: Request): Promise<z.output<B>> {
  const type = request.headers.get("content-type") ?? "";
  if (!/^application\/json\b/i.test(type.trim())) throw badRequest("Send the body as JSON, with the header “Content-Type: application/json”.");
  const body = await readBodyWithin(request, {
    maxBytes: MAX_JSON_BODY_BYTES,
    refusal: () => tooLarge(`The body is larger than ${megabytes(MAX_JSON_BODY_BYTES)}, the most a request to this API may send: send less at once.`),
  });
  let json: unknown;
  try {
    json = JSON.parse(new TextDecoder("utf-8", { fatal: true }).decode(body));
  } catch {
    throw badRequest("The body is not valid JSON.");
  }
  const parsed = schema.safeParse(stripControlCharactersDeep(json));
  if (!parsed.success) {
    const fieldErrors = fieldErrorsOf(parsed.error, "body");
    throw invalid(`The body was refused: ${sentence(fieldErrors)}.`, fieldErrors);
  }
  return parsed.data;
}
