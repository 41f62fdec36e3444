import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { HistoryTable } from "@/components/history-table";
import { AddBenefitForm, AddMilestoneForm, MilestoneDoneForm } from "@/components/portfolio/plan-forms";
import { CoOwnershipRequests } from "@/components/portfolio/co-ownership-requests";
import { ProjectForm } from "@/components/portfolio/project-form";
import { listAuditEntriesByEntity } from "@/db/queries/audit";
import { getProjectById, listProjectFormOptions } from "@/db/queries/portfolio";
import { londonDate } from "@/lib/as-at";
import { requireUser } from "@/lib/auth/session";
import { formatDate } from "@/lib/dates";
import { isUuid } from "@/lib/ids";
import { firstParam } from "@/lib/maturity-selection";
import { can, canEditProject } from "@/lib/permissions";
import { mayActFor } from "@/lib/project-owners";
import { capabilityRoleLabels, planPeriodLabel, projectStatusLabels } from "@/lib/portfolio";
import { ragLabels } from "@/lib/rag";

export const metadata: Metadata = { title: "Project" };

type Props = { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function ProjectPage({ params, searchParams }: Props) {
  const user = await requireUser();
  const { id } = await params;
  if (!isUuid(id)) notFound();
  const project = await getProjectById({ projectId: id });
  if (!project) notFound();
  const mayEdit = canEditProject(user, project.owners.map((o) => o.id));
  const [options, history] = await Promise.all([
    mayEdit ? listProjectFormOptions({ systemId: project.systemId }) : null,
    listAuditEntriesByEntity({ entityType: "project", entityId: id, includeRefusals: can(user, "history.view"), limit: 200 }),
  ]);
  const today = londonDate();
  const done = firstParam((await searchParams).done);
  const created = done === "created";
  const forMe = project.invitations.filter((i) => mayActFor(user, i.organisationId));

  return (
    <>
      <span className="nhsuk-caption-l">Project</span>
      <h1>{project.title}</h1>
      {created && (
        <div className="nhsuk-inset-text" role="status" data-testid="confirmation">
          <p>Project added. It now shows on the capability plan and the universal capability matrix.</p>
        </div>
      )}
      {(done === "accepted" || done === "declined") && (
        <div className="nhsuk-inset-text" role="status" data-testid="confirmation">
          <p>
            {done === "accepted"
              ? "Invitation accepted: the organisation now co-owns this project, which counts in its capability matrix and portfolio."
              : "Invitation declined: the organisation does not co-own this project."}
          </p>
        </div>
      )}
      {forMe.length > 0 && (
        <section aria-labelledby="co-ownership-requests">
          <h2 id="co-ownership-requests">Co-ownership requests</h2>
          <CoOwnershipRequests invitations={forMe} withProject={false} />
        </section>
      )}
      <dl className="nhsuk-summary-list" data-testid="project-summary">
        <div className="nhsuk-summary-list__row">
          <dt className="nhsuk-summary-list__key">Status</dt>
          <dd className="nhsuk-summary-list__value">
            {projectStatusLabels[project.status]}
            {project.rag && (
              <>
                {" "}
                · RAG {ragLabels[project.rag]}
                {project.ragReason ? `: ${project.ragReason}` : ""}
              </>
            )}
          </dd>
        </div>
        <div className="nhsuk-summary-list__row">
          <dt className="nhsuk-summary-list__key">Owners</dt>
          <dd className="nhsuk-summary-list__value">{project.owners.length ? project.owners.map((o) => o.name).join(", ") : (project.ownerNote ?? "Not recorded")}</dd>
        </div>
        {project.invitations.length > 0 && (
          <div className="nhsuk-summary-list__row">
            <dt className="nhsuk-summary-list__key">Invited to co-own</dt>
            <dd className="nhsuk-summary-list__value" data-testid="project-invitations">
              {project.invitations.map((i) => i.name).join(", ")} (not owners until a CIO of each accepts)
            </dd>
          </div>
        )}
        <div className="nhsuk-summary-list__row">
          <dt className="nhsuk-summary-list__key">Footprints named</dt>
          <dd className="nhsuk-summary-list__value">{project.footprints.map((f) => f.name).join(", ") || "None besides its owners'"}</dd>
        </div>
        <div className="nhsuk-summary-list__row">
          <dt className="nhsuk-summary-list__key">Maturity domain</dt>
          <dd className="nhsuk-summary-list__value">{project.domainName}</dd>
        </div>
        <div className="nhsuk-summary-list__row">
          <dt className="nhsuk-summary-list__key">STP digital priority</dt>
          <dd className="nhsuk-summary-list__value">{project.stpPriority}</dd>
        </div>
        <div className="nhsuk-summary-list__row">
          <dt className="nhsuk-summary-list__key">Programme</dt>
          <dd className="nhsuk-summary-list__value">{project.programmeName ?? "None"}</dd>
        </div>
        <div className="nhsuk-summary-list__row">
          <dt className="nhsuk-summary-list__key">Period</dt>
          <dd className="nhsuk-summary-list__value">
            {planPeriodLabel(project.fromYear, project.toYear)}
            {project.startOn || project.endOn ? ` (${project.startOn ? formatDate(project.startOn) : "…"} to ${project.endOn ? formatDate(project.endOn) : "…"})` : ""}
          </dd>
        </div>
        <div className="nhsuk-summary-list__row">
          <dt className="nhsuk-summary-list__key">Universal capabilities</dt>
          <dd className="nhsuk-summary-list__value" data-testid="project-capabilities">
            {project.capabilities.length === 0 ? (
              "None recorded"
            ) : (
              <ul className="nhsuk-list nhsuk-u-margin-bottom-0">
                {project.capabilities.map((c) => (
                  <li key={c.uc}>
                    {capabilityRoleLabels[c.role]} UC {c.uc}: {c.title}
                  </li>
                ))}
              </ul>
            )}
          </dd>
        </div>
        {project.description && (
          <div className="nhsuk-summary-list__row">
            <dt className="nhsuk-summary-list__key">Description</dt>
            <dd className="nhsuk-summary-list__value">{project.description}</dd>
          </div>
        )}
      </dl>
      <h2>Milestones</h2>
      {project.milestones.length === 0 ? (
        <p>No milestones recorded.</p>
      ) : (
        <table className="nhsuk-table" data-testid="milestones">
          <caption className="nhsuk-table__caption nhsuk-u-visually-hidden">Milestones, soonest first</caption>
          <thead className="nhsuk-table__head">
            <tr>
              <th scope="col">Milestone</th>
              <th scope="col">Due</th>
              <th scope="col">Met</th>
            </tr>
          </thead>
          <tbody className="nhsuk-table__body">
            {project.milestones.map((m) => (
              <tr key={m.id}>
                <th scope="row">{m.title}</th>
                <td>
                  {formatDate(m.dueOn)}
                  {!m.doneOn && m.dueOn < today && <strong className="nhsuk-tag nhsuk-tag--red app-tag-small">Overdue</strong>}
                </td>
                <td>{m.doneOn ? formatDate(m.doneOn) : mayEdit ? <MilestoneDoneForm milestoneId={m.id} title={m.title} today={today} /> : "Not yet"}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {mayEdit && <AddMilestoneForm projectId={project.id} />}
      <h2>Expected benefits</h2>
      {project.benefits.length === 0 ? (
        <p>No expected benefits recorded.</p>
      ) : (
        <dl className="nhsuk-summary-list" data-testid="benefits">
          {project.benefits.map((b) => (
            <div className="nhsuk-summary-list__row" key={b.id}>
              <dt className="nhsuk-summary-list__key">{b.category}</dt>
              <dd className="nhsuk-summary-list__value">{b.description}</dd>
            </div>
          ))}
        </dl>
      )}
      {mayEdit && options && <AddBenefitForm projectId={project.id} categories={options.benefitCategories} />}
      <p>
        <Link href="/portfolio/plan">Back to the capability plan</Link>
      </p>
      {options && (
        <>
          <h2>Change this project</h2>
          <ProjectForm options={options} project={project} />
        </>
      )}
      <h2>Change history</h2>
      <HistoryTable entries={history} caption={`Changes to ${project.title}`} />
    </>
  );
}
