// The production dependency audit: npm's own (`npm audit --omit=dev`), and when npm's
// audit endpoint cannot be reached, our list of known advisories (advisories.json) checked
// against the versions package-lock.json installs. Either way, any high or critical
// advisory fails.
import semver from "semver";

export type Severity = "info" | "low" | "moderate" | "high" | "critical";
const serious = (severity: string) => severity === "high" || severity === "critical";

export interface Finding {
  package: string;
  version?: string;
  severity: string;
  title: string;
}

/** npm audit --json's answer: its high and critical findings, or null when it is an error (no audit happened). */
export function seriousFromNpmAudit(json: unknown): Finding[] | null {
  const report = json as { vulnerabilities?: Record<string, { severity: string; via: unknown[] }>; error?: unknown; statusCode?: number };
  if (!report || typeof report !== "object" || !report.vulnerabilities || report.error || report.statusCode) return null;
  return Object.entries(report.vulnerabilities)
    .filter(([, v]) => serious(v.severity))
    .map(([name, v]) => ({
      package: name,
      severity: v.severity,
      title: v.via.map((via) => (typeof via === "string" ? `via ${via}` : (via as { title?: string }).title ?? "")).join("; "),
    }));
}

export interface Advisory {
  id: string;
  package: string;
  severity: Severity;
  title: string;
  vulnerable: string;
}

/** Every production package version in a package-lock.json (lockfile v2/v3), by name. */
export function productionVersions(lock: { packages?: Record<string, { version?: string; dev?: boolean }> }): Map<string, Set<string>> {
  const found = new Map<string, Set<string>>();
  for (const [where, entry] of Object.entries(lock.packages ?? {})) {
    if (!where || entry.dev || !entry.version) continue;
    const name = where.slice(where.lastIndexOf("node_modules/") + "node_modules/".length);
    (found.get(name) ?? found.set(name, new Set()).get(name)!).add(entry.version);
  }
  return found;
}

/** The known high and critical advisories that an installed production version falls in. */
export function seriousFromAdvisories(advisories: readonly Advisory[], installed: Map<string, Set<string>>): Finding[] {
  return advisories.flatMap((advisory) =>
    serious(advisory.severity)
      ? [...(installed.get(advisory.package) ?? [])]
          .filter((version) => semver.satisfies(version, advisory.vulnerable, { includePrerelease: true }))
          .map((version) => ({ package: advisory.package, version, severity: advisory.severity, title: `${advisory.id}: ${advisory.title}` }))
      : [],
  );
}
