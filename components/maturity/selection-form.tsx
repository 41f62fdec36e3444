import { CareSettingSelect, FootprintSelect, FrameworkSelect, PeriodSelect } from "./selection-fields";
import type { MaturitySelection } from "@/db/queries/maturity-selection";

// A plain GET form: the choice lives in the URL, so a view can be bookmarked and shared,
// and it works without JavaScript.
export function SelectionForm({
  selection,
  action,
  nationalStatistic = null,
}: {
  selection: MaturitySelection;
  action: string;
  /** The national row's figure, where it may be switched (worked out rather than published). */
  nationalStatistic?: "mean" | "median" | null;
}) {
  return (
    <form method="get" action={action} className="app-selection-form" aria-label="Choose what to show">
      <FrameworkSelect selection={selection} />
      <PeriodSelect selection={selection} />
      <CareSettingSelect selection={selection} />
      <FootprintSelect selection={selection} />
      {nationalStatistic && (
        <div className="nhsuk-form-group">
          <label className="nhsuk-label" htmlFor="national">
            National figure
          </label>
          <select className="nhsuk-select" id="national" name="national" defaultValue={nationalStatistic}>
            <option value="mean">Mean</option>
            <option value="median">Median</option>
          </select>
        </div>
      )}
      <button className="nhsuk-button nhsuk-button--secondary" type="submit">
        Show
      </button>
    </form>
  );
}
