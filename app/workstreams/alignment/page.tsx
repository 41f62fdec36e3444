import type { Metadata } from "next";
import Link from "next/link";
import { SystemForm } from "@/components/system-select";
import { getSystemScope } from "@/db/queries/system-scope";
import { getAlignmentMatrix } from "@/db/queries/workstreams";
import { firstParam } from "@/lib/maturity-selection";
import { requireUser } from "@/lib/auth/session";

export const metadata: Metadata = { title: "Alignment to STP goals" };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function AlignmentPage({ searchParams }: Props) {
  const user = await requireUser();
  const scope = await getSystemScope({ system: firstParam((await searchParams).system), organisationIds: user.organisationIds });
  const { goals, workstreams, cells } = await getAlignmentMatrix({ systemId: scope.system?.id });
  const cell = (workstreamId: string, goalId: string) => cells.find((c) => c.workstreamId === workstreamId && c.goalId === goalId);
  return (
    <>
      <span className="nhsuk-caption-l">Workstreams</span>
      <h1>Aligning the roadmap to STP goals</h1>
      <p className="nhsuk-lede-text">How each digital workstream serves the STP&apos;s service goals, with the roadmap&apos;s examples of digital initiatives.</p>
      <SystemForm scope={scope} label="Choose the system" />
      <h2>The STP goals</h2>
      <dl className="nhsuk-summary-list">
        {goals.map((g) => (
          <div className="nhsuk-summary-list__row" key={g.id}>
            <dt className="nhsuk-summary-list__key">{g.name}</dt>
            <dd className="nhsuk-summary-list__value">
              {g.description}
              {g.summary && <p className="nhsuk-body-s nhsuk-u-margin-top-2 nhsuk-u-margin-bottom-0">{g.summary}</p>}
            </dd>
          </div>
        ))}
      </dl>
      <h2>Workstreams × goals</h2>
      <div className="app-table-scroll" tabIndex={0} role="region" aria-label="Workstream by STP goal matrix">
        <table className="nhsuk-table app-alignment" data-testid="alignment">
          <caption className="nhsuk-table__caption nhsuk-u-visually-hidden">Examples of how each workstream serves each STP goal</caption>
          <thead className="nhsuk-table__head">
            <tr>
              <th scope="col">Workstream</th>
              {goals.map((g) => (
                <th scope="col" key={g.id}>
                  {g.name}
                </th>
              ))}
            </tr>
          </thead>
          <tbody className="nhsuk-table__body">
            {workstreams.map((w) => (
              <tr key={w.id} data-workstream={w.code}>
                <th scope="row">
                  <Link href={`/workstreams/${w.id}`}>{w.name}</Link>
                </th>
                {goals.map((g) => {
                  const c = cell(w.id, g.id);
                  return (
                    <td key={g.id}>
                      {c && c.examples.length > 0 ? (
                        <ul>
                          {c.examples.map((e) => (
                            <li key={e}>{e}</li>
                          ))}
                        </ul>
                      ) : (
                        <span className="app-muted">No example in the roadmap</span>
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
  );
}
