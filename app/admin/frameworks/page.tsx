import type { Metadata } from "next";
import Link from "next/link";
import { FrameworkFileForm } from "@/components/frameworks/framework-file-form";
import { listFrameworksWithCounts } from "@/db/queries/frameworks";
import { requirePermission } from "@/lib/auth/session";
import { careSettingLabels } from "@/lib/care-settings";
import { frameworkColumns, MAX_FRAMEWORK_FILE_BYTES, MAX_FRAMEWORK_ROWS } from "@/lib/frameworks/file";
import { describeScore, scaleOf } from "@/lib/scale";

export const metadata: Metadata = { title: "Maturity frameworks" };

const n = (value: number) => value.toLocaleString("en-GB");

export default async function FrameworksPage({ searchParams }: { searchParams: Promise<{ loaded?: string }> }) {
  await requirePermission("framework.load");
  const [{ loaded }, frameworks] = await Promise.all([searchParams, listFrameworksWithCounts()]);
  const justLoaded = loaded ? frameworks.find((f) => f.code === loaded) : undefined;
  return (
    <>
      <h1>Maturity frameworks</h1>
      {justLoaded && (
        <div className="nhsuk-panel nhsuk-panel--confirmation" role="status" data-testid="framework-loaded">
          <h2 className="nhsuk-panel__title">Framework loaded</h2>
          <div className="nhsuk-panel__body">
            {justLoaded.name} ({justLoaded.code}): {n(justLoaded.sectionCount)} sections, {n(justLoaded.domainCount)} domains.
          </div>
        </div>
      )}
      {justLoaded && (
        <p>
          Assessments start once it has a period: <Link href="/admin/periods">open an assessment period</Link> for it.
        </p>
      )}
      <table className="nhsuk-table">
        <caption className="nhsuk-table__caption">Frameworks the app holds. Each is versioned data: a new version is loaded as a new framework.</caption>
        <thead className="nhsuk-table__head">
          <tr>
            <th scope="col">Framework</th>
            <th scope="col">Code</th>
            <th scope="col">Version</th>
            <th scope="col">Scores</th>
            <th scope="col">Care settings</th>
            <th scope="col" className="nhsuk-table__header--numeric">
              Sections
            </th>
            <th scope="col" className="nhsuk-table__header--numeric">
              Domains
            </th>
          </tr>
        </thead>
        <tbody className="nhsuk-table__body">
          {frameworks.map((f) => {
            const scale = scaleOf(f);
            return (
              <tr key={f.id}>
                <th scope="row">{f.name}</th>
                <td>{f.code}</td>
                <td>{f.version}</td>
                <td>
                  {describeScore(scale)}
                  {scale.unit ? ` (${scale.unit})` : ""}
                </td>
                <td>{f.careSettings.map((c) => careSettingLabels[c]).join(", ")}</td>
                <td className="nhsuk-table__cell--numeric">{n(f.sectionCount)}</td>
                <td className="nhsuk-table__cell--numeric">{n(f.domainCount)}</td>
              </tr>
            );
          })}
        </tbody>
      </table>

      <h2>Load a framework from a file</h2>
      <p>
        One row per domain, with the framework&apos;s own fields (code, name, version and scale) the same on every row, then the domain&apos;s section (pillar), care setting and,
        optionally, what each level means. Up to {n(MAX_FRAMEWORK_ROWS)} rows. The file is checked first; nothing is created until you load it, and then all of it is, or none.
      </p>
      <p>
        <a href="/admin/frameworks/template.csv" download>
          Framework template (CSV)
        </a>{" "}
        ·{" "}
        <a href="/admin/frameworks/framework-files.md" data-testid="framework-files-guide">
          The layout of a framework file, its rules and an example
        </a>{" "}
        (<code>docs/framework-files.md</code>)
      </p>
      <details className="nhsuk-details">
        <summary className="nhsuk-details__summary">
          <span className="nhsuk-details__summary-text">The columns</span>
        </summary>
        <div className="nhsuk-details__text">
          <table className="nhsuk-table">
            <caption className="nhsuk-table__caption nhsuk-table__caption--s">Columns of a framework file, in any order</caption>
            <thead className="nhsuk-table__head">
              <tr>
                <th scope="col">Column</th>
                <th scope="col">What goes in it</th>
              </tr>
            </thead>
            <tbody className="nhsuk-table__body">
              {frameworkColumns.map((c) => (
                <tr key={c.name}>
                  <th scope="row">
                    <code>{c.name}</code>
                    {c.mayBeBlank && <span className="nhsuk-body-s"> (may be blank)</span>}
                  </th>
                  <td>{c.description}</td>
                </tr>
              ))}
              <tr>
                <th scope="row">
                  <code>level_1</code>, <code>level_2</code> …<span className="nhsuk-body-s"> (optional columns, may be blank)</span>
                </th>
                <td>What each whole score means, lowest first: level_1 is the lowest whole score on the scale. No more than the scale has.</td>
              </tr>
            </tbody>
          </table>
        </div>
      </details>
      {/* Keyed, so that the file just loaded no longer shows as waiting to be loaded. */}
      <FrameworkFileForm key={loaded ?? ""} maxBytes={MAX_FRAMEWORK_FILE_BYTES} />
    </>
  );
}
