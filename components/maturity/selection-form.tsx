import type { MaturitySelection } from "@/db/queries/maturity-selection";

// A plain GET form: the choice lives in the URL, so a view can be bookmarked and shared,
// and it works without JavaScript.
export function SelectionForm({ selection, action, showFootprint = true }: { selection: MaturitySelection; action: string; showFootprint?: boolean }) {
  return (
    <form method="get" action={action} className="app-selection-form" aria-label="Choose what to show">
      <div className="nhsuk-form-group">
        <label className="nhsuk-label" htmlFor="framework">
          Framework
        </label>
        <select className="nhsuk-select" id="framework" name="framework" defaultValue={selection.framework.code}>
          {selection.frameworks.map((f) => (
            <option key={f.id} value={f.code}>
              {f.name} {f.version}
            </option>
          ))}
        </select>
      </div>
      <div className="nhsuk-form-group">
        <label className="nhsuk-label" htmlFor="period">
          Assessment period
        </label>
        <select className="nhsuk-select" id="period" name="period" defaultValue={selection.period?.code}>
          {selection.periods.map((p) => (
            <option key={p.id} value={p.code}>
              {p.name} ({p.reportedCount} reported)
            </option>
          ))}
        </select>
      </div>
      {showFootprint && (
        <div className="nhsuk-form-group">
          <label className="nhsuk-label" htmlFor="footprint">
            Footprint
          </label>
          <select className="nhsuk-select" id="footprint" name="footprint" defaultValue={selection.footprint?.code ?? ""}>
            <option value="">Whole system{selection.system ? ` (${selection.system.code})` : ""}</option>
            {selection.footprints.map((f) => (
              <option key={f.id} value={f.code}>
                {f.name}
              </option>
            ))}
          </select>
        </div>
      )}
      <button className="nhsuk-button nhsuk-button--secondary" type="submit">
        Show
      </button>
    </form>
  );
}
