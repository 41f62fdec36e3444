import { ErrorSummary } from "@/components/forms/error-summary";
import { ImportErrorsTable } from "@/components/imports/import-errors-table";
import type { FieldErrors } from "@/lib/errors";
import type { ImportRowError } from "@/lib/import/header";

/** The summary links to the first few; the table lists them all, by line. */
const LINKED = 10;

/** A framework file's problems: the NHS error summary, then every problem with its line and column. */
export function FrameworkErrors({ message, fieldErrors, rowErrors, errorCount, idPrefix }: { message: string; fieldErrors: FieldErrors; rowErrors: ImportRowError[]; errorCount: number; idPrefix: string }) {
  const linked: FieldErrors = { ...fieldErrors };
  rowErrors.slice(0, LINKED).forEach((e, i) => {
    linked[`${idPrefix}-${i}`] = `${e.line > 0 ? `Line ${e.line}` : "The file"}${e.column ? `, ${e.column}` : ""}: ${e.message}`;
  });
  return (
    <>
      <ErrorSummary message={errorCount > LINKED ? `${message} The first ${LINKED} are listed here; the table below has them all.` : message} fieldErrors={linked} />
      {rowErrors.length > 0 && (
        <>
          <h2>Problems to correct</h2>
          <ImportErrorsTable errors={rowErrors} total={errorCount} idPrefix={idPrefix} />
        </>
      )}
    </>
  );
}
