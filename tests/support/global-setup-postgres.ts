import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import postgres from "postgres";
import type { TestProject } from "vitest/node";
import { openPostgres } from "@/db/client";
import { migrateDatabase } from "@/db/migrate";
import { seedDemoIfEmpty } from "@/db/seed/seed";
import { shareAcrossProjects } from "./share-across-projects";

// A migrated, seeded template database; each test file clones it (CREATE DATABASE …
// TEMPLATE takes ~0.1 s). scripts/test.sh starts the server; run alone, we start one.
// Made once per run, for both PostgreSQL projects (vitest.config.ts splits the suite in two).
export default async function setup(project: TestProject) {
  const { value, release } = await shareAcrossProjects("postgres-template", async () => {
    let adminUrl = process.env.TEST_DATABASE_URL;
    let clusterDir: string | undefined;
    if (!adminUrl) {
      clusterDir = fs.mkdtempSync(path.join(os.tmpdir(), "dr-pg-"));
      adminUrl = execFileSync("bash", ["scripts/pg-test-cluster.sh", "start", clusterDir], { encoding: "utf8" }).trim();
    }
    const template = `dr_template_${process.pid}`;
    const admin = postgres(adminUrl, { max: 1, onnotice: () => {} });
    await admin.unsafe(`drop database if exists ${template}`);
    await admin.unsafe(`create database ${template}`);
    const handle = await openPostgres(adminUrl.replace(/\/[^/]*$/, `/${template}`));
    await migrateDatabase(handle);
    await seedDemoIfEmpty(handle.db, { accounts: "demo" });
    await handle.close();
    return {
      value: { adminUrl, template },
      dispose: async () => {
        await admin.unsafe(`drop database if exists ${template} with (force)`);
        await admin.end();
        if (clusterDir) {
          execFileSync("bash", ["scripts/pg-test-cluster.sh", "stop", clusterDir]);
          fs.rmSync(clusterDir, { recursive: true, force: true });
        }
      },
    };
  });
  project.provide("postgresAdminUrl", value.adminUrl);
  project.provide("postgresTemplate", value.template);
  return release;
}
