import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type { TestProject } from "vitest/node";
import { openPglite } from "@/db/client";
import { migrateDatabase } from "@/db/migrate";
import { seedDemoIfEmpty } from "@/db/seed/seed";
import { shareAcrossProjects } from "./share-across-projects";

// A fresh PGlite costs seconds to migrate and seed: do it once, snapshot it, and let each
// test file start from a copy of the snapshot. Made once per run, for both PGlite projects
// (vitest.config.ts splits the suite in two).
export default async function setup(project: TestProject) {
  const { value: file, release } = await shareAcrossProjects("pglite-snapshot", async () => {
    const handle = await openPglite(undefined);
    await migrateDatabase(handle);
    await seedDemoIfEmpty(handle.db, { accounts: "demo" });
    const dump = await handle.client.dumpDataDir("none");
    await handle.close();
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "dr-pglite-"));
    const file = path.join(dir, "snapshot.tar");
    fs.writeFileSync(file, Buffer.from(await dump.arrayBuffer()));
    return { value: file, dispose: () => fs.rmSync(dir, { recursive: true, force: true }) };
  });
  project.provide("pgliteSnapshot", file);
  return release;
}

declare module "vitest" {
  export interface ProvidedContext {
    pgliteSnapshot: string;
    postgresAdminUrl: string;
    postgresTemplate: string;
  }
}
