import type { Metadata } from "next";
import Link from "next/link";
import { CareSettingSelect, FrameworkSelect } from "@/components/maturity/selection-fields";
import { SystemSelect } from "@/components/system-select";
import { getPeriodComparisonView } from "@/db/queries/views/period-comparison";
import { requireUser } from "@/lib/auth/session";
import { careSettingLabels } from "@/lib/care-settings";
import { firstParam } from "@/lib/maturity-selection";
import { formatGap, formatScore } from "@/lib/scale";

export const metadata: Metadata = { title: "Compare two periods" };

type Params = Promise<Record<string, string | string[] | undefined>>;

export default async function ComparePeriodsPage({ searchParams }: { searchParams: Params }) {
  const user = await requireUser();
  const params = await searchParams;
  const view = await getPeriodComparisonView({
    framework: firstParam(params.framework),
    setting: firstParam(params.setting),
    system: firstParam(params.system),
    from: firstParam(params.from),
    to: firstParam(params.to),
    organisationIds: user.organisationIds,
  });
  if (!view) return <h1>There are not two assessment periods to compare yet</h1>;
  const { selection, from, to, rows, columns, summaries, scale } = view;
  const setting = careSettingLabels[selection.careSetting].toLowerCase();
  const fine = { ...scale, decimals: scale.decimals + 1 };
  return (
    <>
      <Link className="nhsuk-back-link" href={`/benchmarks?${new URLSearchParams({ framework: selection.framework.code, period: to.code, setting: selection.careSetting })}`}>
        Peer benchmarks
      </Link>
      <h1>
        Compare {from.name} with {to.name}
      </h1>
      <p className="nhsuk-lede-text">
        Each {setting} organisation&apos;s change from one period to the other, per domain and overall, for {selection.system!.name}; and how many organisations in England
        improved. A change is shown only where both periods have a score.
      </p>
      <form method="get" className="app-selection-form" aria-label="Choose the periods to compare">
        <FrameworkSelect selection={selection} />
        {(["from", "to"] as const).map((which) => (
          <div className="nhsuk-form-group" key={which}>
            <label className="nhsuk-label" htmlFor={which}>
              {which === "from" ? "From" : "To"}
            </label>
            <select className="nhsuk-select" id={which} name={which} defaultValue={which === "from" ? from.code : to.code}>
              {selection.periods.map((p) => (
                <option key={p.id} value={p.code}>
                  {p.name}
                </option>
              ))}
            </select>
          </div>
        ))}
        <CareSettingSelect selection={selection} />
        <SystemSelect scope={selection} />
        <button className="nhsuk-button nhsuk-button--secondary" type="submit">
          Show
        </button>
      </form>
      <div className="app-table-scroll" role="region" aria-label="Change per organisation (scrolls sideways)" tabIndex={0}>
        <table className="nhsuk-table app-table-compact" data-testid="period-changes">
          <caption className="nhsuk-table__caption nhsuk-table__caption--m">
            {selection.system!.name}&apos;s {setting} organisations: {from.name} → {to.name}
          </caption>
          <thead className="nhsuk-table__head">
            <tr>
              <th scope="col">Organisation</th>
              {columns.map((c) => (
                <th key={c.key} scope="col" className="nhsuk-table__header--numeric">
                  {c.label}
                </th>
              ))}
            </tr>
          </thead>
          <tbody className="nhsuk-table__body">
            {rows.length === 0 && (
              <tr>
                <td colSpan={columns.length + 1}>No {setting} organisation of this system reported in either period.</td>
              </tr>
            )}
            {rows.map((r) => (
              <tr key={r.organisationId} data-org={r.odsCode ?? r.organisationId}>
                <th scope="row">{r.name}</th>
                {columns.map((c) => {
                  const cell = r.cells[c.key]!;
                  const f = c.key === "overall" ? fine : scale;
                  return (
                    <td key={c.key} className="nhsuk-table__cell--numeric" data-domain={c.key}>
                      {cell.change == null ? "–" : formatGap(cell.change, f)}
                      <span className="app-muted nhsuk-body-s">
                        {" "}
                        ({formatScore(cell.before, f)} → {formatScore(cell.after, f)})
                      </span>
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <table className="nhsuk-table app-table-compact" data-testid="period-change-summary">
        <caption className="nhsuk-table__caption nhsuk-table__caption--m">England&apos;s {setting} organisations scored in both periods</caption>
        <thead className="nhsuk-table__head">
          <tr>
            <th scope="col">Domain</th>
            <th scope="col" className="nhsuk-table__header--numeric">Improved</th>
            <th scope="col" className="nhsuk-table__header--numeric">Unchanged</th>
            <th scope="col" className="nhsuk-table__header--numeric">Declined</th>
            <th scope="col" className="nhsuk-table__header--numeric">Not comparable</th>
          </tr>
        </thead>
        <tbody className="nhsuk-table__body">
          {columns.map((c) => {
            const s = summaries[c.key]!;
            return (
              <tr key={c.key} data-domain={c.key}>
                <th scope="row">{c.label}</th>
                <td className="nhsuk-table__cell--numeric">{s.improved}</td>
                <td className="nhsuk-table__cell--numeric">{s.unchanged}</td>
                <td className="nhsuk-table__cell--numeric">{s.declined}</td>
                <td className="nhsuk-table__cell--numeric">{s.notComparable}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </>
  );
}
