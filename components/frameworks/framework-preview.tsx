import { careSettingLabels } from "@/lib/care-settings";
import type { FrameworkSummary } from "@/lib/frameworks/file";
import { describeScore } from "@/lib/scale";

const n = (value: number) => value.toLocaleString("en-GB");

/** What loading a checked framework file creates: the framework, its sections and domains. */
export function FrameworkPreview({ summary }: { summary: FrameworkSummary }) {
  const sectionName = new Map(summary.sections.map((s) => [s.code, s.name]));
  return (
    <section aria-labelledby="framework-preview" data-testid="framework-preview">
      <h2 id="framework-preview">What loading this file creates</h2>
      <dl className="nhsuk-summary-list">
        <div className="nhsuk-summary-list__row">
          <dt className="nhsuk-summary-list__key">Framework</dt>
          <dd className="nhsuk-summary-list__value">
            {summary.name} ({summary.code}), version {summary.version}
          </dd>
        </div>
        <div className="nhsuk-summary-list__row">
          <dt className="nhsuk-summary-list__key">Scores</dt>
          <dd className="nhsuk-summary-list__value">
            Each domain scored as {describeScore(summary.scale)}
            {summary.scale.unit ? `, printed with “${summary.scale.unit}”` : ", printed with no unit"}
          </dd>
        </div>
        <div className="nhsuk-summary-list__row">
          <dt className="nhsuk-summary-list__key">Care settings</dt>
          <dd className="nhsuk-summary-list__value">{summary.careSettings.map((c) => careSettingLabels[c]).join(", ")}</dd>
        </div>
        <div className="nhsuk-summary-list__row">
          <dt className="nhsuk-summary-list__key">Size</dt>
          <dd className="nhsuk-summary-list__value" data-testid="framework-preview-counts">
            {n(summary.sections.length)} {summary.sections.length === 1 ? "section" : "sections"}, {n(summary.domainCount)} {summary.domainCount === 1 ? "domain" : "domains"} (
            {n(summary.describedDomainCount)} with level descriptors)
          </dd>
        </div>
      </dl>
      <table className="nhsuk-table">
        <caption className="nhsuk-table__caption nhsuk-table__caption--s">Domains in each care setting&apos;s survey (its own and every setting&apos;s)</caption>
        <thead className="nhsuk-table__head">
          <tr>
            <th scope="col">Care setting</th>
            <th scope="col" className="nhsuk-table__header--numeric">
              Domains
            </th>
          </tr>
        </thead>
        <tbody className="nhsuk-table__body">
          {summary.domainsBySetting.map((s) => (
            <tr key={s.careSetting}>
              <th scope="row">{careSettingLabels[s.careSetting]}</th>
              <td className="nhsuk-table__cell--numeric">{n(s.domainCount)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <table className="nhsuk-table">
        <caption className="nhsuk-table__caption nhsuk-table__caption--s">Sections, in the order of the file</caption>
        <thead className="nhsuk-table__head">
          <tr>
            <th scope="col">Code</th>
            <th scope="col">Name</th>
            <th scope="col" className="nhsuk-table__header--numeric">
              Domains
            </th>
          </tr>
        </thead>
        <tbody className="nhsuk-table__body">
          {summary.sections.map((s) => (
            <tr key={s.code}>
              <td>{s.code}</td>
              <th scope="row">{s.name}</th>
              <td className="nhsuk-table__cell--numeric">{n(s.domainCount)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <table className="nhsuk-table">
        <caption className="nhsuk-table__caption nhsuk-table__caption--s">Domains, in the order of the file</caption>
        <thead className="nhsuk-table__head">
          <tr>
            <th scope="col">Code</th>
            <th scope="col">Name</th>
            <th scope="col">Short name</th>
            <th scope="col">Section</th>
            <th scope="col">Care setting</th>
            <th scope="col" className="nhsuk-table__header--numeric">
              Levels described
            </th>
          </tr>
        </thead>
        <tbody className="nhsuk-table__body">
          {summary.domains.map((d) => (
            <tr key={d.code}>
              <td>{d.code}</td>
              <th scope="row">{d.name}</th>
              <td>{d.shortName}</td>
              <td>{sectionName.get(d.sectionCode)}</td>
              <td>{d.careSetting ? careSettingLabels[d.careSetting] : "Every setting"}</td>
              <td className="nhsuk-table__cell--numeric">{d.levelCount > 0 ? n(d.levelCount) : "–"}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
