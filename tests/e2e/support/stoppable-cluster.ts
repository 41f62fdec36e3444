// A PostgreSQL cluster of a spec's own (scripts/pg-test-cluster.sh) that the spec can stop
// and start again on the same port and data folder, so that a running app's DATABASE_URL
// stays valid across the outage.
import { execFileSync } from "node:child_process";
import { readdirSync, rmSync } from "node:fs";
import path from "node:path";

export type StopMode = "immediate" | "fast";

export interface StoppableCluster {
  /** The URL of a database in this cluster. */
  url(database: string): string;
  stop(mode: StopMode): void;
  /** Starts the stopped server again with the options it first ran with (postmaster.opts). */
  start(): void;
  /** Stops the server (if running) and deletes its folder. */
  destroy(): void;
}

function pgCtlPath(): string {
  const versions = readdirSync("/usr/lib/postgresql").sort((a, b) => Number(b) - Number(a));
  if (versions.length === 0) throw new Error("PostgreSQL is not installed under /usr/lib/postgresql");
  return `/usr/lib/postgresql/${versions[0]}/bin/pg_ctl`;
}

export function startStoppableCluster(root: string, dir: string): StoppableCluster {
  const script = path.join(root, "scripts/pg-test-cluster.sh");
  const base = execFileSync("bash", [script, "start", dir], { encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] }).trim();
  const pgCtl = pgCtlPath();
  // initdb and postgres refuse to run as root: as root, as the postgres user (like the script).
  const asPostgres = (args: string[]) => {
    const [command, argv] = process.getuid?.() === 0 ? ["runuser", ["-u", "postgres", "--", pgCtl, ...args]] : [pgCtl, args];
    execFileSync(command, argv, { cwd: "/", stdio: "ignore", timeout: 60_000 });
  };
  const data = path.join(dir, "data");
  return {
    url: (database) => base.replace(/\/postgres$/, `/${database}`),
    stop: (mode) => asPostgres(["-D", data, "-m", mode, "-w", "stop"]),
    // pg_ctl restart on a stopped server starts it with the options in postmaster.opts.
    start: () => asPostgres(["-D", data, "-l", path.join(dir, "log"), "-w", "-t", "60", "restart"]),
    destroy: () => {
      execFileSync("bash", [script, "stop", dir], { stdio: "ignore" });
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
