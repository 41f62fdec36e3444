"use client";

/** Opens the browser's print dialogue; the print stylesheet leaves out navigation and forms. */
export function PrintButton({ label = "Print" }: { label?: string }) {
  return (
    <button type="button" className="nhsuk-button nhsuk-button--secondary app-no-print" onClick={() => window.print()}>
      {label}
    </button>
  );
}
