// The data folder, its lock and the backups are readable by their owner only (folders
// 0700, files 0600) whatever the umask, and a data folder made world-readable by an
// earlier version is made private at the next start.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { acquireDataDirLock } from "@/db/data-dir-lock";
import { writeAtomically } from "@/db/backup/embedded";
import { tightenDataDir } from "@/db/private-files";

const mode = (file: string) => (fs.statSync(file).mode & 0o777).toString(8);
const dirs: string[] = [];
const temp = () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "dr-private-"));
  dirs.push(dir);
  return dir;
};
let previousUmask = 0;
// The most permissive umask: anything left to it would come out 0777 (folders) or 0666 (files).
beforeAll(() => void (previousUmask = process.umask(0)));
afterAll(() => void process.umask(previousUmask));
afterEach(() => dirs.splice(0).forEach((d) => fs.rmSync(d, { recursive: true, force: true })));

describe("files the app keeps", () => {
  it("makes the embedded database's folders 0700 and its lock file 0600", () => {
    const dataDir = path.join(temp(), "data", "pglite");
    const release = acquireDataDirLock(dataDir);
    try {
      expect(mode(dataDir)).toBe("700");
      expect(mode(path.dirname(dataDir))).toBe("700");
      expect(mode(`${dataDir}.lock`)).toBe("600");
    } finally {
      release();
    }
  });

  it("writes a backup 0600 in new folders 0700, also over a file that was world-readable", () => {
    const file = path.join(temp(), "backups", "a.tar.gz");
    writeAtomically(file, Buffer.from("backup"));
    expect(mode(file)).toBe("600");
    expect(mode(path.dirname(file))).toBe("700");
    fs.chmodSync(file, 0o644);
    writeAtomically(file, Buffer.from("again"));
    expect(mode(file)).toBe("600");
  });

  it("makes an existing world-readable data folder, its backups folder and backups private at start", () => {
    const dataDir = path.join(temp(), "data");
    fs.mkdirSync(path.join(dataDir, "backups"), { recursive: true, mode: 0o755 });
    fs.chmodSync(dataDir, 0o755);
    fs.writeFileSync(path.join(dataDir, "backups", "old.dump"), "x", { mode: 0o644 });
    tightenDataDir(dataDir);
    expect(mode(dataDir)).toBe("700");
    expect(mode(path.join(dataDir, "backups"))).toBe("700");
    expect(mode(path.join(dataDir, "backups", "old.dump"))).toBe("600");
  });
});
