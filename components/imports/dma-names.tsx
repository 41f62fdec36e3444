"use client";

import { useActionState } from "react";
import { addDmaOrganisationAction, leaveOutUnmatchedAction, mapDmaNameAction } from "@/app/imports/actions";
import { FieldError, FormFeedback, groupClass } from "@/components/forms/form-feedback";
import { organisationTypeLabels, organisationTypes } from "@/lib/organisation-types";

interface Unmatched {
  name: string;
  kind: "provider" | "icb";
  places: string[];
}

/** One name the workbook gives that matches no organisation: map it to one, or add it. */
function NameRow({ jobId, item, index }: { jobId: string; item: Unmatched; index: number }) {
  const [mapped, mapAction, mapping] = useActionState(mapDmaNameAction, null);
  const [added, addAction, adding] = useActionState(addDmaOrganisationAction, null);
  const id = (field: string) => `name-${index}-${field}`;
  return (
    <li className="app-dma-name" data-testid="unmatched-name">
      <h3 className="nhsuk-heading-s">{item.name}</h3>
      <p className="nhsuk-body-s">
        {item.kind === "icb" ? "An ICB" : "A provider"} in {item.places.join(", ")}
      </p>
      <form action={mapAction} className="app-inline-form">
        <FormFeedback state={mapped} fieldIds={{ odsCode: id("map") }} />
        <input type="hidden" name="jobId" value={jobId} />
        <input type="hidden" name="name" value={item.name} />
        <div className={groupClass(mapped, "odsCode")}>
          <label className="nhsuk-label" htmlFor={id("map")}>
            ODS code of the organisation it is
          </label>
          <FieldError state={mapped} field="odsCode" inputId={id("map")} />
          <input className="nhsuk-input nhsuk-input--width-5" id={id("map")} name="odsCode" autoComplete="off" spellCheck={false} />
        </div>
        <button className="nhsuk-button nhsuk-button--secondary" type="submit" disabled={mapping}>
          Map this name
        </button>
      </form>
      <details className="nhsuk-details">
        <summary className="nhsuk-details__summary">
          <span className="nhsuk-details__summary-text">Or add it as an organisation</span>
        </summary>
        <div className="nhsuk-details__text">
          <form action={addAction}>
            <FormFeedback state={added} fieldIds={{ odsCode: id("code"), organisationName: id("org"), type: id("type"), systemCode: id("system") }} />
            <input type="hidden" name="jobId" value={jobId} />
            <input type="hidden" name="name" value={item.name} />
            <div className={groupClass(added, "odsCode")}>
              <label className="nhsuk-label" htmlFor={id("code")}>
                ODS code
              </label>
              <FieldError state={added} field="odsCode" inputId={id("code")} />
              <input className="nhsuk-input nhsuk-input--width-5" id={id("code")} name="odsCode" autoComplete="off" spellCheck={false} />
            </div>
            <div className={groupClass(added, "organisationName")}>
              <label className="nhsuk-label" htmlFor={id("org")}>
                Name
              </label>
              <FieldError state={added} field="organisationName" inputId={id("org")} />
              <input className="nhsuk-input" id={id("org")} name="organisationName" defaultValue={item.name} autoComplete="off" />
            </div>
            <div className={groupClass(added, "type")}>
              <label className="nhsuk-label" htmlFor={id("type")}>
                Kind of organisation
              </label>
              <FieldError state={added} field="type" inputId={id("type")} />
              <select className="nhsuk-select" id={id("type")} name="type" defaultValue={item.kind === "icb" ? "icb" : "nhs_trust"}>
                {organisationTypes.map((t) => (
                  <option key={t} value={t}>
                    {organisationTypeLabels[t]}
                  </option>
                ))}
              </select>
            </div>
            <div className={groupClass(added, "systemCode")}>
              <label className="nhsuk-label" htmlFor={id("system")}>
                Its system: the ICB&apos;s ODS code
              </label>
              <FieldError state={added} field="systemCode" inputId={id("system")} />
              <input className="nhsuk-input nhsuk-input--width-5" id={id("system")} name="systemCode" autoComplete="off" spellCheck={false} />
            </div>
            <button className="nhsuk-button nhsuk-button--secondary" type="submit" disabled={adding}>
              Add and map
            </button>
          </form>
        </div>
      </details>
    </li>
  );
}

/** The preview's list of names matching no organisation, and the choice to leave their rows out. */
export function DmaNames({ jobId, unmatched, leftOut }: { jobId: string; unmatched: Unmatched[]; leftOut: boolean }) {
  const [state, action, pending] = useActionState(leaveOutUnmatchedAction, null);
  return (
    <section aria-labelledby="dma-names">
      <h2 id="dma-names">Names that match no organisation</h2>
      <p>
        NHS England&apos;s file names organisations without their ODS codes. These {unmatched.length} names match no organisation in the app, even ignoring case,
        spacing, &ldquo;&amp;&rdquo; for &ldquo;and&rdquo; and &ldquo;National Health Service&rdquo; for &ldquo;NHS&rdquo;. Map each to the organisation it is (the
        mapping is remembered for next year&apos;s file), add it, or leave their rows out.
      </p>
      <ul className="nhsuk-list">
        {unmatched.map((item, index) => (
          <NameRow key={`${item.kind}:${item.name}`} jobId={jobId} item={item} index={index} />
        ))}
      </ul>
      <form action={action}>
        <FormFeedback state={state} />
        <input type="hidden" name="jobId" value={jobId} />
        <input type="hidden" name="leaveOut" value={leftOut ? "no" : "yes"} />
        <button className="nhsuk-button nhsuk-button--secondary" type="submit" disabled={pending}>
          {leftOut ? "Bring the unmatched rows back" : "Leave out the rows of these names"}
        </button>
      </form>
    </section>
  );
}
