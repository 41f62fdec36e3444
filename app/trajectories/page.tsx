import { formatScore } from "@/lib/scale";
import type { Metadata } from "next";
import Link from "next/link";
import { DomainTrajectorySection } from "@/components/trajectories/domain-trajectory";
import { OrganisationSummaries } from "@/components/trajectories/organisation-summaries";
import { TrajectoryStatusTable } from "@/components/trajectories/status-table";
import { TrajectoryScopeForm } from "@/components/trajectories/scope-form";
import { DownloadLinks } from "@/components/export/download-links";
import { getTrajectoriesView } from "@/db/queries/views/trajectories";
import { requireUser } from "@/lib/auth/session";
import { formatFinancialYear } from "@/lib/financial-year";
import { firstParam } from "@/lib/maturity-selection";
import { canSetTarget } from "@/lib/permissions";
import { trajectoryRules } from "@/lib/trajectory";
import { editableTargetsByDomain, parseAsAt } from "@/lib/trajectory-view";
import { rateLimitNotice } from "@/lib/rate-limit";
import { RateLimitNotice } from "@/components/rate-limit-notice";

export const metadata: Metadata = { title: "Trajectories" };

type Params = Promise<Record<string, string | string[] | undefined>>;

export default async function TrajectoriesPage({ searchParams }: { searchParams: Params }) {
  const user = await requireUser();
  const params = await searchParams;
  const today = new Date().toISOString().slice(0, 10);
  // A past date is rebuilt from the change history: rate-limited, today's figures are not.
  const limited = parseAsAt(firstParam(params.asAt), today) ? await rateLimitNotice("as-at", { userId: user.id }) : null;
  if (limited) return <RateLimitNotice title="Trajectories" message={limited} />;
  const view = await getTrajectoriesView({
    framework: firstParam(params.framework),
    footprint: firstParam(params.footprint),
    organisation: firstParam(params.organisation),
    setting: firstParam(params.setting),
    asAt: firstParam(params.asAt),
    today,
    system: firstParam(params.system),
    organisationIds: user.organisationIds,
  });
  if (!view) return <h1>No maturity framework has been set up yet</h1>;
  const { selection, structure, organisation, organisations, scope, scopeLabel, asAt, judgedOn, data, goal, trajectories, summaryIds, summaries, domains, scopeParams } = view;
  const goalMisses = goal ? trajectories.filter((t) => t.goal && t.goal.meets !== true) : [];
  // Editing is for the present: the past is read-only.
  const mayEdit = !asAt && canSetTarget(user, scope.type, scope.id);
  const permalink = `/trajectories?${new URLSearchParams({ ...scopeParams, asAt: judgedOn })}`;
  const editing = firstParam(params.edit);
  const editable = editableTargetsByDomain(data.targets, scope.id);
  const exportFilters = { ...scopeParams, ...(asAt ? { asAt } : {}) };

  return (
    <>
      <h1>Trajectories</h1>
      <p className="nhsuk-lede-text">
        {scopeLabel}: is each {structure.name} domain on course for its targets?
      </p>
      <TrajectoryScopeForm
        selection={selection}
        organisations={organisations.filter((o) => o.odsCode).map((o) => ({ id: o.id, name: o.name }))}
        organisationId={organisation?.id ?? null}
        asAt={asAt ?? ""}
      />
      {asAt ? (
        <div className="nhsuk-warning-callout" data-testid="as-at-banner">
          <h2 className="nhsuk-warning-callout__label">
            <span role="text">
              <span className="nhsuk-u-visually-hidden">Important: </span>As at {new Date(`${asAt}T12:00:00Z`).toLocaleDateString("en-GB", { dateStyle: "long" })}
            </span>
          </h2>
          <p>
            Scores, targets and statuses as they stood at the end of that day, rebuilt from the change history. Targets cannot be changed in this view.{" "}
            <Link href={`/trajectories?${new URLSearchParams(scopeParams)}`}>Show today&apos;s figures</Link>
          </p>
        </div>
      ) : (
        <p className="nhsuk-body-s">
          Judged on {judgedOn}. <Link href={permalink}>Permanent link to these figures as at today</Link>
        </p>
      )}

      {goal && (
        <div className="nhsuk-inset-text" data-testid="section-goal">
          <h2 className="nhsuk-heading-s">
            Goal: {goal.description} (at least {formatScore(goal.threshold - goal.tolerance, view.scale)} by 31 March {goal.financialYear + 1})
          </h2>
          <p>
            {goalMisses.length === 0
              ? "Every domain is projected to meet it."
              : `${goalMisses.length} of ${goal.domainIds.size} domains are not projected to meet it: ${goalMisses.map((t) => domains.get(t.domainId)!.name).join(", ")}. They are listed first below.`}
          </p>
        </div>
      )}

      <details className="nhsuk-details">
        <summary className="nhsuk-details__summary">
          <span className="nhsuk-details__summary-text">How the status is worked out</span>
        </summary>
        <div className="nhsuk-details__text">
          <ul>
            {trajectoryRules(view.scale).map((rule) => (
              <li key={rule}>{rule}</li>
            ))}
            {goal && (
              <li>
                The section goal is met when the score expected at 31 March {goal.financialYear + 1} (the end of {formatFinancialYear(goal.financialYear)}) is at least{" "}
                {formatScore(goal.threshold, view.scale)} less {goal.tolerance}{view.scale.unit === "%" ? " points" : ""} for &ldquo;close to&rdquo;. A domain with no score since its baseline cannot be projected and is listed with the misses.
              </li>
            )}
          </ul>
        </div>
      </details>

      <TrajectoryStatusTable trajectories={trajectories} domains={domains} caption={`${scopeLabel}: status of every domain, most urgent first`} />
      <DownloadLinks name="trajectories" filters={exportFilters} what="the status of every domain" />

      {summaries.length > 0 && (
        <OrganisationSummaries
          scale={view.scale}
          summaries={summaries}
          organisations={new Map(organisations.map((o) => [o.id, o]))}
          domains={summaryIds.map((id) => domains.get(id)!)}
          scopeLabel={scopeLabel}
          linkParams={{ framework: structure.code, ...(asAt ? { asAt } : {}) }}
        />
      )}

      <h2>Domain by domain</h2>
      <DownloadLinks name="trajectory-figures" filters={exportFilters} what="every domain's actuals, targets and national average by date" label="Download the figures as" />
      {trajectories.map((t) => {
        const domain = domains.get(t.domainId)!;
        return (
          <DomainTrajectorySection
            key={t.domainId}
            trajectory={t}
            domain={domain}
            scopeLabel={scopeLabel}
            edit={
              mayEdit
                ? {
                    scope: scope.type,
                    scopeId: scope.id,
                    frameworkId: structure.id,
                    targets: editable.get(t.domainId) ?? [],
                    open: editing === domain.code,
                    openHref: `/trajectories?${new URLSearchParams({ ...scopeParams, edit: domain.code })}#trajectory-${domain.code}`,
                  }
                : null
            }
          />
        );
      })}
    </>
  );
}
