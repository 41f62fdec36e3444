import type { FrameworkDomain } from "@/db/schema";
import type { DomainBenchmark } from "@/lib/benchmark-view";
import { formatGap, formatScore, type Scale } from "@/lib/scale";

/** The ICB's own assessment beside the mean of its providers: two results side by side, never one mean. */
export function IcbBesideProviders({
  domains,
  icb,
  providers,
  scale,
  icbName,
  settingName,
}: {
  domains: FrameworkDomain[];
  icb: { scores: Record<string, number>; publishedOverall: number | null };
  providers: DomainBenchmark[];
  scale: Scale;
  icbName: string;
  settingName: string;
}) {
  return (
    <table className="nhsuk-table app-table-compact" data-testid="icb-beside-providers">
      <caption className="nhsuk-table__caption nhsuk-table__caption--m">
        {icbName}&apos;s own assessment beside the mean of its {settingName} providers
      </caption>
      <thead className="nhsuk-table__head">
        <tr>
          <th scope="col">Domain</th>
          <th scope="col" className="nhsuk-table__header--numeric">ICB&apos;s own assessment</th>
          <th scope="col" className="nhsuk-table__header--numeric">Mean of its {settingName} providers</th>
          <th scope="col" className="nhsuk-table__header--numeric">ICB against its providers</th>
        </tr>
      </thead>
      <tbody className="nhsuk-table__body">
        {domains.map((d, i) => {
          const own = icb.scores[d.id];
          const mean = providers[i]?.systemMean ?? null;
          return (
            <tr key={d.id} data-domain={d.code}>
              <th scope="row">{d.name}</th>
              <td className="nhsuk-table__cell--numeric">{formatScore(own, scale)}</td>
              <td className="nhsuk-table__cell--numeric">{formatScore(mean, scale)}</td>
              <td className="nhsuk-table__cell--numeric">{own == null || mean == null ? "–" : formatGap(own - mean, scale)}</td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
