"use client";

import { useEffect, useRef, useState } from "react";
import { TargetForm } from "@/components/forms/target-form";
import { formatFinancialYear } from "@/lib/financial-year";
import type { EditableTarget } from "@/lib/trajectory-view";

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
 * Until the page's script runs (and without JavaScript, or when a script failed to load)
 * the panel holds a link that reloads the page with it open; a panel opened before the
 * script ran gets its forms when it does.
 */
export function TargetEditor({ scope, scopeId, frameworkId, domain, targets, initiallyOpen, openHref }: TargetEditorProps) {
  const panel = useRef<HTMLDetailsElement>(null);
  const [opened, setOpened] = useState(initiallyOpen);
  const [running, setRunning] = useState(false);
  useEffect(() => {
    setRunning(true);
    if (panel.current?.open) setOpened(true);
  }, []);
  return (
    <details
      ref={panel}
      className="nhsuk-details"
      open={initiallyOpen || undefined}
      onToggle={(event) => event.currentTarget.open && setOpened(true)}
      data-testid={`target-editor-${domain.code}`}
    >
      <summary className="nhsuk-details__summary">
        <span className="nhsuk-details__summary-text">Set targets for {domain.name}</span>
      </summary>
      <div className="nhsuk-details__text">
        {opened ? (
          <>
            {targets.map((t) => (
              <TargetForm
                key={t.id}
                idPrefix={`${domain.code}-${t.financialYear}`}
                scope={scope}
                scopeId={scopeId}
                frameworkId={frameworkId}
                domainId={domain.id}
                domainName={domain.name}
                existing={{ id: t.id, version: t.version, financialYear: formatFinancialYear(t.financialYear), score: t.score }}
              />
            ))}
            <TargetForm idPrefix={`${domain.code}-new`} scope={scope} scopeId={scopeId} frameworkId={frameworkId} domainId={domain.id} domainName={domain.name} />
          </>
        ) : (
          !running && <a href={openHref}>Show the target forms for {domain.name}</a>
        )}
      </div>
    </details>
  );
}
