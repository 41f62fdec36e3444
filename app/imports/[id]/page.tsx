import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { CommitPanel } from "@/components/imports/commit-panel";
import { DiscardForm } from "@/components/imports/discard-form";
import { DmaNames } from "@/components/imports/dma-names";
import { ImportErrorsTable } from "@/components/imports/import-errors-table";
import { StatusTag } from "@/components/imports/status-tag";
import { getImportJob } from "@/db/queries/imports";
import { requireUser } from "@/lib/auth/session";
import { isUuid } from "@/lib/ids";
import { importKindLabels } from "@/lib/import/kinds";
import { PREVIEW_LIFETIME_HOURS } from "@/lib/request-limits";

export const metadata: Metadata = { title: "Import preview" };

const when = (d: Date) => d.toLocaleString("en-GB", { timeZone: "Europe/London", dateStyle: "medium", timeStyle: "short" });
const n = (value: number) => value.toLocaleString("en-GB");

/** Where to see what an import changed. */
const lookAt = {
  scores: { href: "/maturity", label: "the heatmap" },
  "national-averages": { href: "/maturity", label: "the heatmap" },
  targets: { href: "/trajectories", label: "the trajectories" },
  projects: { href: "/portfolio/plan", label: "the capability plan" },
  "dma-results": { href: "/benchmarks", label: "the peer benchmarks" },
} as const;

export default async function ImportPage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<{ done?: string }> }) {
  const user = await requireUser();
  const { id } = await params;
  const { done } = await searchParams;
  if (!isUuid(id)) notFound();
  const job = await getImportJob({ jobId: id });
  // Imports are their users' own; an administrator sees every one.
  if (!job || (job.userId !== user.id && user.role !== "admin")) notFound();
  const own = job.userId === user.id;
  const ready = job.status === "checked" && job.errorCount === 0 && job.hasContents;
  const unmatched = job.kind === "dma-results" ? (job.options.unmatched ?? []) : [];
  return (
    <>
      <span className="nhsuk-caption-l">Import: {importKindLabels[job.kind]}</span>
      <h1>{job.fileName}</h1>
      {job.status === "committed" && (
        <div className="nhsuk-panel nhsuk-panel--confirmation" data-testid="import-committed" role={done === "committed" ? "status" : undefined}>
          <h2 className="nhsuk-panel__title">Imported</h2>
          <div className="nhsuk-panel__body">
            {n(job.created)} added, {n(job.changed)} changed, {n(job.unchanged)} already as in the file.
          </div>
        </div>
      )}
      <dl className="nhsuk-summary-list">
        <div className="nhsuk-summary-list__row">
          <dt className="nhsuk-summary-list__key">Status</dt>
          <dd className="nhsuk-summary-list__value">
            <StatusTag job={job} />
          </dd>
        </div>
        <div className="nhsuk-summary-list__row">
          <dt className="nhsuk-summary-list__key">Checked</dt>
          <dd className="nhsuk-summary-list__value">
            {when(job.createdAt)} by {job.userName}
          </dd>
        </div>
        <div className="nhsuk-summary-list__row">
          <dt className="nhsuk-summary-list__key">Rows</dt>
          <dd className="nhsuk-summary-list__value" data-testid="import-rows">
            {n(job.rowCount)}
          </dd>
        </div>
        <div className="nhsuk-summary-list__row">
          <dt className="nhsuk-summary-list__key">{job.status === "committed" ? "What it did" : "What it would do"}</dt>
          <dd className="nhsuk-summary-list__value" data-testid="import-counts">
            {n(job.created)} to add, {n(job.changed)} to change, {n(job.unchanged)} left alone (already as in the file)
          </dd>
        </div>
        <div className="nhsuk-summary-list__row">
          <dt className="nhsuk-summary-list__key">Rows with errors</dt>
          <dd className="nhsuk-summary-list__value" data-testid="import-error-count">
            {n(job.errorCount)}
          </dd>
        </div>
      </dl>
      {job.kind === "dma-results" && job.options.year != null && (
        <p data-testid="dma-summary">
          NHS England&apos;s Digital Maturity Assessment results for {job.options.year}: {n(job.rowCount)} organisation and care setting rows
          {job.options.leaveOutUnmatched && unmatched.length > 0 ? `, of which ${n(job.options.leftOut ?? 0)} are left out because their names match no organisation` : ""}. Each
          pillar score and each published overall score counts once below.
        </p>
      )}
      {job.status === "checked" && own && unmatched.length > 0 && job.hasContents && (
        <DmaNames jobId={job.id} unmatched={unmatched} leftOut={job.options.leaveOutUnmatched === true} />
      )}
      {job.errorCount > 0 && (
        <>
          <h2>Errors to correct</h2>
          <p>
            Nothing can be imported from this file until every error is corrected. Correct the file and <Link href={`/imports?kind=${job.kind}`}>check it again</Link>.
          </p>
          <ImportErrorsTable errors={job.errors} total={job.errorCount} />
        </>
      )}
      {ready && own && (
        <>
          <h2>Import it</h2>
          <p>Every row passed. Importing writes all of them, with their history, in one go; if anything has changed since this check so that a row no longer passes, nothing is written.</p>
          <p>Import it or discard it by {when(new Date(job.createdAt.getTime() + PREVIEW_LIFETIME_HOURS * 3_600_000))}: a checked file not imported within {PREVIEW_LIFETIME_HOURS} hours is discarded.</p>
          <CommitPanel jobId={job.id} rows={job.rowCount} />
          <DiscardForm jobId={job.id} />
        </>
      )}
      {job.status === "committed" && (
        <p>
          See the result on <Link href={lookAt[job.kind].href}>{lookAt[job.kind].label}</Link>, or <Link href="/imports">import another file</Link>.
        </p>
      )}
      {job.status === "discarded" && <p>This file was discarded: nothing was imported from it.</p>}
      {job.status === "expired" && <p>This file was not imported within {PREVIEW_LIFETIME_HOURS} hours of its check, so it was discarded: nothing was imported from it. Upload it again to check it afresh.</p>}
    </>
  );
}
