// Unit tests for scripts/audit/check.ts: reading npm audit's answer, and the fallback
// check of package-lock.json's production versions against known advisories.
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { productionVersions, seriousFromAdvisories, seriousFromNpmAudit, type Advisory } from "../../scripts/audit/check";

const root = path.resolve(import.meta.dirname, "../..");

describe("seriousFromNpmAudit", () => {
  it("keeps the high and critical findings", () => {
    const report = {
      auditReportVersion: 2,
      vulnerabilities: {
        next: { severity: "critical", via: [{ title: "Authorization bypass in middleware" }] },
        "postcss-thing": { severity: "moderate", via: [{ title: "ReDoS" }] },
        "react-server-dom-webpack": { severity: "high", via: ["next"] },
      },
    };
    expect(seriousFromNpmAudit(report)).toEqual([
      { package: "next", severity: "critical", title: "Authorization bypass in middleware" },
      { package: "react-server-dom-webpack", severity: "high", title: "via next" },
    ]);
  });

  it("is null when npm could not audit (the endpoint's error is no clean bill)", () => {
    expect(seriousFromNpmAudit({ message: "405 Method Not Allowed", statusCode: 405 })).toBeNull();
    expect(seriousFromNpmAudit({ error: { code: "ENOAUDIT" } })).toBeNull();
    expect(seriousFromNpmAudit(null)).toBeNull();
  });
});

describe("the fallback check", () => {
  const lock = {
    packages: {
      "": { version: "0.1.0" },
      "node_modules/next": { version: "15.2.2" },
      "node_modules/vitest": { version: "4.1.12", dev: true },
      "node_modules/a/node_modules/react-server-dom-webpack": { version: "19.1.1" },
    },
  };
  const advisories: Advisory[] = JSON.parse(readFileSync(path.join(root, "scripts/audit/advisories.json"), "utf8")).advisories;

  it("reads every production package version, nested ones too, and leaves dev ones out", () => {
    const versions = productionVersions(lock);
    expect([...versions.keys()].sort()).toEqual(["next", "react-server-dom-webpack"]);
    expect(versions.get("react-server-dom-webpack")).toEqual(new Set(["19.1.1"]));
  });

  it("finds a vulnerable version in the list, and not a fixed one", () => {
    const found = seriousFromAdvisories(advisories, productionVersions(lock));
    expect(found.map((f) => `${f.package}@${f.version} ${f.title.split(":")[0]}`).sort()).toEqual([
      "next@15.2.2 GHSA-9qr9-h5gf-34mp",
      "next@15.2.2 GHSA-f82v-jwr5-mffw",
      "next@15.2.2 CVE-2025-55184",
      "react-server-dom-webpack@19.1.1 CVE-2025-55184",
      "react-server-dom-webpack@19.1.1 GHSA-fv66-9v8q-g76r",
    ].sort());
    expect(seriousFromAdvisories(advisories, new Map([["next", new Set(["15.5.9", "16.0.10", "16.4.6"])]])).map((f) => f.version)).toEqual([]);
  });

  it("passes this project's own lock file", () => {
    const installed = productionVersions(JSON.parse(readFileSync(path.join(root, "package-lock.json"), "utf8")));
    expect(installed.get("next")?.size).toBe(1);
    expect(seriousFromAdvisories(advisories, installed)).toEqual([]);
  });
});
