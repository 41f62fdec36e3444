// The two floors each target is compared with, measured with the same load generator:
// - the database's: the SQL the app issued for one request, replayed directly through
//   postgres.js, statement after statement (as the app's own awaits run them);
// - the network's: the page's HTML served from memory by a bare node:http server.
import http from "node:http";
import type { AddressInfo } from "node:net";
import type { Sql } from "postgres";

export type LoggedQuery = { query: string; params: unknown[] };

export function sqlReplay(sql: Sql, queries: readonly LoggedQuery[]): () => Promise<void> {
  return async () => {
    for (const { query, params } of queries) {
      await sql.unsafe(query, params as never[], { prepare: true });
    }
  };
}

export async function serveFromMemory(body: Buffer, contentType: string): Promise<{ url: string; close(): Promise<void> }> {
  const server = http.createServer((_request, response) => {
    response.writeHead(200, { "Content-Type": contentType, "Content-Length": body.length });
    response.end(body);
  });
  server.keepAliveTimeout = 30_000;
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
