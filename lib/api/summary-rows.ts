import type { z } from "zod";
import { distanceBand, gap, summariseDomains, type ScoredOrganisation, type ScoresByDomain } from "@/lib/maturity";
import { roundToScale, scaleOf } from "@/lib/scale";
import type { summaryRowSchema } from "./endpoints/summaries";
import type { CareSetting } from "@/lib/care-settings";

type SummaryRow = z.input<typeof summaryRowSchema>;

interface Scope {
  level: SummaryRow["level"];
  id: string;
  code: string | null;
  name: string;
  organisations: readonly ScoredOrganisation[];
}

/**
 * A period's domain summaries for the system, each footprint and each reporting
 * organisation, as the heatmap's foot computes them (lib/maturity summariseDomains): the
 * mean of the reported scores of the providers in scope, the national average, and how
 * many providers are strictly above it.
 */
export function summaryRows({
  framework,
  period,
  domains,
  system,
  footprints,
  organisations,
  national,
  careSetting,
}: {
  framework: { code: string; scaleMin: number; scaleMax: number; scoreDecimals: number; unit: string };
  /** The care setting the organisations were assessed in: summaries never mix two. */
  careSetting: CareSetting;
  period: { code: string; name: string; assessedOn: string };
  domains: readonly { id: string; code: string; name: string; sectionCode: string }[];
  system: { id: string; code: string; name: string };
  footprints: readonly { id: string; code: string; name: string }[];
  /** The organisations that reported in the period, with the footprints they serve. */
  organisations: readonly (ScoredOrganisation & { name: string; odsCode: string | null; footprintIds: readonly string[] })[];
  national: ScoresByDomain;
}): SummaryRow[] {
  const scale = scaleOf(framework);
  const scopes: Scope[] = [
    { level: "system", id: system.id, code: system.code, name: system.name, organisations },
    ...footprints.map((f) => ({ level: "footprint" as const, id: f.id, code: f.code, name: f.name, organisations: organisations.filter((o) => o.footprintIds.includes(f.id)) })),
    ...organisations.map((o) => ({ level: "organisation" as const, id: o.id, code: o.odsCode, name: o.name, organisations: [o] })),
  ];
  const domainIds = domains.map((d) => d.id);
  return scopes.flatMap((scope) =>
    summariseDomains(domainIds, scope.organisations, national).map((s, i) => {
      const domain = domains[i]!;
      return {
        framework: framework.code,
        period: period.code,
        periodName: period.name,
        assessedOn: period.assessedOn,
        level: scope.level,
        scopeId: scope.id,
        scopeCode: scope.code,
        scopeName: scope.name,
        section: domain.sectionCode,
        domainId: domain.id,
        domainCode: domain.code,
        domainName: domain.name,
        mean: s.mean,
        careSetting,
        meanRounded: s.mean == null ? null : roundToScale(s.mean, scale.decimals),
        national: s.national,
        gapToNational: gap(s.mean, s.national),
        providersAbove: s.providersAbove,
        providersScored: s.providersScored,
        band: distanceBand(s.mean, s.national, scale),
      };
    }),
  );
}
