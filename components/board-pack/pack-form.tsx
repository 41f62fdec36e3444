import { FootprintSelect } from "@/components/maturity/selection-fields";
import { PrintButton } from "@/components/print-button";
import type { MaturitySelection } from "@/db/queries/maturity-selection";

// A GET form, so the footprint and date live in the URL: the pack's permalink.
export function PackForm({ selection, asAt, today, error }: { selection: MaturitySelection; asAt: string; today: string; error: string | null }) {
  return (
    <div className="app-no-print app-pack__controls">
      <form method="get" action="/board-pack" className="app-selection-form" aria-label="Choose the footprint and date of the pack">
        <FootprintSelect selection={selection} />
        <div className={error ? "nhsuk-form-group nhsuk-form-group--error" : "nhsuk-form-group"}>
          <label className="nhsuk-label" htmlFor="asAt">
            As at
          </label>
          <div className="nhsuk-hint" id="asAt-hint">
            Today or a past date
          </div>
          {error && (
            <span className="nhsuk-error-message" id="asAt-error">
              <span className="nhsuk-u-visually-hidden">Error:</span> {error}
            </span>
          )}
          <input
            className={error ? "nhsuk-input nhsuk-input--width-10 nhsuk-input--error" : "nhsuk-input nhsuk-input--width-10"}
            id="asAt"
            name="asAt"
            type="date"
            max={today}
            defaultValue={asAt}
            aria-describedby={error ? "asAt-hint asAt-error" : "asAt-hint"}
          />
        </div>
        <button className="nhsuk-button nhsuk-button--secondary" type="submit">
          Show the pack
        </button>
      </form>
      <PrintButton label="Print or save as PDF" />
    </div>
  );
}
