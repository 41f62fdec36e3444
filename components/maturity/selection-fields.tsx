import { SystemSelect } from "@/components/system-select";
import type { MaturitySelection } from "@/db/queries/maturity-selection";
import { careSettingLabels } from "@/lib/care-settings";

// The choices shared by the maturity pages' GET forms.

export function FrameworkSelect({ selection }: { selection: MaturitySelection }) {
  return (
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
  );
}

/** Only for a framework answered in several care settings: scores compare within one. */
export function CareSettingSelect({ selection }: { selection: MaturitySelection }) {
  if (selection.careSettings.length < 2) return null;
  return (
    <div className="nhsuk-form-group">
      <label className="nhsuk-label" htmlFor="setting">
        Care setting
      </label>
      <select className="nhsuk-select" id="setting" name="setting" defaultValue={selection.careSetting}>
        {selection.careSettings.map((c) => (
          <option key={c} value={c}>
            {careSettingLabels[c]}
          </option>
        ))}
      </select>
    </div>
  );
}

export function PeriodSelect({ selection, showCounts = true }: { selection: MaturitySelection; showCounts?: boolean }) {
  return (
    <div className="nhsuk-form-group">
      <label className="nhsuk-label" htmlFor="period">
        Assessment period
      </label>
      <select className="nhsuk-select" id="period" name="period" defaultValue={selection.period?.code}>
        {selection.periods.map((p) => (
          <option key={p.id} value={p.code}>
            {p.name}
            {showCounts ? ` (${p.reportedCount} reported)` : ""}
          </option>
        ))}
      </select>
    </div>
  );
}

/** The footprint, after the system it belongs to where there are several systems. */
export function FootprintSelect({ selection }: { selection: MaturitySelection }) {
  return (
    <>
      <SystemSelect scope={selection} />
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
    </>
  );
}
