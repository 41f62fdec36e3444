import type { z } from "zod";
import type { TargetState } from "@/lib/as-at";
import { financialYearEnd, formatFinancialYear } from "@/lib/financial-year";
import { statusLabels } from "@/lib/trajectory";
import type { DomainTrajectory } from "@/lib/trajectory-view";
import type { targetRowSchema } from "./endpoints/targets";

type TargetRow = z.input<typeof targetRowSchema>;

/**
 * A scope's targets, each with its domain's trajectory for the scope (built by
 * lib/trajectory-view buildDomainTrajectories, as the trajectories page builds it), in the
 * framework's domain order and by year.
 */
export function targetRows({
  scope,
  framework,
  domains,
  targets,
  trajectories,
  judgedOn,
}: {
  scope: { level: TargetRow["level"]; id: string; code: string | null; name: string };
  framework: { code: string };
  domains: readonly { id: string; code: string; name: string }[];
  targets: readonly (TargetState & { version?: number })[];
  trajectories: readonly DomainTrajectory[];
  judgedOn: string;
}): TargetRow[] {
  return domains.flatMap((domain) => {
    const trajectory = trajectories.find((t) => t.domainId === domain.id);
    const a = trajectory?.assessment;
    return targets
      .filter((t) => t.scopeId === scope.id && t.domainId === domain.id)
      .sort((x, y) => x.financialYear - y.financialYear)
      .map((t) => ({
        id: t.id,
        level: scope.level,
        scopeId: scope.id,
        scopeCode: scope.code,
        scopeName: scope.name,
        framework: framework.code,
        domainCode: domain.code,
        domainName: domain.name,
        financialYear: t.financialYear,
        financialYearLabel: formatFinancialYear(t.financialYear),
        dueOn: financialYearEnd(t.financialYear),
        score: t.score,
        version: t.version ?? 1,
        trajectory: {
          judgedOn,
          status: a?.status ?? "no-data",
          statusLabel: statusLabels[a?.status ?? "no-data"],
          reason: a?.reason ?? "No scores have been reported yet.",
          judgedFinancialYear: a?.target?.financialYear ?? null,
          baseline: a?.baseline ?? null,
          latest: a?.latest ?? null,
          plannedAtLatest: a?.plannedAtLatest ?? null,
          gapToPlan: a?.gapToPlan ?? null,
          ratePerYear: a?.ratePerYear ?? null,
          expectedAtTarget: a?.expectedAtTarget ?? null,
          goal: trajectory?.goal ?? null,
        },
      }));
  });
}
