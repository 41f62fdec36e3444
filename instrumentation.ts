// Runs once when the server starts: open the database, apply migrations and, on the
// embedded database, seed the demo data, so that the first request finds it ready.
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  // Before the first request: sign-in throttling counts failures per connection address.
  (await import("./lib/auth/peer-address")).installPeerAddressStamp();
  const { databaseHandle } = await import("./db/client");
  try {
    const handle = await databaseHandle();
    console.log(`Digital Roadmap: database ready (${handle.kind === "pglite" ? "embedded PGlite" : "PostgreSQL"})`);
  } catch (error) {
    // Keep serving: /api/health reports the outage and requests retry the connection.
    console.error("Digital Roadmap: the database is not ready yet", error);
  }
}
