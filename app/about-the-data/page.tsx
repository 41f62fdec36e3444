import type { Metadata } from "next";
import Link from "next/link";
import { listFrameworks } from "@/db/queries/frameworks";
import { requireUser } from "@/lib/auth/session";
import { careSettingLabels } from "@/lib/care-settings";

export const metadata: Metadata = { title: "About the data" };

// Where every figure comes from, and the attribution the publishers ask for.
export default async function AboutTheDataPage() {
  await requireUser();
  const frameworks = await listFrameworks();
  return (
    <>
      <h1>About the data</h1>
      <p className="nhsuk-lede-text">
        Contains public sector information from NHS England, licensed under the{" "}
        <a href="https://www.nationalarchives.gov.uk/doc/open-government-licence/version/3/">Open Government Licence v3.0</a>.
      </p>
      <h2>Organisations and systems</h2>
      <p>
        England&apos;s NHS trusts, integrated care boards (ICBs) and regions come from the NHS Organisation Data Service (ODS) lists of July 2025 and 2026. Each ICB is an
        organisation (it is assessed too) and the system it leads. A trust belongs to its ICB of 2025, the time of the results shipped; the ICBs that merged in April 2026
        name the ICB they became, whose pages include their results.
      </p>
      <h2>Maturity frameworks</h2>
      <table className="nhsuk-table" data-testid="frameworks">
        <caption className="nhsuk-table__caption nhsuk-table__caption--s">Frameworks, their scales and where they come from</caption>
        <thead className="nhsuk-table__head">
          <tr>
            <th scope="col">Framework</th>
            <th scope="col">Scale</th>
            <th scope="col">Care settings</th>
            <th scope="col">Source</th>
          </tr>
        </thead>
        <tbody className="nhsuk-table__body">
          {frameworks.map((f) => (
            <tr key={f.id}>
              <th scope="row">
                {f.name} <span className="app-muted">{f.code}</span>
              </th>
              <td>
                {f.scaleMin} to {f.scaleMax}
                {f.unit}, {f.scoreDecimals === 0 ? "whole numbers" : `${f.scoreDecimals} decimal place${f.scoreDecimals === 1 ? "" : "s"}`}
              </td>
              <td>{f.careSettings.map((c) => careSettingLabels[c]).join(", ")}</td>
              <td>{f.source ?? "The 2016 Buckinghamshire, Oxfordshire & Berkshire West Local Digital Roadmap (the demo data)"}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <h2>NHS England&apos;s Digital Maturity Assessment results</h2>
      <p>
        The 2025 results data file (version 2, published 30 March 2026) is imported as published, through the same importer an administrator uses on the{" "}
        <Link href="/imports">Import</Link> page. The app holds the seven &ldquo;What Good Looks Like&rdquo; pillars per care setting, the granularity NHS England publishes;
        its domain question sets are not public, so the app holds none. The overall score is NHS England&apos;s own, over comparable domains only: it is shown as published
        and never worked out from the pillars. National figures are computed from every organisation in a care setting; scores compare only within one setting.
      </p>
      <p>
        Three trusts in the file are not on the shipped ODS lists (trusts with T codes, such as Bradford District Care, are missing from them): their rows are left out of the demo, and the import&apos;s history says so.
        An administrator can add them, or map any name to an organisation, on the import&apos;s preview.
      </p>
    </>
  );
}
