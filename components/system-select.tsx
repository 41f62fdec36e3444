import type { SystemScope } from "@/db/queries/system-scope";

/** The system field of a page's GET form; nothing when there is only one system. */
export function SystemSelect({ scope }: { scope: Pick<SystemScope, "systems" | "system"> }) {
  if (scope.systems.length < 2) return null;
  return (
    <div className="nhsuk-form-group">
      <label className="nhsuk-label" htmlFor="system">
        System
      </label>
      <select className="nhsuk-select" id="system" name="system" defaultValue={scope.system?.code}>
        {scope.systems.map((s) => (
          <option key={s.id} value={s.code}>
            {s.name}
          </option>
        ))}
      </select>
    </div>
  );
}

/** A form of its own, for pages that have no other choices. */
export function SystemForm({ scope, label }: { scope: Pick<SystemScope, "systems" | "system">; label: string }) {
  if (scope.systems.length < 2) return null;
  return (
    <form method="get" className="app-selection-form app-no-print" aria-label={label}>
      <SystemSelect scope={scope} />
      <button className="nhsuk-button nhsuk-button--secondary" type="submit">
        Show
      </button>
    </form>
  );
}
