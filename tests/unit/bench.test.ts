import http from "node:http";
import type { AddressInfo } from "node:net";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { firstLoadJsBytes, scriptSources } from "@/scripts/bench/first-load-js";
import { runLoad } from "@/scripts/bench/load";
import { budgets, checkBudgets, importRate, toMarkdown, type BenchResult, type TargetResult } from "@/scripts/bench/report";
import { percentile, ratio, summarise } from "@/scripts/bench/stats";

describe("percentiles", () => {
  it("uses the nearest rank", () => {
    const samples = Array.from({ length: 100 }, (_, i) => 100 - i); // 100..1, unsorted
    expect(percentile(samples, 50)).toBe(50);
    expect(percentile(samples, 95)).toBe(95);
    expect(percentile(samples, 99)).toBe(99);
    expect(percentile(samples, 100)).toBe(100);
    expect(percentile([7], 1)).toBe(7);
    expect(() => percentile([1], 0)).toThrow(RangeError);
  });

  it("are ordered, and lie between the smallest and largest sample", () => {
    fc.assert(
      fc.property(fc.array(fc.double({ min: 0, max: 1e6, noNaN: true }), { minLength: 1 }), (samples) => {
        const s = summarise(samples);
        expect(s.count).toBe(samples.length);
        expect(s.p50).toBeLessThanOrEqual(s.p95);
        expect(s.p95).toBeLessThanOrEqual(s.p99);
        expect(s.p99).toBeLessThanOrEqual(s.max);
        expect(s.p50).toBeGreaterThanOrEqual(Math.min(...samples));
        expect(s.max).toBe(Math.max(...samples));
      }),
    );
  });

  it("has no ratio with a missing or zero floor", () => {
    expect(ratio(30, 10)).toBe(3);
    expect(ratio(30, 0)).toBeNaN();
    expect(ratio(Number.NaN, 10)).toBeNaN();
  });
});

describe("load generator", () => {
  it("counts each completed operation once and each failure as an error", async () => {
    let calls = 0;
    const result = await runLoad(
      async () => {
        const call = ++calls;
        await new Promise((r) => setTimeout(r, 2));
        if (call % 5 === 0) throw new Error("every fifth fails");
      },
      { concurrency: 4, durationMs: 150 },
    );
    expect(result.count + result.errors).toBe(calls);
    expect(result.errors).toBe(Math.floor(calls / 5));
    expect(result.firstError).toBe("every fifth fails");
    expect(result.p50).toBeGreaterThanOrEqual(1.5);
    expect(result.rps).toBeGreaterThan(0);
  });
});

describe("first-load JavaScript", () => {
  const html = [
    '<script src="/_next/static/chunks/a.js" async=""></script>',
    '<script src="/_next/static/chunks/polyfill.js" noModule=""></script>',
    '<script>self.__next_f.push([1,"inline"])</script>',
    '<script src="/_next/static/chunks/b.js?dpl=1&amp;x=2" async=""></script>',
    '<script src="/_next/static/chunks/a.js" async=""></script>',
  ].join("");

  it("counts each referenced script once, not inline or nomodule ones", () => {
    expect(scriptSources(html)).toEqual(["/_next/static/chunks/a.js", "/_next/static/chunks/b.js?dpl=1&x=2"]);
  });

  let server: http.Server;
  let base: string;
  beforeAll(async () => {
    server = http.createServer((request, response) => {
      const bodies: Record<string, string> = { "/_next/static/chunks/a.js": "a".repeat(10_000), "/_next/static/chunks/b.js": "let x = 1;" };
      const body = bodies[new URL(request.url!, "http://x").pathname];
      response.writeHead(body ? 200 : 404).end(body ?? "");
    });
    await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((r) => server.close(() => r())));

  it("sums the gzipped size of the scripts (repetitive text compresses)", async () => {
    const { gzipBytes, scripts } = await firstLoadJsBytes(base, html);
    expect(scripts).toBe(2);
    expect(gzipBytes).toBeGreaterThan(40); // two gzip streams, with headers
    expect(gzipBytes).toBeLessThan(200); // 10,000 repeated bytes compress to almost nothing
  });

  it("fails when a script is missing", async () => {
    await expect(firstLoadJsBytes(base, '<script src="/missing.js"></script>')).rejects.toThrow("HTTP 404");
  });
});

describe("report and budgets", () => {
  const load = (p50: number, p95: number, errors = 0) => ({ count: 100, p50, p95, p99: p95, mean: p50, max: p95, rps: 100, errors });
  const target = (over: Partial<TargetResult>): TargetResult => ({
    name: "Heatmap",
    kind: "page",
    path: "/maturity",
    app: load(40, 120),
    sqlFloor: load(20, 30),
    htmlFloor: load(1, 2),
    queries: 9,
    htmlBytes: 90_000,
    firstLoadJsGzipBytes: 100 * 1024,
    pglite: null,
    ...over,
  });
  const result = (targets: TargetResult[], mode: "full" | "smoke" = "full"): BenchResult => ({
    date: "2026-11-25T00:00:00Z",
    machine: "test",
    build: "test build",
    mode,
    settings: { seed: 1, scale: 1, concurrency: 10, durationSeconds: 10 },
    dataSet: { organisations: 1500 },
    generateSeconds: 60,
    serverRss: { startBytes: 1, endBytes: 2 },
    targets,
    otherFirstLoadJs: { "/board-pack": 160 * 1024 },
    imports: [{ rows: 100_000, written: 100_000, fileBytes: 1, database: "postgres", checkMs: 2000, commitMs: 3000, rssBeforeBytes: 1, peakRssBytes: 2 }],
    exportMemory: [
      { format: "xlsx", mode: "streamed", rows: 296_648, fileBytes: 5 * 1024 * 1024, seconds: 20, rssBeforeBytes: 100 * 1024 * 1024, peakRssBytes: 140 * 1024 * 1024 },
      { format: "xlsx", mode: "whole", rows: 296_648, fileBytes: 5 * 1024 * 1024, seconds: 25, rssBeforeBytes: 100 * 1024 * 1024, peakRssBytes: 900 * 1024 * 1024 },
    ],
    lighthouse: [
      { path: "/maturity", performance: 99, accessibility: 100, lcpMs: 500, tbtMs: 0, cls: 0 },
      { path: "/trajectories", performance: 90, accessibility: 96, lcpMs: 900, tbtMs: 120, cls: 0.01 },
    ],
  });

  it("checks every budget and names the ones missed", () => {
    const checks = checkBudgets(
      result([
        target({}),
        target({ name: "Trajectories", app: load(90, 200), firstLoadJsGzipBytes: 200 * 1024 }),
        target({ name: "API scores", kind: "api", path: "/api/v1/scores", app: load(20, 49), firstLoadJsGzipBytes: null }),
        target({ name: "API targets", kind: "api", path: "/api/v1/targets", app: load(20, 40, 3), firstLoadJsGzipBytes: null }),
      ]),
    );
    const missed = checks.filter((c) => !c.met).map((c) => c.what);
    expect(missed).toEqual(["Trajectories p95", "Trajectories p50 / SQL floor p50", "Trajectories first-load JS", "API targets p95", "/board-pack first-load JS", "Lighthouse performance /trajectories", "Lighthouse accessibility /trajectories"]);
    expect(checks.filter((c) => c.met).map((c) => c.what)).toEqual([
      "Heatmap p95",
      "Heatmap p50 / SQL floor p50",
      "Heatmap first-load JS",
      "API scores p95",
      "Import 100,000 rows (check + commit)",
      "Lighthouse performance /maturity",
      "Lighthouse accessibility /maturity",
    ]);
    expect(importRate(result([]).imports[0]!)).toBe(20_000);
    expect(budgets.importRowsPerSecond).toBe(20_000);
  });

  it("prints one table row per target, and budgets only on a full run", () => {
    const full = toMarkdown(result([target({}), target({ name: "API scores", kind: "api", firstLoadJsGzipBytes: null })]));
    expect(full).toContain("| Heatmap | 100 | 40 | 120 | 120 | 0 | 9 | 20 | 2.0 | 1.0 | 40.0 | 88 | 100 | – | – |");
    expect(full).toContain("| API scores |");
    expect(full).toContain("Budgets: 6 of 10 met."); // the API row keeps the page's p95 of 120 ms
    expect(full).toContain("| /trajectories | 90 | 96 | 900 ms | 120 ms | 0.010 |");
    expect(full).toContain("| Lighthouse performance /trajectories | ≥ 95 | 90 |");
    expect(full).toContain("| API scores p95 | ≤ 50 ms | 120 ms |");
    expect(full).toContain("| /board-pack first-load JS | ≤ 150 kB | 160 kB |");
    const smoke = toMarkdown(result([target({})], "smoke"));
    expect(smoke).toContain("Budgets are not checked on a smoke run.");
    expect(smoke).not.toContain("Budgets:");
  });

  it("prints the memory of the download of every score, streamed and whole", () => {
    const full = toMarkdown(result([target({})]));
    expect(full).toContain("| XLSX, streamed a page at a time | 296,648 | 5 MB | 20.0 s | 40 MB |");
    expect(full).toContain("| XLSX, whole in memory (before) | 296,648 | 5 MB | 25.0 s | 800 MB |");
  });
});
