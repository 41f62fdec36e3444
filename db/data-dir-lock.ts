import fs from "node:fs";
import path from "node:path";
import { makePrivateDir, PRIVATE_FILE_MODE } from "./private-files";

// PGlite has no lock between processes: a second process that opens the same folder
// works without error and its writes, or the server's, are silently lost. Hold a lock
// file with our pid while the folder is open and refuse a second opener.
export function acquireDataDirLock(dataDir: string): () => void {
  makePrivateDir(dataDir);
  const lockPath = path.join(dataDir, "..", `${path.basename(dataDir)}.lock`);
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      fs.writeFileSync(lockPath, String(process.pid), { flag: "wx", mode: PRIVATE_FILE_MODE });
      const release = () => {
        try {
          if (fs.readFileSync(lockPath, "utf8") === String(process.pid)) fs.unlinkSync(lockPath);
        } catch {
          // already gone
        }
      };
      process.once("exit", release);
      return release;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
      const holder = Number(fs.readFileSync(lockPath, "utf8"));
      if (isAlive(holder) && holder !== process.pid) {
        throw new Error(
          `The embedded database in ${dataDir} is in use by process ${holder}. ` +
            `Stop that process first: PGlite cannot be shared between processes (${lockPath}).`,
        );
      }
      fs.rmSync(lockPath, { force: true }); // stale: its process is gone
    }
  }
  throw new Error(`Could not take the lock ${lockPath}`);
}

function isAlive(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}
