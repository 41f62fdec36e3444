import { spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { readFileSync } from "node:fs";
import path from "node:path";
import postgres from "postgres";
import { startAppServer, type AppServer } from "../support/app-server";

// A production server of its own, on a PostgreSQL database of its own in the test cluster
// (TEST_DATABASE_URL), seeded with the demo data and accounts as the embedded database
// seeds itself. The app migrates PostgreSQL on start; the seed script migrates first too.

const root = path.resolve(import.meta.dirname, "../../..");

export interface OwnServer {
  baseUrl: string;
  databaseUrl: string;
  /** CPU seconds the server process has used so far (user and system), from /proc. */
  cpuSeconds(): number;
  stop(): Promise<void>;
}

export async function startOwnServer({ port, prefix }: { port: number; prefix: string }): Promise<OwnServer> {
  const adminUrl = process.env.TEST_DATABASE_URL;
  if (!adminUrl) throw new Error("TEST_DATABASE_URL must name the test PostgreSQL cluster (npm test starts one; or `bash scripts/pg-test-cluster.sh start DIR`).");
  const database = `${prefix}_${randomBytes(6).toString("hex")}`;
  const admin = postgres(adminUrl, { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database ${database}`);
  await admin.end();
  const databaseUrl = adminUrl.replace(/\/[^/]*$/, `/${database}`);
  let server: AppServer | undefined;
  const stop = async () => {
    await server?.stop();
    const dropper = postgres(adminUrl, { max: 1, onnotice: () => {} });
    await dropper.unsafe(`drop database if exists ${database} with (force)`);
    await dropper.end();
  };
  try {
    const seeded = spawnSync(process.execPath, [path.join(root, "node_modules/tsx/dist/cli.mjs"), "--conditions=react-server", "tests/e2e/support/seed-demo.ts"], {
      cwd: root,
      env: { ...process.env, DATABASE_URL: databaseUrl },
      encoding: "utf8",
    });
    if (seeded.status !== 0) throw new Error(`Seeding the demo data failed:\n${seeded.stdout}\n${seeded.stderr}`);
    server = await startAppServer({ port, env: { DATABASE_URL: databaseUrl, AUTH_SECRET: randomBytes(33).toString("base64") } });
    const pid = server.process.pid!;
    return { baseUrl: server.baseUrl, databaseUrl, stop, cpuSeconds: () => processCpuSeconds(pid) };
  } catch (error) {
    await stop();
    throw error;
  }
}

function processCpuSeconds(pid: number): number {
  // Fields 14 and 15 of /proc/PID/stat (after the parenthesised name): utime and stime, in clock ticks of 1/100 s.
  const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
  const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
  return (Number(fields[11]) + Number(fields[12])) / 100;
}

