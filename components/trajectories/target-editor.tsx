"use client";

import { useState } from "react";
import { TargetForm } from "@/components/forms/target-form";

export interface EditableTarget {
  id: string;
  version: number;
  /** As people write it: 2019/20. */
  financialYear: string;
  financialYearStart: number;
  score: number;
}

export interface TargetEditorProps {
  scope: "system" | "footprint" | "organisation";
  scopeId: string;
  frameworkId: string;
  domain: { id: string; code: string; name: string };
  targets: EditableTarget[];
  /** Rendered open, forms and all, on the server: the domain the URL names (?edit=CODE). */
  initiallyOpen: boolean;
  /** This page with ?edit=CODE: how a browser without JavaScript opens the forms. */
  openHref: string;
}

/**
 * "Set targets for …": a domain's target forms, built when the panel is first opened. A
 * national system's page has 29 domains with up to 8 forms each; building them all for
 * every visit doubled the page's size and its rendering time, for panels seldom opened.
 * Without JavaScript the panel holds a link that reloads the page with it open.
 */
export function TargetEditor({ scope, scopeId, frameworkId, domain, targets, initiallyOpen, openHref }: TargetEditorProps) {
  const [opened, setOpened] = useState(initiallyOpen);
  return (
    <details className="nhsuk-details" open={initiallyOpen || undefined} onToggle={(event) => event.currentTarget.open && setOpened(true)} data-testid={`target-editor-${domain.code}`}>
      <summary className="nhsuk-details__summary">
        <span className="nhsuk-details__summary-text">Set targets for {domain.name}</span>
      </summary>
      <div className="nhsuk-details__text">
        {opened ? (
          <>
            {targets.map((t) => (
              <TargetForm
                key={t.id}
                idPrefix={`${domain.code}-${t.financialYearStart}`}
                scope={scope}
                scopeId={scopeId}
                frameworkId={frameworkId}
                domainId={domain.id}
                domainName={domain.name}
                existing={{ id: t.id, version: t.version, financialYear: t.financialYear, score: t.score }}
              />
            ))}
            <TargetForm idPrefix={`${domain.code}-new`} scope={scope} scopeId={scopeId} frameworkId={frameworkId} domainId={domain.id} domainName={domain.name} />
          </>
        ) : (
          <noscript>
            <a href={openHref}>Show the target forms for {domain.name}</a>
          </noscript>
        )}
      </div>
    </details>
  );
}
