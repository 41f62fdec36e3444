// Every limit on what a request may send, and on what the app keeps for a user between
// requests, in one place (docs/request-limits.md explains each). next.config.ts reads the
// ones Next.js enforces itself.

const MB = 1024 * 1024;

/** An import file (CSV or XLSX): a 100,000-row score file is ~4 MB. */
export const MAX_IMPORT_FILE_BYTES = 30 * MB;
/** The multipart wrapping around the file (boundaries, headers, the kind field). */
export const MULTIPART_OVERHEAD_BYTES = 64 * 1024;
/** An upload to /api/imports, counted as it arrives, whatever Content-Length says. */
export const MAX_IMPORT_BODY_BYTES = MAX_IMPORT_FILE_BYTES + MULTIPART_OVERHEAD_BYTES;

/** A JSON body sent to /api/v1 (the largest real one, a framework's scores, is a few KB). */
export const MAX_JSON_BODY_BYTES = 1 * MB;

/**
 * A server action's body (Next.js refuses more with 413). The largest form is the
 * framework file (512 KB), sent back base64-encoded (~683 KB) to be loaded.
 */
export const SERVER_ACTION_BODY_LIMIT_BYTES = 1 * MB;
/**
 * What Next.js buffers of a body to pass it through proxy.ts (which runs for page requests,
 * server actions among them). A little above the server actions' limit, so that an
 * oversized action reaches Next's own 413 rather than arriving cut short.
 */
export const PROXY_BODY_LIMIT_BYTES = SERVER_ACTION_BODY_LIMIT_BYTES + 64 * 1024;

/** A checked file not imported within this time is discarded (its contents dropped). */
export const PREVIEW_LIFETIME_HOURS = 24;
/** Checked files waiting to be imported, per user: more are refused until one is imported or discarded. */
export const MAX_PENDING_PREVIEWS_PER_USER = 10;
/** The bytes of those files, in all, per user. */
export const MAX_PENDING_PREVIEW_BYTES_PER_USER = 60 * MB;

/** "30 MB", for messages. */
export function megabytes(bytes: number): string {
  return `${Math.round((bytes / MB) * 10) / 10} MB`;
}
