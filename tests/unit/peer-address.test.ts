import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, describe, expect, it } from "vitest";
import { installPeerAddressStamp, removePeerAddressStamp } from "@/lib/auth/peer-address";
import { clientAddress, peerAddressHeader } from "@/lib/auth/throttle";

// A real HTTP server, as Next.js's own: the hook must give the handler the connection's
// address whatever the client wrote in X-Forwarded-For or in our own header's name.
describe("the connection's address, stamped on every request", () => {
  const servers: http.Server[] = [];
  afterAll(async () => {
    removePeerAddressStamp();
    await Promise.all(servers.map((s) => new Promise((resolve) => s.close(resolve))));
  });

  it("overwrites a forged header and is what sign-in throttling reads with no proxy trusted", async () => {
    installPeerAddressStamp();
    installPeerAddressStamp(); // twice is once
    const server = http.createServer((request, response) => {
      const headers = new Headers(Object.entries(request.headers).flatMap(([k, v]) => (typeof v === "string" ? [[k, v] as [string, string]] : [])));
      response.end(JSON.stringify({ stamped: request.headers[peerAddressHeader], address: clientAddress(headers, 0) }));
    });
    servers.push(server);
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const { port } = server.address() as AddressInfo;
    const response = await fetch(`http://127.0.0.1:${port}/`, { headers: { "x-forwarded-for": "198.51.100.66", [peerAddressHeader]: "203.0.113.9" } });
    expect(await response.json()).toEqual({ stamped: "127.0.0.1", address: "127.0.0.1" });
  });
});
