import type { Metadata } from "next";
import Link from "next/link";
import { SystemForm } from "@/components/system-select";
import { listFootprints, listOrganisations } from "@/db/queries/places";
import { getSystemScope } from "@/db/queries/system-scope";
import { firstParam } from "@/lib/maturity-selection";
import { requireUser } from "@/lib/auth/session";
import { organisationTypeLabels } from "@/lib/organisation-types";

export const metadata: Metadata = { title: "Organisations" };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function OrganisationsPage({ searchParams }: Props) {
  const user = await requireUser();
  const scope = await getSystemScope({ system: firstParam((await searchParams).system), organisationIds: user.organisationIds });
  const systemId = scope.system?.id;
  const [organisations, footprints] = await Promise.all([listOrganisations({ systemId }), listFootprints({ systemId })]);
  const footprintName = new Map(footprints.map((f) => [f.id, f.name]));
  return (
    <>
      <h1>Organisations</h1>
      <SystemForm scope={scope} label="Choose the system" />
      <table className="nhsuk-table">
        <caption className="nhsuk-table__caption">Organisations in {scope.systems.length > 1 && scope.system ? scope.system.name : "the partnership"} and the footprints they serve</caption>
        <thead className="nhsuk-table__head">
          <tr>
            <th scope="col">Organisation</th>
            <th scope="col">ODS code</th>
            <th scope="col">Type</th>
            <th scope="col">Footprints</th>
          </tr>
        </thead>
        <tbody className="nhsuk-table__body">
          {organisations.map((o) => (
            <tr key={o.id}>
              <th scope="row">
                <Link href={`/organisations/${o.id}`}>{o.name}</Link>
                {user.organisationIds.includes(o.id) && <strong className="nhsuk-tag nhsuk-tag--blue app-tag-small">Yours</strong>}
              </th>
              <td>{o.odsCode ?? "–"}</td>
              <td>{organisationTypeLabels[o.type]}</td>
              <td>{o.footprintIds.map((id) => footprintName.get(id)).join(", ")}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}
