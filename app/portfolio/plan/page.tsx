import type { Metadata } from "next";
import Link from "next/link";
import { PrintButton } from "@/components/print-button";
import { SystemSelect } from "@/components/system-select";
import { systemParams } from "@/lib/system-scope";
import { ownerColour, PlanGrid } from "@/components/portfolio/plan-grid";
import { DownloadLinks } from "@/components/export/download-links";
import { CoOwnershipRequests } from "@/components/portfolio/co-ownership-requests";
import { listPendingInvitationsForOrganisations } from "@/db/queries/portfolio";
import { getCapabilityPlanView } from "@/db/queries/views/capability-plan";
import { requireUser } from "@/lib/auth/session";
import { firstParam } from "@/lib/maturity-selection";
import { canEditProject } from "@/lib/permissions";
import { mayActFor } from "@/lib/project-owners";

export const metadata: Metadata = { title: "Capability plan" };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function CapabilityPlanPage({ searchParams }: Props) {
  const user = await requireUser();
  const query = await searchParams;
  // Unknown choices (an old link, a typed URL) fall back to everything rather than to nothing.
  const [{ systems, system, projects, options, footprint, organisation, priority, shown }, invitations] = await Promise.all([
    getCapabilityPlanView({
      footprint: firstParam(query.footprint),
      organisation: firstParam(query.organisation),
      priority: firstParam(query.priority),
      system: firstParam(query.system),
      organisationIds: user.organisationIds,
    }),
    listPendingInvitationsForOrganisations({ organisationIds: user.organisationIds }),
  ]);
  const requests = invitations.filter((i) => mayActFor(user, i.organisationId));
  const ownerOrder = options.organisations.map((o) => o.id);
  const unknownOwner = shown.filter((p) => p.owners.length === 0).length;

  return (
    <>
      <span className="nhsuk-caption-l">Portfolio</span>
      <h1>Capability plan</h1>
      <p className="nhsuk-lede-text">The projects raising each digital capability domain, in flight in 2016/17 and planned for 2017/18 and 2018/19.</p>
      {requests.length > 0 && (
        <section aria-labelledby="co-ownership-requests" className="app-no-print">
          <h2 id="co-ownership-requests">Co-ownership requests</h2>
          <CoOwnershipRequests invitations={requests} withProject />
        </section>
      )}
      <form method="get" className="app-selection-form app-no-print" aria-label="Choose which projects to show">
        <SystemSelect scope={{ systems, system }} />
        <div className="nhsuk-form-group">
          <label className="nhsuk-label" htmlFor="footprint">
            Footprint
          </label>
          <select className="nhsuk-select" id="footprint" name="footprint" defaultValue={footprint?.code ?? ""}>
            <option value="">All footprints</option>
            {options.footprints.map((f) => (
              <option key={f.id} value={f.code}>
                {f.name}
              </option>
            ))}
          </select>
        </div>
        <div className="nhsuk-form-group">
          <label className="nhsuk-label" htmlFor="organisation">
            Owner
          </label>
          <select className="nhsuk-select" id="organisation" name="organisation" defaultValue={organisation?.id ?? ""}>
            <option value="">All owners</option>
            {options.organisations.map((o) => (
              <option key={o.id} value={o.id}>
                {o.name}
              </option>
            ))}
          </select>
        </div>
        <div className="nhsuk-form-group">
          <label className="nhsuk-label" htmlFor="priority">
            STP digital priority
          </label>
          <select className="nhsuk-select" id="priority" name="priority" defaultValue={priority ?? ""}>
            <option value="">All priorities</option>
            {options.priorities.map((p) => (
              <option key={p} value={p}>
                {p}
              </option>
            ))}
          </select>
        </div>
        <button className="nhsuk-button nhsuk-button--secondary" type="submit">
          Show
        </button>
      </form>
      <div className="app-no-print">
        {canEditProject(user, user.organisationIds) && (
          <Link className="nhsuk-button" href="/portfolio/projects/new">
            Add a project
          </Link>
        )}{" "}
        <Link href="/portfolio/capabilities">Universal capabilities by footprint</Link> · <Link href="/portfolio/gaps">Gap to delivery</Link> ·{" "}
        <Link href="/portfolio/dashboard">Portfolio dashboard</Link>
      </div>
      <PrintButton label="Print the plan" />
      <DownloadLinks name="capability-plan" filters={{ ...systemParams({ systems, system }), footprint: footprint?.code, organisation: organisation?.id, priority }} what="the projects shown, one row each" />
      <p data-testid="plan-summary">
        {shown.length} of {projects.length} projects shown
        {footprint ? ` in ${footprint.name}` : ""}
        {organisation ? `, owned by ${organisation.name}` : ""}
        {priority ? `, serving “${priority}”` : ""}.
        {unknownOwner > 0 &&
          ` ${unknownOwner} of them have no owner recorded: the roadmap marked owners by colour, which did not survive its conversion from slides, and the app does not guess.`}
      </p>
      <h2 className="nhsuk-heading-s">Key: owners</h2>
      <ul className="app-plan-key">
        {options.organisations.map((o, i) => (
          <li key={o.id}>
            <span className="app-plan-key__swatch" style={{ background: ownerColour(i) }} aria-hidden="true" />
            {o.name}
          </li>
        ))}
        <li>
          <span className="app-plan-key__swatch" style={{ background: "#d8dde0" }} aria-hidden="true" />
          Owner not recorded
        </li>
      </ul>
      <PlanGrid projects={shown} ownerOrder={ownerOrder} />
    </>
  );
}
