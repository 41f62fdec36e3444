// Runs once when the server starts: open the database, apply migrations and, on the
// embedded database, seed the demo data, so that the first request finds it ready.
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { databaseHandle } = await import("./db/client");
  try {
    const handle = await databaseHandle();
    console.log(`Digital Roadmap: database ready (${handle.kind === "pglite" ? "embedded PGlite" : "PostgreSQL"})`);
  } catch (error) {
    // Keep serving: /api/health reports the outage and requests retry the connection.
    console.error("Digital Roadmap: the database is not ready yet", error);
  }
}
