import { spawn, type ChildProcess } from "node:child_process";
import { connect } from "node:net";
import path from "node:path";
import { E2E_PORT, LOAD_TEST_RATE_LIMITS } from "./env";

// The production build started on a port of a spec's own (next start), for specs that need
// a server with its own database or secret. Each spec has its own port, here in one place:
// two specs on one port would have the second's server fail to start while the first's
// answered its health checks (seen in CI, when the faults spec shared the instances spec's).

export const ownPorts = {
  instances: [E2E_PORT + 1, E2E_PORT + 2],
  matrix: E2E_PORT + 3,
  faults: E2E_PORT + 4,
  concurrency: E2E_PORT + 5,
  firstStart: E2E_PORT + 6,
} as const;

const root = path.resolve(import.meta.dirname, "../../..");
const KEEP_OUTPUT_CHARS = 64 * 1024;

export interface AppServer {
  readonly process: ChildProcess;
  readonly baseUrl: string;
  /** What the server has printed (the last 64 kB). */
  output(): string;
  stop(): Promise<void>;
}

/** Whether something already listens on the port (on localhost, as the spec will reach it). */
function portInUse(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect({ host: "localhost", port });
    socket.once("connect", () => (socket.destroy(), resolve(true)));
    socket.once("error", () => resolve(false));
  });
}

/**
 * Starts `next start` on `port` with `env` added to this process's, and waits until its
 * /api/health answers 200. Fails at once if the port is taken or the server exits.
 */
export async function startAppServer({ port, env, timeoutMs = 90_000 }: { port: number; env: Record<string, string>; timeoutMs?: number }): Promise<AppServer> {
  if (await portInUse(port)) throw new Error(`Port ${port} is already in use: another spec's or process's server is on it (see ownPorts in tests/e2e/support/app-server.ts).`);
  const child = spawn(process.execPath, [path.join(root, "node_modules/next/dist/bin/next"), "start", "-p", String(port)], {
    cwd: root,
    // Load specs send one user's requests far faster than a person: rate limits raised (docs/rate-limits-and-exports.md).
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1", PORT: String(port), ...LOAD_TEST_RATE_LIMITS, ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  for (const stream of [child.stdout!, child.stderr!]) {
    stream.on("data", (chunk: Buffer) => {
      output = (output + chunk.toString()).slice(-KEEP_OUTPUT_CHARS);
    });
  }
  const baseUrl = `http://localhost:${port}`;
  const server: AppServer = {
    process: child,
    baseUrl,
    output: () => output,
    stop: async () => {
      if (child.exitCode !== null || child.signalCode !== null) return;
      const exited = new Promise((resolve) => child.once("exit", resolve));
      child.kill("SIGTERM");
      await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 5_000))]);
    },
  };
  try {
    await waitForHealthy(server, timeoutMs);
  } catch (error) {
    await server.stop(); // not left holding the port for the next run
    throw error;
  }
  return server;
}

/** Until the server's /api/health answers 200; how long that took, in ms. */
export async function waitForHealthy(server: AppServer, timeoutMs: number): Promise<number> {
  const started = Date.now();
  while (Date.now() - started < timeoutMs) {
    if (server.process.exitCode !== null || server.process.signalCode !== null) {
      throw new Error(`The server on ${server.baseUrl} exited (${server.process.exitCode ?? server.process.signalCode}):\n${server.output().slice(-3000)}`);
    }
    const ok = await fetch(`${server.baseUrl}/api/health`).then((r) => r.ok, () => false);
    if (ok) return Date.now() - started;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`${server.baseUrl}/api/health was not 200 within ${timeoutMs / 1000} s:\n${server.output().slice(-3000)}`);
}
