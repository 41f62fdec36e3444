"use client";

export interface Progress {
  phase: string;
  rows: number;
  fraction: number;
}

const phaseLabels: Record<string, string> = { checking: "Checking", committing: "Importing", uploading: "Uploading" };

/** A progress bar with its words, read out politely by screen readers as it moves. */
export function ImportProgress({ progress }: { progress: Progress }) {
  const percent = Math.round(progress.fraction * 100);
  const label = `${phaseLabels[progress.phase] ?? "Working"}: ${progress.rows.toLocaleString("en-GB")} rows so far (${percent}% of the file)`;
  return (
    <div className="nhsuk-u-margin-bottom-4" data-testid="import-progress">
      <label htmlFor="import-progress-bar" className="nhsuk-label">
        {phaseLabels[progress.phase] ?? "Working"}…
      </label>
      <progress id="import-progress-bar" max={100} value={percent} className="app-import-progress" />
      <p role="status" aria-live="polite" className="nhsuk-body-s">
        {label}
      </p>
    </div>
  );
}
