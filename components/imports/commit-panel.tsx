"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { ErrorSummary } from "@/components/forms/error-summary";
import { ImportProgress, type Progress } from "./import-progress";
import { postWithProgress } from "./stream";

type State = { status: "idle" } | { status: "working"; progress: Progress } | { status: "failed"; message: string };

/** Commits a checked file, showing its progress; the page then shows the outcome. */
export function CommitPanel({ jobId, rows }: { jobId: string; rows: number }) {
  const router = useRouter();
  const [state, setState] = useState<State>({ status: "idle" });
  async function commit() {
    setState({ status: "working", progress: { phase: "committing", rows: 0, fraction: 0 } });
    const outcome = await postWithProgress(`/api/imports/${jobId}/commit`, null, (progress) => setState({ status: "working", progress }));
    if (outcome.ok) {
      router.replace(`/imports/${jobId}?done=committed`);
      router.refresh();
    } else {
      setState({ status: "failed", message: outcome.message });
      router.refresh();
    }
  }
  const working = state.status === "working";
  return (
    <div data-testid="commit-panel">
      {state.status === "failed" && <ErrorSummary message={state.message} fieldErrors={{}} />}
      {working && <ImportProgress progress={state.progress} />}
      <button className="nhsuk-button" type="button" onClick={commit} disabled={working} aria-disabled={working}>
        Import {rows.toLocaleString("en-GB")} {rows === 1 ? "row" : "rows"}
      </button>
    </div>
  );
}
