import { describe, expect, it } from "vitest";
import { peakGrowthBytes, secondHalfTrend, slopePerMinute, type MemorySample } from "@/scripts/soak/memory";
import { ciMemoryCeilingMb, memoryLimitMbPerMinute, soakChecks, type SoakResult } from "@/scripts/soak/report";

const MB = 1024 * 1024;

/** Samples every 5 s from -90 s to `seconds`, resident memory given by `rss(seconds)` in MB. */
function samples(seconds: number, rss: (t: number) => number): MemorySample[] {
  const out: MemorySample[] = [];
  for (let t = -90; t <= seconds; t += 5) out.push({ seconds: t, serverRssBytes: rss(t) * MB, treeRssBytes: rss(t) * MB * 2 });
  return out;
}

function result(mode: "full" | "ci", memory: MemorySample[], durationSeconds: number): SoakResult {
  const start = memory.find((s) => s.seconds === 0)!.serverRssBytes;
  const page = { kind: "page", count: 10, errors: 0, conflicts: 0, mean: 1, p50: 1, p95: 2, p99: 3, max: 4 };
  return {
    date: "2026-12-03T00:00:00Z",
    machine: "test",
    build: "test",
    command: "npm run soak",
    mode,
    settings: { users: 20, durationSeconds, warmupSeconds: 90, thinkMs: { min: 500, max: 2000 }, editShare: 0.2, apiShare: 0.3, dataSet: "demo", database: "throwaway cluster" },
    dataSet: {},
    accounts: [],
    drafts: [],
    requests: { served: 10, perSecond: 1, byKind: [page], byRoute: [] },
    savedEdits: 1,
    conflicts: 0,
    errors: 0,
    errorDetails: [],
    warmup: { served: 0, errors: 0, conflicts: 0, savedEdits: 0, errorDetails: [] },
    serverErrorLines: [],
    memory: {
      server: "next-server",
      intervalSeconds: 5,
      samples: memory,
      beforeLoadBytes: memory[0]!.serverRssBytes,
      startBytes: start,
      endBytes: memory.at(-1)!.serverRssBytes,
      peakBytes: Math.max(...memory.map((s) => s.serverRssBytes)),
      secondHalf: secondHalfTrend(memory, durationSeconds),
      limitMbPerMinute: memoryLimitMbPerMinute,
      peakGrowthBytes: peakGrowthBytes(memory),
    },
  };
}

const memoryCheck = (r: SoakResult) => soakChecks(r).find((c) => c.title.startsWith("soak: memory"))!;

describe("soak memory", () => {
  it("fits the slope in MB per minute", () => {
    const line = [0, 30, 60].map((seconds) => ({ seconds, bytes: (100 + seconds / 10) * MB }));
    expect(slopePerMinute(line) / MB).toBeCloseTo(6, 9);
    expect(slopePerMinute(line.slice(0, 1))).toBeNaN();
  });

  it("measures growth peak against peak: the measured run's above the warm-up's", () => {
    // Warm-up peaks at 330 MB; the measured run starts at a trough (290) and peaks at 345.
    const memory = samples(60, (t) => (t < 0 ? (t === -30 ? 330 : 300) : 290 + (t === 40 ? 55 : 0)));
    expect(peakGrowthBytes(memory) / MB).toBe(15);
    expect(peakGrowthBytes(memory.filter((s) => s.seconds > 0))).toBeNaN();
  });

  it("in CI, passes a steep saw-tooth and a step up in the heap, and fails a gross leak", () => {
    // A collection's rising edge over the last 30 s: +80 MB/min.
    const sawTooth = result("ci", samples(60, (t) => (t < 30 ? 290 : 290 + ((t - 30) * 80) / 60)), 60);
    expect(sawTooth.memory.secondHalf.mbPerMinute).toBeGreaterThan(memoryLimitMbPerMinute * 10);
    expect(memoryCheck(sawTooth)).toMatchObject({ passed: true, title: expect.stringContaining("no gross leak") });
    // The heap grown by 100 MB in the measured minute's first 15 s, flat after (seen in a CI-sized run).
    const step = result("ci", samples(60, (t) => (t < 0 ? 280 : t < 15 ? 280 + t * 6.7 : 380)), 60);
    expect(memoryCheck(step)).toMatchObject({ passed: true, detail: expect.stringContaining("peak 380 MB, 100 MB above the warm-up's") });
    // 5 MB a second from the start of the load.
    const leak = result("ci", samples(60, (t) => 290 + (t + 90) * 5), 60);
    expect(leak.memory.peakBytes / MB).toBeGreaterThan(ciMemoryCeilingMb);
    expect(memoryCheck(leak).passed).toBe(false);
  });

  it("on a full run, judges the second half's trend against 2 MB/min", () => {
    const flat = result("full", samples(600, (t) => 400 + (t % 60 === 0 ? 10 : 0)), 600);
    expect(memoryCheck(flat)).toMatchObject({ title: "soak: memory has no growth trend", passed: true });
    const creeping = result("full", samples(600, (t) => 400 + (t * 3) / 60), 600);
    expect(creeping.memory.secondHalf.mbPerMinute).toBeCloseTo(3, 6);
    expect(memoryCheck(creeping).passed).toBe(false);
  });
});
