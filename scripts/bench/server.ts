// Starts and stops the production server (`next start`, from the existing .next build)
// for the benchmark, and reads its memory.
import { spawn, type ChildProcess } from "node:child_process";
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import net from "node:net";
import path from "node:path";
import { httpGet } from "./load";
import { LOAD_TEST_RATE_LIMITS } from "../../tests/e2e/support/env";

export type RunningServer = { url: string; pid: number; stop(): Promise<void>; rssBytes(): number; output(): string };

/** Which build the benchmark measures; it never builds one itself. */
export function describeBuild(root: string): string {
  const idFile = path.join(root, ".next", "BUILD_ID");
  if (!existsSync(idFile)) throw new Error("No production build in .next: run `npm run build` first (the benchmark measures the build you have).");
  const id = readFileSync(idFile, "utf8").trim();
  return `.next build ${id}, built ${statSync(idFile).mtime.toISOString()}`;
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.on("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

export async function startServer(root: string, env: Record<string, string>, options: { port?: number } = {}): Promise<RunningServer> {
  const port = options.port ?? (await freePort());
  const child: ChildProcess = spawn(process.execPath, [path.join(root, "node_modules/next/dist/bin/next"), "start", "-p", String(port)], {
    cwd: root,
    // Load runs send one user's requests far faster than a person: rate limits raised (docs/rate-limits-and-exports.md).
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1", PORT: String(port), ...LOAD_TEST_RATE_LIMITS, ...env },
    stdio: ["ignore", "pipe", "pipe"],
    detached: true,
  });
  let log = "";
  const keep = (chunk: Buffer) => {
    log = (log + chunk.toString()).slice(-20_000);
  };
  child.stdout!.on("data", keep);
  child.stderr!.on("data", keep);
  const url = `http://localhost:${port}`;
  const deadline = Date.now() + 120_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`next start exited with ${child.exitCode}:\n${log}`);
    const health = await httpGet(`${url}/api/health`).catch(() => null);
    if (health?.status === 200) break;
    if (Date.now() > deadline) {
      process.kill(-child.pid!, "SIGKILL");
      throw new Error(`next start did not become healthy in 120 s:\n${log}`);
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  return {
    url,
    pid: child.pid!,
    output: () => log,
    rssBytes: () => treeRss(child.pid!),
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once("exit", () => resolve());
        process.kill(-child.pid!, "SIGTERM");
        setTimeout(() => child.exitCode === null && process.kill(-child.pid!, "SIGKILL"), 10_000).unref();
      }),
  };
}

/** A process and all its descendants (Linux /proc). */
export function processTree(rootPid: number): number[] {
  const parents = new Map<number, number>();
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, "utf8");
      parents.set(Number(entry), Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]));
    } catch {
      // the process ended while we looked
    }
  }
  const inTree = (pid: number): boolean => pid === rootPid || (pid > 1 && parents.has(pid) && inTree(parents.get(pid)!));
  return [...parents.keys()].filter(inTree);
}

/** Resident memory of a process and all its descendants (Linux /proc). */
export function treeRss(rootPid: number): number {
  let total = 0;
  for (const pid of processTree(rootPid)) {
    try {
      const match = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, "utf8"));
      total += match ? Number(match[1]) * 1024 : 0;
    } catch {
      // ended
    }
  }
  return total;
}
