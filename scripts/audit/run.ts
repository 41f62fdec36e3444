// `npm run audit`: fails (exit 1) on any high or critical advisory in the production
// dependencies. With --test-report FILE it also writes a result the test summary counts.
import { spawnSync } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { jestReport } from "../test-report";
import { productionVersions, seriousFromAdvisories, seriousFromNpmAudit, type Advisory, type Finding } from "./check";

const root = path.resolve(import.meta.dirname, "../..");
const reportAt = process.argv.includes("--test-report") ? process.argv[process.argv.indexOf("--test-report") + 1] : undefined;

const npm = spawnSync("npm", ["audit", "--omit=dev", "--json"], { cwd: root, encoding: "utf8", timeout: 120_000 });
let findings: Finding[] | null = null;
try {
  findings = seriousFromNpmAudit(JSON.parse(npm.stdout));
} catch {
  findings = null;
}
let source = "npm audit --omit=dev";
if (findings === null) {
  const { advisories, checked } = JSON.parse(readFileSync(path.join(import.meta.dirname, "advisories.json"), "utf8")) as { advisories: Advisory[]; checked: string };
  const lock = JSON.parse(readFileSync(path.join(root, "package-lock.json"), "utf8"));
  findings = seriousFromAdvisories(advisories, productionVersions(lock));
  source = `npm's audit endpoint could not be reached; checked package-lock.json against scripts/audit/advisories.json (${advisories.length} advisories, list of ${checked})`;
}

console.log(`audit: ${source}`);
for (const f of findings) console.log(`audit: ${f.severity.toUpperCase()} ${f.package}${f.version ? `@${f.version}` : ""}: ${f.title}`);
console.log(findings.length === 0 ? "audit: no high or critical advisory in the production dependencies" : `audit: ${findings.length} high or critical advisories`);

if (reportAt) {
  const detail = findings.map((f) => `${f.severity} ${f.package}${f.version ? `@${f.version}` : ""}: ${f.title}`).join("\n");
  writeFileSync(reportAt, JSON.stringify(jestReport("npm run audit", [{ title: `production dependencies have no high or critical advisory (${source})`, passed: findings.length === 0, detail }])) + "\n");
}
process.exit(findings.length === 0 ? 0 : 1);
