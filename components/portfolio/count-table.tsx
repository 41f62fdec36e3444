import type { CountRow } from "@/lib/portfolio";

/** One breakdown of the portfolio as a table (the figures themselves: no chart to decode). */
export function CountTable({ caption, heading, rows, testId }: { caption: string; heading: string; rows: CountRow[]; testId: string }) {
  return (
    <table className="nhsuk-table app-table-compact" data-testid={testId}>
      <caption className="nhsuk-table__caption nhsuk-table__caption--s">{caption}</caption>
      <thead className="nhsuk-table__head">
        <tr>
          <th scope="col">{heading}</th>
          <th scope="col" className="nhsuk-table__header--numeric">
            Projects
          </th>
        </tr>
      </thead>
      <tbody className="nhsuk-table__body">
        {rows.map((r) => (
          <tr key={r.key} data-key={r.key}>
            <th scope="row">{r.label}</th>
            <td className="nhsuk-table__cell--numeric">{r.count}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
