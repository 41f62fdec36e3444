// Errors are logged without the values their query carried. Drizzle puts every parameter of
// a failed query into its error's message ("Failed query: … params: …"): a failed insert of
// an import logged the whole file. The database drivers keep them too (postgres.js in
// `parameters`, PGlite in `params`), and PostgreSQL quotes the offending value in a data
// error's message and the failing row in its detail. What is logged instead: the SQL text
// (with $1 placeholders), the SQLSTATE code, the names of the constraint, table and column,
// and the stack.

/** What a database error may say that is about the statement, not the data in it. */
const statementFields = ["code", "severity", "routine", "constraint", "constraint_name", "table", "table_name", "column", "column_name", "schema", "schema_name", "dataType", "position"] as const;

const sqlState = /^[0-9A-Z]{5}$/;

function field(error: object, name: string): unknown {
  return (error as Record<string, unknown>)[name];
}

/** A failed query's error: Drizzle's wrapper or a driver's own. */
function fromDatabase(error: Error): boolean {
  const code = field(error, "code");
  return "params" in error || "parameters" in error || (typeof code === "string" && sqlState.test(code) && "severity" in error);
}

function safeMessage(error: Error): string {
  const query = field(error, "query");
  // Drizzle's wrapper: the message is the query and its parameters.
  if ("params" in error && typeof query === "string" && error.message.startsWith("Failed query:")) return `Failed query: ${query}`;
  const code = field(error, "code");
  // Class 22 (data exception) quotes the value it refused: `invalid input syntax for type uuid: "…"`.
  if (typeof code === "string" && code.startsWith("22")) return error.message.replace(/"[^"]*"/g, '"…"');
  return error.message;
}

function framesOf(stack: string | undefined): string {
  return (stack ?? "")
    .split("\n")
    .filter((line) => /^\s+at /.test(line))
    .join("\n");
}

/**
 * The error as it may be logged: a copy without query parameters where it (or an error it
 * wraps) came from the database; anything else unchanged.
 */
export function loggableError(error: unknown, depth = 0): unknown {
  if (!(error instanceof Error) || depth > 5) return error;
  const cause = "cause" in error ? loggableError(error.cause, depth + 1) : undefined;
  const nested = error instanceof AggregateError ? error.errors.map((e: unknown) => loggableError(e, depth + 1)) : undefined;
  const unchanged = cause === (error as { cause?: unknown }).cause && (!nested || nested.every((e, i) => e === (error as AggregateError).errors[i]));
  if (!fromDatabase(error) && unchanged) return error;
  const message = fromDatabase(error) ? safeMessage(error) : error.message;
  const copy = Object.assign(new Error(message), { name: error.name }) as Error & Record<string, unknown>;
  copy.stack = `${error.name}: ${message}\n${framesOf(error.stack)}`;
  if (fromDatabase(error)) {
    for (const name of statementFields) if (field(error, name) !== undefined) copy[name] = field(error, name);
    const query = field(error, "query");
    if (typeof query === "string") copy.query = query;
  } else if (field(error, "code") !== undefined) {
    copy.code = field(error, "code");
  }
  if (cause !== undefined) copy.cause = cause;
  if (nested) copy.errors = nested;
  return copy;
}

/** console.error, with every error argument made loggable. */
export function logError(...args: unknown[]): void {
  console.error(...args.map((arg) => loggableError(arg)));
}

const redacted = Symbol.for("digital-roadmap.console-redacted");

/**
 * Makes a console's error and warn log errors without query parameters, whoever logs them
 * (Next.js logs an error a page or an action throws). Installed once at server start
 * (instrumentation.ts); a second call changes nothing.
 */
export function redactDatabaseErrorsIn(target: Pick<Console, "error" | "warn">): void {
  const marked = target as typeof target & { [redacted]?: true };
  if (marked[redacted]) return;
  for (const method of ["error", "warn"] as const) {
    const original = target[method].bind(target);
    target[method] = (...args: unknown[]) => original(...args.map((arg) => loggableError(arg)));
  }
  marked[redacted] = true;
}
