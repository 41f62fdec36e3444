import { importFormats } from "@/lib/import/formats";
import { importKindLabels, type ImportKind } from "@/lib/import/kinds";

/** The documented columns of one kind of import, with its templates. */
export function FormatGuide({ kind }: { kind: ImportKind }) {
  const format = importFormats[kind];
  return (
    <section aria-labelledby={`format-${kind}`} className="nhsuk-u-margin-bottom-6">
      <h3 id={`format-${kind}`}>{importKindLabels[kind]}</h3>
      <p>{format.summary}</p>
      <table className="nhsuk-table">
        <caption className="nhsuk-table__caption nhsuk-table__caption--s">Columns of the {importKindLabels[kind].toLowerCase()} file</caption>
        <thead className="nhsuk-table__head">
          <tr>
            <th scope="col">Column</th>
            <th scope="col">What goes in it</th>
            <th scope="col">Example</th>
          </tr>
        </thead>
        <tbody className="nhsuk-table__body">
          {format.columns.map((c) => (
            <tr key={c.name}>
              <th scope="row">
                <code>{c.name}</code>
                {c.mayBeBlank && <span className="nhsuk-body-s"> (may be blank)</span>}
              </th>
              <td>{c.description}</td>
              <td>
                <code>{c.example}</code>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <p>
        Template:{" "}
        <a href={`/imports/templates/${kind}.csv`} download>
          {importKindLabels[kind]} template (CSV)
        </a>{" "}
        or{" "}
        <a href={`/imports/templates/${kind}.xlsx`} download>
          {importKindLabels[kind]} template (Excel)
        </a>
      </p>
    </section>
  );
}
