// What the virtual users saw: every request's latency by route, the expected version
// conflicts of concurrent edits counted apart, and errors (any 5xx, network failure or
// unexpected status) with the first few in full.
import { summarise, type LatencySummary } from "../bench/stats";

export type RouteKind = "page" | "api" | "edit";
export type Outcome = "ok" | "conflict" | "error";
export type ErrorDetail = { at: string; elapsedSeconds: number; user: number; method: string; path: string; status: number | null; message: string };

export type RouteSummary = LatencySummary & { name: string; kind: RouteKind; errors: number; conflicts: number };

const KEPT_ERRORS = 10;

export class Recorder {
  private readonly samples = new Map<string, { kind: RouteKind; latencies: number[]; errors: number; conflicts: number }>();
  readonly errorDetails: ErrorDetail[] = [];
  errors = 0;
  conflicts = 0;
  savedEdits = 0;
  /** What error times count from: the start of the load (set by the caller). */
  origin = performance.now();

  /** One answered or failed request; every request counts as served, whatever its outcome. */
  record(route: { name: string; kind: RouteKind }, latencyMs: number, outcome: Outcome, error?: Omit<ErrorDetail, "at" | "elapsedSeconds">): void {
    let entry = this.samples.get(route.name);
    if (!entry) this.samples.set(route.name, (entry = { kind: route.kind, latencies: [], errors: 0, conflicts: 0 }));
    entry.latencies.push(latencyMs);
    if (outcome === "conflict") {
      entry.conflicts++;
      this.conflicts++;
    }
    if (outcome === "error") {
      entry.errors++;
      this.errors++;
      if (error && this.errorDetails.length < KEPT_ERRORS) {
        this.errorDetails.push({ at: new Date().toISOString(), elapsedSeconds: Math.round((performance.now() - this.origin) / 100) / 10, ...error });
      }
    }
  }

  get count(): number {
    let n = 0;
    for (const entry of this.samples.values()) n += entry.latencies.length;
    return n;
  }

  byRoute(): RouteSummary[] {
    return [...this.samples.entries()].map(([name, e]) => ({ name, kind: e.kind, ...summarise(e.latencies), errors: e.errors, conflicts: e.conflicts }));
  }

  byKind(): (LatencySummary & { kind: RouteKind | "all"; errors: number; conflicts: number })[] {
    const kinds: (RouteKind | "all")[] = ["all", "page", "api", "edit"];
    return kinds.map((kind) => {
      const entries = [...this.samples.values()].filter((e) => kind === "all" || e.kind === kind);
      return {
        kind,
        ...summarise(entries.flatMap((e) => e.latencies)),
        errors: entries.reduce((n, e) => n + e.errors, 0),
        conflicts: entries.reduce((n, e) => n + e.conflicts, 0),
      };
    });
  }
}
