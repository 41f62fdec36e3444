"use client";

import { useActionState, useState, type FormEvent } from "react";
import { checkFrameworkFileAction, type FrameworkFileState } from "@/app/admin/actions";
import { ErrorSummary } from "@/components/forms/error-summary";
import type { ActionState } from "@/lib/auth/action";
import { FrameworkErrors } from "./framework-errors";
import { FrameworkPreview } from "./framework-preview";
import { LoadFrameworkForm } from "./load-framework-form";

type State = FrameworkFileState | ActionState;

/** Check a framework file: its preview and the button to load it, or every problem in it. */
export function FrameworkFileForm({ maxBytes }: { maxBytes: number }) {
  const [state, formAction, pending] = useActionState<State, FormData>(checkFrameworkFileAction, null);
  // A file too large for the server to accept is refused here, with a message rather than a failed request.
  const [tooLarge, setTooLarge] = useState(false);
  const failed = state && !state.ok ? state : null;
  const preview = state && state.ok && "preview" in state ? state : null;
  const fileError = tooLarge ? `Choose a file of at most ${maxBytes / 1024} KB` : failed?.fieldErrors.file;

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    const file = new FormData(event.currentTarget).get("file");
    const large = file instanceof File && file.size > maxBytes;
    setTooLarge(large);
    if (large) event.preventDefault();
  }

  return (
    <>
      {tooLarge ? (
        <ErrorSummary message={`The file was not checked: it is larger than ${maxBytes / 1024} KB, more than any framework needs.`} fieldErrors={{ file: fileError! }} />
      ) : failed && "rowErrors" in failed ? (
        <FrameworkErrors message={failed.message} fieldErrors={failed.fieldErrors} rowErrors={failed.rowErrors} errorCount={failed.errorCount} idPrefix="framework-error" />
      ) : (
        failed && <ErrorSummary message={failed.message} fieldErrors={failed.fieldErrors} />
      )}
      {preview && (
        <div className="nhsuk-inset-text" role="status">
          <p>
            {preview.fileName ? `${preview.fileName}: ` : ""}
            {preview.message}
          </p>
        </div>
      )}
      <form action={formAction} onSubmit={onSubmit} noValidate data-testid="framework-file-form">
        <div className={fileError ? "nhsuk-form-group nhsuk-form-group--error" : "nhsuk-form-group"}>
          <label className="nhsuk-label nhsuk-label--s" htmlFor="file">
            {preview ? "Check another file" : "Framework file"}
          </label>
          <div className="nhsuk-hint" id="file-hint">
            CSV (saved as “CSV UTF-8”) or an Excel workbook (.xlsx, first sheet), one row per domain, at most {maxBytes / 1024} KB.
          </div>
          {fileError && (
            <span className="nhsuk-error-message" id="file-error">
              <span className="nhsuk-u-visually-hidden">Error:</span> {fileError}
            </span>
          )}
          <input
            className={fileError ? "nhsuk-input nhsuk-input--error" : "nhsuk-input"}
            id="file"
            name="file"
            type="file"
            accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            aria-describedby={fileError ? "file-hint file-error" : "file-hint"}
          />
        </div>
        <button className={preview ? "nhsuk-button nhsuk-button--secondary" : "nhsuk-button"} type="submit" disabled={pending} aria-disabled={pending}>
          Check file
        </button>
        <p className="nhsuk-body-s">Checking creates nothing: you see what the file would create, or every problem in it, first.</p>
      </form>
      {preview && (
        <>
          <FrameworkPreview summary={preview.preview} />
          <LoadFrameworkForm key={preview.checkId} contents={preview.contents} fileName={preview.fileName} code={preview.preview.code} />
        </>
      )}
    </>
  );
}
