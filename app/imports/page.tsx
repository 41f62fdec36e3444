import type { Metadata } from "next";
import Link from "next/link";
import { forbidden } from "next/navigation";
import { ImportForm } from "@/components/imports/import-form";
import { FormatGuide } from "@/components/imports/format-guide";
import { ImportJobsTable } from "@/components/imports/import-jobs-table";
import { listImportJobs } from "@/db/queries/imports";
import { requireUser } from "@/lib/auth/session";
import { importFormats } from "@/lib/import/formats";
import { importKindLabels, type ImportKind } from "@/lib/import/kinds";
import { importableKinds } from "@/lib/import/permissions";

export const metadata: Metadata = { title: "Import data" };

const hints: Record<ImportKind, string> = {
  scores: "One row per organisation, period and domain: ods_code, framework, period, domain, score.",
  "national-averages": "One row per period and domain: framework, period, domain, score.",
  targets: "One row per target: scope, place, framework, domain, financial_year, score.",
  projects: "One row per project, matched on its code.",
  "dma-results": "NHS England's published results workbook, exactly as downloaded (.xlsx): recognised by its layout.",
};

export default async function ImportsPage({ searchParams }: { searchParams: Promise<{ kind?: string; done?: string }> }) {
  const user = await requireUser();
  // Only the kinds this role may import, and that have a documented format.
  const kinds = importableKinds(user);
  if (kinds.length === 0) forbidden();
  const { kind, done } = await searchParams;
  const jobs = await listImportJobs({ userId: user.role === "admin" ? null : user.id });
  return (
    <>
      <h1>Import data</h1>
      {done === "discarded" && (
        <div className="nhsuk-inset-text" role="status">
          <p>The file was discarded: nothing was imported.</p>
        </div>
      )}
      <p className="nhsuk-lede-text">Upload a spreadsheet instead of typing it in. Every file is checked first; nothing changes until you import it, and then all of it does or none of it.</p>
      <ImportForm kinds={kinds.map((k) => ({ value: k, label: importKindLabels[k], hint: hints[k] }))} initialKind={kinds.find((k) => k === kind)} />
      <h2>File formats</h2>
      <p>
        A header row names the columns, in any order (“ODS code” and “ods_code” are the same). Codes and names are as the app shows them; case does not matter. Text that starts with an
        apostrophe and = + - or @ is read without the apostrophe (the way exports protect it).
      </p>
      {kinds
        .filter((k) => importFormats[k].columns.length > 0)
        .map((k) => (
          <FormatGuide key={k} kind={k} />
        ))}
      <h2>{user.role === "admin" ? "Recent imports" : "Your recent imports"}</h2>
      {jobs.length === 0 ? <p>No imports yet.</p> : <ImportJobsTable jobs={jobs} showUser={user.role === "admin"} />}
      <p>
        Exports of the same data are on the <Link href="/maturity">heatmap</Link> and the other table pages.
      </p>
    </>
  );
}
