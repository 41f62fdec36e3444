// The server's memory over the soak: the process that serves is the one titled
// next-server. Started as bench/server.ts starts it (node next start) that is the launched
// process itself; started through npm or npx it is a descendant under npm and sh wrappers,
// so it is looked for by name. The samples read its resident memory, with the whole
// process tree's beside it. The trend is the slope of a
// least-squares line through the second half's samples, after start-up and warm-up
// (compiled code, caches and connection pools filling) have settled.
import { readFileSync } from "node:fs";
import { processTree, treeRss } from "../bench/server";

export type MemorySample = { seconds: number; serverRssBytes: number; treeRssBytes: number };


function rssOf(pid: number): number {
  const match = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, "utf8"));
  return match ? Number(match[1]) * 1024 : 0;
}

/** The process that serves: the launcher's descendant called next-server, else the launcher itself. */
export function findServerPid(launcherPid: number): { pid: number; name: string } {
  const named = (pid: number) => {
    try {
      return readFileSync(`/proc/${pid}/cmdline`, "utf8").split("\0").join(" ").trim();
    } catch {
      return "";
    }
  };
  const server = processTree(launcherPid).find((pid) => /next-server/.test(named(pid)));
  return server ? { pid: server, name: named(server) } : { pid: launcherPid, name: named(launcherPid) };
}

export function sampleMemory(launcherPid: number, serverPid: number, seconds: number): MemorySample {
  return { seconds, serverRssBytes: rssOf(serverPid), treeRssBytes: treeRss(launcherPid) };
}

/** Slope in bytes per minute of the least-squares line through (seconds, bytes). */
export function slopePerMinute(points: readonly { seconds: number; bytes: number }[]): number {
  const n = points.length;
  if (n < 2) return Number.NaN;
  const meanX = points.reduce((s, p) => s + p.seconds, 0) / n;
  const meanY = points.reduce((s, p) => s + p.bytes, 0) / n;
  let sxy = 0;
  let sxx = 0;
  for (const p of points) {
    sxy += (p.seconds - meanX) * (p.bytes - meanY);
    sxx += (p.seconds - meanX) ** 2;
  }
  return sxx === 0 ? Number.NaN : (sxy / sxx) * 60;
}

/**
 * How far the serving process's highest memory in the measured run (seconds >= 0) rose
 * above its highest before it (the warm-up, or the start): a leak's footprint when the run
 * is too short for a trend. Peak against peak, because a single sample can fall anywhere
 * on garbage collection's saw-tooth (tens of MB) while both windows hold whole teeth.
 */
export function peakGrowthBytes(samples: readonly MemorySample[]): number {
  const before = samples.filter((s) => s.seconds <= 0).map((s) => s.serverRssBytes);
  const measured = samples.filter((s) => s.seconds >= 0).map((s) => s.serverRssBytes);
  return before.length && measured.length ? Math.max(...measured) - Math.max(...before) : Number.NaN;
}

/** The second half of the run's samples (by time), and their trend in MB per minute. */
export function secondHalfTrend(samples: readonly MemorySample[], durationSeconds: number): { samples: number; mbPerMinute: number } {
  const half = samples.filter((s) => s.seconds >= durationSeconds / 2);
  return { samples: half.length, mbPerMinute: slopePerMinute(half.map((s) => ({ seconds: s.seconds, bytes: s.serverRssBytes }))) / 1024 / 1024 };
}
