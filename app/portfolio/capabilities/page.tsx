import type { Metadata } from "next";
import Link from "next/link";
import { DownloadLinks } from "@/components/export/download-links";
import { SystemForm } from "@/components/system-select";
import { getUniversalCapabilitiesView } from "@/db/queries/views/universal-capabilities";
import { systemParams } from "@/lib/system-scope";
import { requireUser } from "@/lib/auth/session";
import { firstParam } from "@/lib/maturity-selection";
import { capabilityProgressLabels, capabilityRoleLabels, projectStatusLabels, type CapabilityProgress } from "@/lib/portfolio";

export const metadata: Metadata = { title: "Universal capabilities" };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

const progressColours: Record<CapabilityProgress, string> = {
  delivered: "nhsuk-tag--green",
  in_progress: "nhsuk-tag--blue",
  planned: "nhsuk-tag--grey",
  nothing: "nhsuk-tag--white",
};

export default async function UniversalCapabilitiesPage({ searchParams }: Props) {
  const user = await requireUser();
  const query = await searchParams;
  const { systems, system, projects, capabilities, tranches, byOwner, columns, matrix } = await getUniversalCapabilitiesView({
    byOwner: firstParam(query.by) === "organisation",
    system: firstParam(query.system),
    organisationIds: user.organisationIds,
  });
  const keep = systemParams({ systems, system });
  // Drill-down: the projects behind one cell.
  const drillUc = Number(firstParam(query.uc));
  const drillColumn = columns.find((c) => c.key === firstParam(query.in));
  const drill = drillColumn && matrix.get(drillUc)?.get(drillColumn.id);
  const drillProjects = drill ? projects.filter((p) => drill.projectIds.includes(p.id)) : [];
  const cellHref = (uc: number, key: string) => `/portfolio/capabilities?${new URLSearchParams({ ...keep, ...(byOwner ? { by: "organisation" } : {}), uc: String(uc), in: key })}#projects`;

  return (
    <>
      <span className="nhsuk-caption-l">Portfolio</span>
      <h1>Universal capabilities</h1>
      <p className="nhsuk-lede-text">
        How far each of the ten national universal capabilities has got, {byOwner ? "by owner organisation" : "by footprint"}, from the projects that enable (E) or
        support (S) it.
      </p>
      <SystemForm scope={{ systems, system }} label="Choose the system" />
      <p>
        {byOwner ? (
          <Link href={`/portfolio/capabilities?${new URLSearchParams(keep)}`}>Show by footprint</Link>
        ) : (
          <Link href={`/portfolio/capabilities?${new URLSearchParams({ ...keep, by: "organisation" })}`}>Show by owner organisation</Link>
        )}
      </p>
      <details className="nhsuk-details">
        <summary className="nhsuk-details__summary">
          <span className="nhsuk-details__summary-text">How progress is worked out</span>
        </summary>
        <div className="nhsuk-details__text">
          <p>
            Delivered once a project that enables the capability is delivered. In progress while a project that enables or supports it is in flight or paused, or once
            a supporting one is delivered. Planned when the only such projects are planned. Stopped projects count for nothing. A project counts in the footprints it
            names and in every footprint its owners serve.
          </p>
        </div>
      </details>
      <div className="app-table-scroll" tabIndex={0} role="region" aria-label="Universal capability matrix">
        <table className="nhsuk-table" data-testid="uc-matrix">
          <caption className="nhsuk-table__caption nhsuk-u-visually-hidden">Progress of each universal capability {byOwner ? "by owner organisation" : "by footprint"}</caption>
          <thead className="nhsuk-table__head">
            <tr>
              <th scope="col">Capability</th>
              {columns.map((c) => (
                <th scope="col" key={c.id}>
                  {c.name}
                </th>
              ))}
            </tr>
          </thead>
          <tbody className="nhsuk-table__body">
            {capabilities.map((uc) => (
              <tr key={uc.id} data-uc={uc.number}>
                <th scope="row">
                  UC {uc.number}: {uc.title}
                </th>
                {columns.map((c) => {
                  const cell = matrix.get(uc.number)!.get(c.id)!;
                  return (
                    <td key={c.id} data-column={c.key} data-progress={cell.progress}>
                      <strong className={`nhsuk-tag ${progressColours[cell.progress]}`}>{capabilityProgressLabels[cell.progress]}</strong>
                      {cell.projectIds.length > 0 && (
                        <>
                          {" "}
                          <Link href={cellHref(uc.number, c.key)}>
                            {cell.projectIds.length} project{cell.projectIds.length === 1 ? "" : "s"}
                            <span className="nhsuk-u-visually-hidden">
                              {" "}
                              for UC {uc.number} in {c.name}
                            </span>
                          </Link>
                        </>
                      )}
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <DownloadLinks name="universal-capabilities" filters={{ ...keep, by: byOwner ? "organisation" : undefined }} what={`the matrix ${byOwner ? "by owner organisation" : "by footprint"}`} />
      {drill && drillColumn && (
        <section aria-labelledby="projects">
          <h2 id="projects">
            UC {drillUc} in {drillColumn.name}: {drillProjects.length} project{drillProjects.length === 1 ? "" : "s"}
          </h2>
          <ul className="nhsuk-list nhsuk-list--bullet" data-testid="uc-projects">
            {drillProjects.map((p) => {
              const role = p.capabilities.find((c) => c.uc === drillUc)!.role;
              return (
                <li key={p.id}>
                  <Link href={`/portfolio/projects/${p.id}`}>{p.title}</Link> ({capabilityRoleLabels[role].toLowerCase()}; {projectStatusLabels[p.status].toLowerCase()};{" "}
                  {p.owners.map((o) => o.name).join(", ") || "owner not recorded"})
                </li>
              );
            })}
          </ul>
        </section>
      )}
      {tranches.length > 0 && (
        <>
          <h2>Programme tranches</h2>
          <div className="app-table-scroll" tabIndex={0} role="region" aria-label="Programme tranches by universal capability">
            <table className="nhsuk-table" data-testid="tranches">
              <caption className="nhsuk-table__caption nhsuk-u-visually-hidden">The universal capabilities each programme tranche enables (E) or supports (S)</caption>
              <thead className="nhsuk-table__head">
                <tr>
                  <th scope="col">Tranche</th>
                  {capabilities.map((uc) => (
                    <th scope="col" key={uc.id}>
                      <abbr title={uc.title}>UC {uc.number}</abbr>
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody className="nhsuk-table__body">
                {tranches.map((t) => (
                  <tr key={t.id}>
                    <th scope="row">
                      {t.programmeName}: {t.name || `tranche ${t.label}`}
                    </th>
                    {capabilities.map((uc) => {
                      const link = t.capabilities.find((l) => l.uc === uc.number);
                      return (
                        <td key={uc.id}>
                          {link ? (
                            <>
                              {link.role}
                              <span className="nhsuk-u-visually-hidden"> ({capabilityRoleLabels[link.role].toLowerCase()})</span>
                            </>
                          ) : (
                            <span className="nhsuk-u-visually-hidden">None</span>
                          )}
                        </td>
                      );
                    })}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
    </>
  );
}
