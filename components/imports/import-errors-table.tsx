import type { ImportRowError } from "@/lib/import/header";

/** Every problem with its line and column, as in the user's spreadsheet; `idPrefix` gives each row an id an error summary can link to. */
export function ImportErrorsTable({ errors, total, idPrefix }: { errors: ImportRowError[]; total: number; idPrefix?: string }) {
  return (
    <>
      <table className="nhsuk-table" data-testid="import-errors">
        <caption className="nhsuk-table__caption nhsuk-u-visually-hidden">Errors in the file, by line</caption>
        <thead className="nhsuk-table__head">
          <tr>
            <th scope="col">Line</th>
            <th scope="col">Column</th>
            <th scope="col">Problem</th>
          </tr>
        </thead>
        <tbody className="nhsuk-table__body">
          {errors.map((e, i) => (
            <tr key={i} id={idPrefix ? `${idPrefix}-${i}` : undefined}>
              <td>{e.line > 0 ? e.line : "–"}</td>
              <td>{e.column ? <code>{e.column}</code> : "whole row"}</td>
              <td>{e.message}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {total > errors.length && (
        <p>
          The first {errors.length.toLocaleString("en-GB")} of {total.toLocaleString("en-GB")} errors are shown: correct these and check the file again to see the rest.
        </p>
      )}
    </>
  );
}
