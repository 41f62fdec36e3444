import { z } from "zod";
import { AppError, badRequest, invalid, type FieldErrors } from "@/lib/errors";

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
 * Query parameters by the endpoint's schema: an unknown name or a repeated one is an
 * error rather than silently ignored (a BI report filtered on a misspelt parameter would
 * otherwise show everything as if it were filtered).
 */
export function parseQuery<Q extends z.ZodRawShape>(shape: Q, searchParams: URLSearchParams): z.output<z.ZodObject<Q>> {
  const raw: Record<string, string> = {};
  const repeated: FieldErrors = {};
  for (const [key, value] of searchParams) {
    if (Object.hasOwn(raw, key)) repeated[key] = `${key} is given more than once: give it once`;
    raw[key] = value;
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
 * cross-site form post it), 422 when it is JSON that the schema refuses.
 */
export async function parseJsonBody<B extends z.ZodType>(schema: B, request: Request): Promise<z.output<B>> {
  const type = request.headers.get("content-type") ?? "";
  if (!/^application\/json\b/i.test(type.trim())) throw badRequest("Send the body as JSON, with the header “Content-Type: application/json”.");
  let json: unknown;
  try {
    json = await request.json();
  } catch {
    throw badRequest("The body is not valid JSON.");
  }
  const parsed = schema.safeParse(json);
  if (!parsed.success) {
    const fieldErrors = fieldErrorsOf(parsed.error, "body");
    throw invalid(`The body was refused: ${sentence(fieldErrors)}.`, fieldErrors);
  }
  return parsed.data;
}
