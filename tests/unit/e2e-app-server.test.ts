import { spawn } from "node:child_process";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { describe, expect, it } from "vitest";
import { ownPorts, startAppServer, waitForHealthy, type AppServer } from "@/tests/e2e/support/app-server";

// The e2e specs' own servers: a taken port or a server that died must fail the spec at once,
// not let another server's health checks pass for it.
describe("e2e app servers", () => {
  it("give every spec a port of its own", () => {
    const ports = Object.values(ownPorts).flat();
    expect(new Set(ports).size).toBe(ports.length);
  });

  it("refuse a port something already listens on", async () => {
    const other = http.createServer((_, res) => res.end("ok"));
    await new Promise<void>((resolve) => other.listen(0, "localhost", resolve));
    const { port } = other.address() as AddressInfo;
    try {
      await expect(startAppServer({ port, env: {} })).rejects.toThrow(`Port ${port} is already in use`);
    } finally {
      other.close();
    }
  });

  it("stop waiting as soon as the server has exited, with what it printed", async () => {
    const child = spawn(process.execPath, ["-e", "console.error('listen EADDRINUSE'); process.exit(3)"], { stdio: ["ignore", "pipe", "pipe"] });
    let output = "";
    child.stderr!.on("data", (chunk: Buffer) => (output += chunk.toString()));
    await new Promise((resolve) => child.once("exit", resolve));
    const server: AppServer = { process: child, baseUrl: "http://localhost:9", output: () => output, stop: async () => {} };
    const started = Date.now();
    await expect(waitForHealthy(server, 30_000)).rejects.toThrow(/exited \(3\):\nlisten EADDRINUSE/);
    expect(Date.now() - started).toBeLessThan(5_000);
  });
});
