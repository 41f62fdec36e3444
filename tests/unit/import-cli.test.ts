import { execFile } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, describe, expect, it } from "vitest";

// `npm run import -- FILE` as an administrator types it, on an embedded database of its own
// (created, migrated and seeded with the demo data by the first run: without the demo
// accounts, so with one administrator whose one-time password the first run prints).
const run = promisify(execFile);
const root = path.join(import.meta.dirname, "../..");
const dir = mkdtempSync(path.join(tmpdir(), "import-cli-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function importFile(args: string[]) {
  try {
    const { stdout, stderr } = await run("npx", ["tsx", "--conditions=react-server", "scripts/import.ts", ...args], {
      cwd: root,
      env: { ...process.env, DATA_DIR: path.join(dir, "data"), DATABASE_URL: "" },
      timeout: 120_000,
    });
    return { code: 0, out: stdout + stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, out: e.stdout + e.stderr };
  }
}

describe("npm run import", () => {
  it("checks, reports errors by line and refuses, then imports a correct file once", { timeout: 180_000 }, async () => {
    const bad = path.join(dir, "bad.csv");
    writeFileSync(bad, "ods_code,framework,period,domain,score\nRTH,DMI-2016,2017-REASSESSMENT,R1,70\nXXX,DMI-2016,2017-REASSESSMENT,R1,70\n");
    const refused = await importFile([bad]);
    expect(refused.code).toBe(1);
    expect(refused.out).toContain("as Administrator <admin@roadmap.local>");
    expect(refused.out).toMatch(/Password: [A-Za-z0-9_-]{20} {3}\(shown once/);
    expect(refused.out).toContain("line 3, ods_code: Unknown ODS code “XXX”");
    expect(refused.out).toContain("1 error: nothing was imported.");

    const good = path.join(dir, "good.csv");
    writeFileSync(good, "ods_code,framework,period,domain,score\nRTH,DMI-2016,2017-REASSESSMENT,R1,70\nRTH,DMI-2016,2017-REASSESSMENT,R2,71\n");
    const dry = await importFile(["--dry-run", good]);
    expect(dry.out, "the one-time password is printed once, at the first start only").not.toContain("Password:");
    expect(dry.out).toContain("Checked 2 rows: 2 to add, 0 to change, 0 unchanged.");
    expect(dry.out).toContain("Dry run: nothing was imported.");
    const done = await importFile([good]);
    expect(done.code).toBe(0);
    // Not a terminal: the progress bar prints a line per tenth, ending at 100%.
    expect(done.out).toMatch(/Importing \[#{30}\] 100%\s+2 rows/);
    expect(done.out).toContain("Imported: 2 added, 0 changed, 0 unchanged.");
    const again = await importFile([good]);
    expect(again.out).toContain("Imported: 0 added, 0 changed, 2 unchanged.");

    const nobody = await importFile(["--as", "nobody@nhs.net", good]);
    expect(nobody).toMatchObject({ code: 1, out: expect.stringContaining("No user nobody@nhs.net.") });
  });
});
