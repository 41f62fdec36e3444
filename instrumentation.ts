// Runs once when the server starts: open the database, apply migrations and, on the
// embedded database, seed the demo data, so that the first request finds it ready.
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  // Whoever logs an error (Next.js logs what a page or an action throws), never with the
  // parameters of a failed query: an import's whole file was logged that way.
  const { logError, redactDatabaseErrorsIn } = await import("./lib/error-log");
  redactDatabaseErrorsIn(console);
  // Before the first request: sign-in throttling counts failures per connection address.
  (await import("./lib/auth/peer-address")).installPeerAddressStamp();
  const { databaseHandle } = await import("./db/client");
  try {
    const handle = await databaseHandle();
    console.log(`Digital Roadmap: database ready (${handle.kind === "pglite" ? "embedded PGlite" : "PostgreSQL"})`);
  } catch (error) {
    // Keep serving: /api/health reports the outage and requests retry the connection.
    logError("Digital Roadmap: the database is not ready yet", error);
  }
}
