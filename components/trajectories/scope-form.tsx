import { FootprintSelect, FrameworkSelect } from "@/components/maturity/selection-fields";
import type { MaturitySelection } from "@/db/queries/maturity-selection";

// A GET form, so the chosen scope and date live in the URL: a permalink to what a board saw.
export function TrajectoryScopeForm({
  selection,
  organisations,
  organisationId,
  asAt,
}: {
  selection: MaturitySelection;
  organisations: { id: string; name: string }[];
  organisationId: string | null;
  asAt: string;
}) {
  return (
    <form method="get" action="/trajectories" className="app-selection-form" aria-label="Choose the scope and date">
      <FrameworkSelect selection={selection} />
      <FootprintSelect selection={selection} />
      <div className="nhsuk-form-group">
        <label className="nhsuk-label" htmlFor="organisation">
          Organisation
        </label>
        <select className="nhsuk-select" id="organisation" name="organisation" defaultValue={organisationId ?? ""}>
          <option value="">All providers (summary)</option>
          {organisations.map((o) => (
            <option key={o.id} value={o.id}>
              {o.name}
            </option>
          ))}
        </select>
      </div>
      <div className="nhsuk-form-group">
        <label className="nhsuk-label" htmlFor="asAt">
          As at (blank for today)
        </label>
        <input className="nhsuk-input nhsuk-input--width-10" id="asAt" name="asAt" type="date" defaultValue={asAt} />
      </div>
      <button className="nhsuk-button nhsuk-button--secondary" type="submit">
        Show
      </button>
    </form>
  );
}
