"use client";

import { useActionState } from "react";
import { removeTargetAction, setTargetAction } from "@/app/trajectories/actions";
import { describedBy, FieldError, FormFeedback, groupClass } from "./form-feedback";
import type { ActionState } from "@/lib/auth/action";

interface Props {
  idPrefix: string;
  scope: "system" | "footprint" | "organisation";
  scopeId: string;
  frameworkId: string;
  domainId: string;
  domainName: string;
  existing?: { id: string; version: number; financialYear: string; score: number };
}

/** Add a target, or change or remove one, for one domain of one scope. */
export function TargetForm({ idPrefix, scope, scopeId, frameworkId, domainId, domainName, existing }: Props) {
  const [state, formAction, pending] = useActionState<ActionState, FormData>(setTargetAction, null);
  const [removeState, removeAction, removing] = useActionState<ActionState, FormData>(removeTargetAction, null);
  const typed = state && !state.ok ? state.values : undefined;
  const id = (field: string) => `${idPrefix}-${field}`;
  return (
    <div className="app-target-form">
      <form action={formAction} noValidate key={state ? JSON.stringify(state) : "initial"} className="app-inline-form">
        <FormFeedback state={state} fieldIds={{ financialYear: id("financialYear"), score: id("score") }} />
        <input type="hidden" name="scope" value={scope} />
        <input type="hidden" name="scopeId" value={scopeId} />
        <input type="hidden" name="frameworkId" value={frameworkId} />
        <input type="hidden" name="domainId" value={domainId} />
        {existing && <input type="hidden" name="version" value={existing.version} />}
        <div className={groupClass(state, "financialYear")}>
          <label className="nhsuk-label" htmlFor={id("financialYear")}>
            Financial year<span className="nhsuk-u-visually-hidden"> of the {domainName} target</span>
          </label>
          <FieldError state={state} field="financialYear" inputId={id("financialYear")} />
          {existing ? (
            <>
              <input type="hidden" name="financialYear" value={existing.financialYear} />
              <input className="nhsuk-input nhsuk-input--width-5" id={id("financialYear")} value={existing.financialYear} readOnly />
            </>
          ) : (
            <input
              className="nhsuk-input nhsuk-input--width-5"
              id={id("financialYear")}
              name="financialYear"
              placeholder="2019/20"
              defaultValue={typed?.financialYear ?? ""}
              aria-describedby={describedBy(state, "financialYear", id("financialYear"))}
            />
          )}
        </div>
        <div className={groupClass(state, "score")}>
          <label className="nhsuk-label" htmlFor={id("score")}>
            Target (%)<span className="nhsuk-u-visually-hidden"> for {domainName}</span>
          </label>
          <FieldError state={state} field="score" inputId={id("score")} />
          <input
            className="nhsuk-input nhsuk-input--width-3"
            id={id("score")}
            name="score"
            inputMode="numeric"
            defaultValue={typed?.score ?? existing?.score ?? ""}
            aria-describedby={describedBy(state, "score", id("score"))}
          />
        </div>
        <button className="nhsuk-button nhsuk-button--secondary nhsuk-button--small" type="submit" disabled={pending}>
          {existing ? "Change" : "Add target"}
          <span className="nhsuk-u-visually-hidden">{existing ? ` the ${existing.financialYear} target for ${domainName}` : ` for ${domainName}`}</span>
        </button>
      </form>
      {existing && (
        <form action={removeAction} className="app-inline-form">
          <FormFeedback state={removeState} />
          <input type="hidden" name="targetId" value={existing.id} />
          <input type="hidden" name="version" value={existing.version} />
          <button className="nhsuk-button nhsuk-button--warning nhsuk-button--small" type="submit" disabled={removing}>
            Remove<span className="nhsuk-u-visually-hidden"> the {existing.financialYear} target for {domainName}</span>
          </button>
        </form>
      )}
    </div>
  );
}
