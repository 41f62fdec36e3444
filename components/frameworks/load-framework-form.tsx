"use client";

import { useActionState } from "react";
import { loadFrameworkAction, type FrameworkFileState } from "@/app/admin/actions";
import { ErrorSummary } from "@/components/forms/error-summary";
import type { ActionState } from "@/lib/auth/action";
import { FrameworkErrors } from "./framework-errors";

/** Loads the file just checked: the server reads and checks it again, then creates it all or nothing. */
export function LoadFrameworkForm({ contents, fileName, code }: { contents: string; fileName: string; code: string }) {
  const [state, formAction, pending] = useActionState<FrameworkFileState | ActionState, FormData>(loadFrameworkAction, null);
  const failed = state && !state.ok ? state : null;
  return (
    <form action={formAction} data-testid="load-framework-form">
      {failed && "rowErrors" in failed ? (
        <FrameworkErrors message={failed.message} fieldErrors={failed.fieldErrors} rowErrors={failed.rowErrors} errorCount={failed.errorCount} idPrefix="load-error" />
      ) : (
        // Its only fields are hidden: a problem with them is said in words, not linked.
        failed && <ErrorSummary message={Object.values(failed.fieldErrors)[0] ?? failed.message} fieldErrors={{}} />
      )}
      <input type="hidden" name="contents" value={contents} />
      <input type="hidden" name="fileName" value={fileName} />
      <h2>Load it</h2>
      <p>Loading creates {code}, its sections and domains, with a record in the change history. A framework is never changed once loaded: a new version is loaded under a new code.</p>
      <button className="nhsuk-button" type="submit" disabled={pending} aria-disabled={pending}>
        Load framework
      </button>
    </form>
  );
}
