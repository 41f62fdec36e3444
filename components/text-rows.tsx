"use client";

/**
 * Table body rows of plain text, sent to the browser as data. A long table rendered by
 * server components travels twice, as HTML and again as React's description of every
 * cell; as a client component it travels as HTML and its strings. For tables with no links
 * or markup in their cells.
 */
export function TextRows({ rows, numericColumns = [] }: { rows: string[][]; numericColumns?: number[] }) {
  return rows.map((cells, r) => (
    <tr key={r}>
      {cells.map((text, c) => (
        <td key={c} className={numericColumns.includes(c) ? "nhsuk-table__cell--numeric" : undefined}>
          {text}
        </td>
      ))}
    </tr>
  ));
}
