import { afterAll, beforeAll } from "vitest";
import { openTestDatabase, type TestDatabase } from "./test-database";
import { useDatabaseHandle } from "@/db/client";

// Each integration test file gets a database of its own, seeded with the demo data, and
// the app's queries and commands are pointed at it.
let current: TestDatabase | undefined;

beforeAll(async () => {
  current = await openTestDatabase();
  useDatabaseHandle(current.handle);
});

afterAll(async () => {
  await current?.dispose();
});
