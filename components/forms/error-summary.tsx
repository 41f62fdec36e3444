import { useId } from "react";
import type { FieldErrors } from "@/lib/errors";

/** The NHS error summary: the message, then a link to each field at fault. */
export function ErrorSummary({ message, fieldErrors, labels }: { message: string; fieldErrors: FieldErrors; labels?: Record<string, string> }) {
  const entries = Object.entries(fieldErrors);
  const titleId = useId(); // several forms on one page may each show a summary
  return (
    <div className="nhsuk-error-summary" aria-labelledby={titleId} role="alert" tabIndex={-1}>
      <h2 className="nhsuk-error-summary__title" id={titleId}>
        There is a problem
      </h2>
      <div className="nhsuk-error-summary__body">
        <p>{message}</p>
        {entries.length > 0 && (
          <ul className="nhsuk-list nhsuk-error-summary__list">
            {entries.map(([field, error]) => (
              <li key={field}>
                <a href={`#${labels?.[field] ?? field}`}>{error}</a>
              </li>
            ))}
          </ul>
        )}
      </div>
    </div>
  );
}
