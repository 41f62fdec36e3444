import { CareSettingSelect, FootprintSelect, FrameworkSelect, PeriodSelect } from "./selection-fields";
import type { MaturitySelection } from "@/db/queries/maturity-selection";

// A plain GET form: the choice lives in the URL, so a view can be bookmarked and shared,
// and it works without JavaScript.
export function SelectionForm({ selection, action }: { selection: MaturitySelection; action: string }) {
  return (
    <form method="get" action={action} className="app-selection-form" aria-label="Choose what to show">
      <FrameworkSelect selection={selection} />
      <PeriodSelect selection={selection} />
      <CareSettingSelect selection={selection} />
      <FootprintSelect selection={selection} />
      <button className="nhsuk-button nhsuk-button--secondary" type="submit">
        Show
      </button>
    </form>
  );
}
