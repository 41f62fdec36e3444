// The benchmark's results as JSON and as the Markdown table the README quotes, with the
// budgets of issue 8 checked against them (full runs only: CI machines are noisy).
import type { LighthouseResult } from "./lighthouse";
import type { LoadResult } from "./load";
import { ratio } from "./stats";
import type { Target } from "./targets";

export type TargetResult = Target & {
  app: LoadResult;
  sqlFloor: LoadResult;
  htmlFloor: LoadResult;
  queries: number;
  htmlBytes: number;
  firstLoadJsGzipBytes: number | null;
  pglite: LoadResult | null;
};

export type ImportResult = { rows: number; written: number; fileBytes: number; database: string; checkMs: number; commitMs: number; rssBeforeBytes: number; peakRssBytes: number };

/** The scores download of every score, in a process of its own: as the route writes it (streamed) and as it used to (whole). */
export type ExportMemoryResult = { format: "csv" | "xlsx"; mode: "streamed" | "whole"; rows: number; fileBytes: number; seconds: number; rssBeforeBytes: number; peakRssBytes: number };

export type BenchResult = {
  date: string;
  machine: string;
  build: string;
  mode: "full" | "smoke";
  settings: { seed: number; scale: number; concurrency: number; durationSeconds: number };
  dataSet: Record<string, number>;
  generateSeconds: number;
  serverRss: { startBytes: number; endBytes: number };
  targets: TargetResult[];
  /** First-load JavaScript (gzipped bytes) of every other page. */
  otherFirstLoadJs: Record<string, number>;
  imports: ImportResult[];
  exportMemory: ExportMemoryResult[];
  /** Desktop Lighthouse on the pages the budget names (none on a smoke run). */
  lighthouse: LighthouseResult[];
};

export const budgets = {
  pageP95Ms: 150,
  apiP95Ms: 50,
  pageToSqlFloorP50: 3,
  firstLoadJsGzipBytes: 150 * 1024,
  importRowsPerSecond: 20_000,
  lighthousePerformance: 95,
  lighthouseAccessibility: 100,
};

export type BudgetCheck = { what: string; limit: string; measured: string; met: boolean };

export function checkBudgets(result: BenchResult): BudgetCheck[] {
  const checks: BudgetCheck[] = [];
  for (const t of result.targets) {
    const p95Limit = t.kind === "page" ? budgets.pageP95Ms : budgets.apiP95Ms;
    checks.push({ what: `${t.name} p95`, limit: `≤ ${p95Limit} ms`, measured: `${ms(t.app.p95)} ms`, met: t.app.p95 <= p95Limit && t.app.errors === 0 });
    if (t.kind === "page") {
      const r = ratio(t.app.p50, t.sqlFloor.p50);
      checks.push({ what: `${t.name} p50 / SQL floor p50`, limit: `≤ ${budgets.pageToSqlFloorP50}×`, measured: `${fixed(r)}×`, met: r <= budgets.pageToSqlFloorP50 });
    }
    if (t.firstLoadJsGzipBytes !== null) {
      checks.push({ what: `${t.name} first-load JS`, limit: `≤ ${kb(budgets.firstLoadJsGzipBytes)} kB`, measured: `${kb(t.firstLoadJsGzipBytes)} kB`, met: t.firstLoadJsGzipBytes <= budgets.firstLoadJsGzipBytes });
    }
  }
  for (const [page, bytes] of Object.entries(result.otherFirstLoadJs)) {
    checks.push({ what: `${page} first-load JS`, limit: `≤ ${kb(budgets.firstLoadJsGzipBytes)} kB`, measured: `${kb(bytes)} kB`, met: bytes <= budgets.firstLoadJsGzipBytes });
  }
  for (const i of result.imports) {
    const rate = importRate(i);
    checks.push({ what: `Import ${i.rows.toLocaleString("en-GB")} rows (check + commit)`, limit: `≥ ${budgets.importRowsPerSecond.toLocaleString("en-GB")} rows/s`, measured: `${Math.round(rate).toLocaleString("en-GB")} rows/s`, met: rate >= budgets.importRowsPerSecond });
  }
  for (const l of result.lighthouse) {
    checks.push({ what: `Lighthouse performance ${l.path}`, limit: `≥ ${budgets.lighthousePerformance}`, measured: String(l.performance), met: l.performance >= budgets.lighthousePerformance });
    checks.push({ what: `Lighthouse accessibility ${l.path}`, limit: `${budgets.lighthouseAccessibility}`, measured: String(l.accessibility), met: l.accessibility >= budgets.lighthouseAccessibility });
  }
  return checks;
}

/** Rows per second for the whole import: the check and the commit. */
export function importRate(i: ImportResult): number {
  return i.rows / ((i.checkMs + i.commitMs) / 1000);
}

const ms = (x: number) => (Number.isFinite(x) ? (x < 10 ? x.toFixed(1) : x.toFixed(0)) : "–");
const fixed = (x: number) => (Number.isFinite(x) ? x.toFixed(1) : "–");
const kb = (bytes: number) => (bytes / 1024).toFixed(0);
const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MB`;

export function toMarkdown(result: BenchResult): string {
  const lines: string[] = [];
  const s = result.settings;
  lines.push(`Measured ${result.date} on ${result.machine}; ${result.build}; ${result.mode} run.`);
  lines.push(`National data set: seed ${s.seed}, scale ${s.scale} (${Object.entries(result.dataSet).map(([k, v]) => `${v.toLocaleString("en-GB")} ${k}`).join(", ")}), generated in ${result.generateSeconds.toFixed(0)} s.`);
  lines.push(`Load: ${s.concurrency} concurrent keep-alive clients for ${s.durationSeconds} s per row, signed in as the administrator (pages) or with their read token (API). Latencies in ms.`);
  lines.push("");
  lines.push("| Target | req/s | p50 | p95 | p99 | errors | SQL queries | SQL floor p50 | × SQL floor | HTML floor p50 | × HTML floor | HTML kB | first-load JS kB (gzip) | PGlite p50 | PGlite ÷ PostgreSQL |");
  lines.push("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
  for (const t of result.targets) {
    lines.push(
      `| ${t.name} | ${t.app.rps.toFixed(0)} | ${ms(t.app.p50)} | ${ms(t.app.p95)} | ${ms(t.app.p99)} | ${t.app.errors} | ${t.queries} | ${ms(t.sqlFloor.p50)} | ${fixed(ratio(t.app.p50, t.sqlFloor.p50))} | ${ms(t.htmlFloor.p50)} | ${fixed(ratio(t.app.p50, t.htmlFloor.p50))} | ${kb(t.htmlBytes)} | ${t.firstLoadJsGzipBytes === null ? "–" : kb(t.firstLoadJsGzipBytes)} | ${t.pglite ? ms(t.pglite.p50) : "–"} | ${t.pglite ? fixed(ratio(t.pglite.p50, t.app.p50)) : "–"} |`,
    );
  }
  lines.push("");
  const others = Object.entries(result.otherFirstLoadJs);
  if (others.length) {
    const largest = others.reduce((a, b) => (b[1] > a[1] ? b : a));
    lines.push(`First-load JS of the ${others.length} other pages: at most ${kb(largest[1])} kB gzipped (${largest[0]}).`);
    lines.push("");
  }
  lines.push(`Server memory (resident, PostgreSQL run): ${mb(result.serverRss.startBytes)} after start-up and capture, ${mb(result.serverRss.endBytes)} after every load.`);
  if (result.imports.length) {
    lines.push("");
    lines.push("| Import (score file, PostgreSQL) | file | check | commit | rows/s (check + commit) | peak memory |");
    lines.push("|---|---:|---:|---:|---:|---:|");
    for (const i of result.imports) {
      lines.push(`| ${i.rows.toLocaleString("en-GB")} rows | ${mb(i.fileBytes)} | ${(i.checkMs / 1000).toFixed(1)} s | ${(i.commitMs / 1000).toFixed(1)} s | ${Math.round(importRate(i)).toLocaleString("en-GB")} | ${mb(i.peakRssBytes)} |`);
    }
  }
  if (result.exportMemory.length) {
    lines.push("");
    lines.push("| Download of every score (PostgreSQL) | rows | file | time | memory over baseline (peak resident) |");
    lines.push("|---|---:|---:|---:|---:|");
    for (const e of result.exportMemory) {
      lines.push(`| ${e.format.toUpperCase()}, ${e.mode === "streamed" ? "streamed a page at a time" : "whole in memory (before)"} | ${e.rows.toLocaleString("en-GB")} | ${mb(e.fileBytes)} | ${e.seconds.toFixed(1)} s | ${mb(e.peakRssBytes - e.rssBeforeBytes)} |`);
    }
  }
  if (result.lighthouse.length) {
    lines.push("");
    lines.push("| Lighthouse (desktop, Debian Chromium) | performance | accessibility | LCP | TBT | CLS |");
    lines.push("|---|---:|---:|---:|---:|---:|");
    for (const l of result.lighthouse) lines.push(`| ${l.path} | ${l.performance} | ${l.accessibility} | ${ms(l.lcpMs)} ms | ${ms(l.tbtMs)} ms | ${l.cls.toFixed(3)} |`);
  }
  lines.push("");
  if (result.mode === "smoke") {
    lines.push("Budgets are not checked on a smoke run.");
  } else {
    const checks = checkBudgets(result);
    const missed = checks.filter((c) => !c.met);
    lines.push(`Budgets: ${checks.length - missed.length} of ${checks.length} met.`);
    if (missed.length) {
      lines.push("");
      lines.push("| Missed budget | limit | measured |");
      lines.push("|---|---:|---:|");
      for (const c of missed) lines.push(`| ${c.what} | ${c.limit} | ${c.measured} |`);
    }
  }
  return lines.join("\n") + "\n";
}
