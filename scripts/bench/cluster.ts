// A throwaway PostgreSQL cluster for the benchmark (scripts/pg-test-cluster.sh), with one
// database per purpose.
import { execFileSync } from "node:child_process";
import path from "node:path";

export type Cluster = { url(database: string): string; createDatabase(name: string): Promise<string>; stop(): void };

export function startCluster(root: string, dir: string): Cluster {
  const script = path.join(root, "scripts/pg-test-cluster.sh");
  const base = execFileSync("bash", [script, "start", dir], { encoding: "utf8", stdio: ["ignore", "pipe", "inherit"] }).trim();
  const url = (database: string) => base.replace(/\/postgres$/, `/${database}`);
  return {
    url,
    async createDatabase(name) {
      const { default: postgres } = await import("postgres");
      const admin = postgres(base, { max: 1, onnotice: () => {} });
      try {
        await admin.unsafe(`create database "${name}"`);
      } finally {
        await admin.end();
      }
      return url(name);
    },
    stop: () => execFileSync("bash", [script, "stop", dir], { stdio: "ignore" }),
  };
}
