import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type { TestProject } from "vitest/node";
import { openPglite } from "@/db/client";
import { migrateDatabase } from "@/db/migrate";
import { seedDemoIfEmpty } from "@/db/seed/seed";

// A fresh PGlite costs seconds to migrate and seed: do it once, snapshot it, and let each
// test file start from a copy of the snapshot.
export default async function setup(project: TestProject) {
  const handle = await openPglite(undefined);
  await migrateDatabase(handle);
  await seedDemoIfEmpty(handle.db);
  const dump = await handle.client.dumpDataDir("none");
  await handle.close();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "dr-pglite-"));
  const file = path.join(dir, "snapshot.tar");
  fs.writeFileSync(file, Buffer.from(await dump.arrayBuffer()));
  project.provide("pgliteSnapshot", file);
  return () => fs.rmSync(dir, { recursive: true, force: true });
}

declare module "vitest" {
  export interface ProvidedContext {
    pgliteSnapshot: string;
    postgresAdminUrl: string;
    postgresTemplate: string;
  }
}
