"use client";

import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { ErrorSummary } from "@/components/forms/error-summary";
import { ImportProgress, type Progress } from "./import-progress";
import { postWithProgress } from "./stream";

export interface KindOption {
  value: string;
  label: string;
  hint: string;
}

type State = { status: "idle" } | { status: "working"; progress: Progress } | { status: "failed"; message: string; fieldErrors: Record<string, string> };

/** Upload a file to check it: the server streams its progress, then the preview opens. */
export function ImportForm({ kinds, initialKind }: { kinds: KindOption[]; initialKind?: string }) {
  const router = useRouter();
  const [state, setState] = useState<State>({ status: "idle" });
  const fieldErrors = state.status === "failed" ? state.fieldErrors : {};

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const file = form.get("file");
    const errors: Record<string, string> = {};
    if (!form.get("kind")) errors.kind = "Choose what the file holds";
    if (!(file instanceof File) || file.size === 0) errors.file = "Choose a CSV or Excel file to import";
    if (Object.keys(errors).length > 0) {
      setState({ status: "failed", message: "The file was not checked: correct the fields marked below.", fieldErrors: errors });
      return;
    }
    setState({ status: "working", progress: { phase: "checking", rows: 0, fraction: 0 } });
    const outcome = await postWithProgress<{ id: string }>("/api/imports", form, (progress) => setState({ status: "working", progress }));
    if (outcome.ok) router.push(`/imports/${outcome.result.id}`);
    else setState({ status: "failed", message: outcome.message, fieldErrors: outcome.fieldErrors });
  }

  const working = state.status === "working";
  return (
    <form onSubmit={onSubmit} noValidate data-testid="import-form">
      {state.status === "failed" && <ErrorSummary message={state.message} fieldErrors={fieldErrors} labels={{ kind: `kind-${kinds[0]?.value}` }} />}
      <div className={fieldErrors.kind ? "nhsuk-form-group nhsuk-form-group--error" : "nhsuk-form-group"}>
        <fieldset className="nhsuk-fieldset" aria-describedby={fieldErrors.kind ? "kind-error" : undefined}>
          <legend className="nhsuk-fieldset__legend nhsuk-fieldset__legend--s">What does the file hold?</legend>
          {fieldErrors.kind && (
            <span className="nhsuk-error-message" id="kind-error">
              <span className="nhsuk-u-visually-hidden">Error:</span> {fieldErrors.kind}
            </span>
          )}
          <div className="nhsuk-radios">
            {kinds.map((k) => (
              <div className="nhsuk-radios__item" key={k.value}>
                <input className="nhsuk-radios__input" id={`kind-${k.value}`} name="kind" type="radio" value={k.value} defaultChecked={k.value === (initialKind ?? kinds[0]?.value)} aria-describedby={`kind-${k.value}-hint`} />
                <label className="nhsuk-label nhsuk-radios__label" htmlFor={`kind-${k.value}`}>
                  {k.label}
                </label>
                <div className="nhsuk-hint nhsuk-radios__hint" id={`kind-${k.value}-hint`}>
                  {k.hint}
                </div>
              </div>
            ))}
          </div>
        </fieldset>
      </div>
      <div className={fieldErrors.file ? "nhsuk-form-group nhsuk-form-group--error" : "nhsuk-form-group"}>
        <label className="nhsuk-label" htmlFor="file">
          File
        </label>
        <div className="nhsuk-hint" id="file-hint">
          CSV (saved as “CSV UTF-8”) or an Excel workbook (.xlsx, first sheet), with a header row.
        </div>
        {fieldErrors.file && (
          <span className="nhsuk-error-message" id="file-error">
            <span className="nhsuk-u-visually-hidden">Error:</span> {fieldErrors.file}
          </span>
        )}
        <input
          className={fieldErrors.file ? "nhsuk-input nhsuk-input--error" : "nhsuk-input"}
          id="file"
          name="file"
          type="file"
          accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
          aria-describedby={fieldErrors.file ? "file-hint file-error" : "file-hint"}
        />
      </div>
      {working && <ImportProgress progress={state.progress} />}
      <button className="nhsuk-button" type="submit" disabled={working} aria-disabled={working}>
        Check file
      </button>
      <p className="nhsuk-body-s">Checking changes nothing: you will see what the file would do, and every problem in it, before you import it.</p>
    </form>
  );
}
