// The benchmark's other programs, run as separate processes so that their memory and the
// data-dir lock are their own: the national data generator and the import benchmark.
import { spawn } from "node:child_process";
import path from "node:path";

export function runScript(root: string, script: string, args: string[], env: Record<string, string>, options: { echo?: boolean } = {}): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [path.join(root, "node_modules/tsx/dist/cli.mjs"), "--conditions=react-server", path.join(root, script), ...args], {
      cwd: root,
      env: { ...process.env, ...env },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let out = "";
    let err = "";
    child.stdout.on("data", (chunk: Buffer) => {
      out += chunk.toString();
      if (options.echo) process.stdout.write(chunk);
    });
    child.stderr.on("data", (chunk: Buffer) => {
      err += chunk.toString();
      if (options.echo) process.stderr.write(chunk);
    });
    child.on("error", reject);
    child.on("exit", (code) => (code === 0 ? resolve(out) : reject(new Error(`${script} exited with ${code}:\n${err.slice(-4000)}${out.slice(-2000)}`))));
  });
}

/** The last line of a program's output that is a JSON object. */
export function lastJsonLine<T>(output: string): T {
  const line = output.trim().split("\n").reverse().find((l) => l.startsWith("{"));
  if (!line) throw new Error(`no JSON result in:\n${output.slice(-2000)}`);
  return JSON.parse(line) as T;
}
