import { PackChartLegend } from "./trajectory-chart";
import { TrajectoryFigure } from "./trajectory-figure";
import { UnchartedDomains } from "./uncharted-domains";
import { TrajectoryStatusTable } from "@/components/trajectories/status-table";
import { chartedTrajectories } from "@/lib/board-pack";
import { trajectoryRules } from "@/lib/trajectory";
import { formatScore, type Scale } from "@/lib/scale";
import type { DomainTrajectory, GoalRule } from "@/lib/trajectory-view";

/** The trajectory status of every domain, the goal, and a chart with its figures per domain. */
export function TrajectoriesContent({
  trajectories,
  domains,
  scopeLabel,
  systemName,
  borrowedDomainIds,
  goal,
  goalBorrowed,
  scale,
}: {
  scale: Scale;
  trajectories: DomainTrajectory[];
  domains: Map<string, { code: string; name: string }>;
  scopeLabel: string;
  systemName: string;
  borrowedDomainIds: ReadonlySet<string>;
  goal: (GoalRule & { description: string }) | null;
  goalBorrowed: boolean;
}) {
  const charted = chartedTrajectories(trajectories);
  const uncharted = trajectories.filter((t) => !charted.includes(t));
  const borrowed = trajectories.filter((t) => borrowedDomainIds.has(t.domainId)).map((t) => domains.get(t.domainId)!.name);
  const goalMisses = goal ? trajectories.filter((t) => t.goal && t.goal.meets !== true) : [];
  return (
    <>
      {borrowed.length > 0 && (
        <p data-testid="borrowed-targets">
          {scopeLabel} has set no targets of its own for {borrowed.length === 1 ? "one domain" : `${borrowed.length} domains`} ({borrowed.join(", ")}): they are judged against the {systemName}{" "}
          targets.
        </p>
      )}
      {goal && (
        <div className="nhsuk-inset-text" data-testid="section-goal">
          <p>
            <strong>
              Goal{goalBorrowed ? ` (the ${systemName} goal)` : ""}: {goal.description}
            </strong>{" "}
            (at least {formatScore(goal.threshold - goal.tolerance, scale)} by 31 March {goal.financialYear + 1}).{" "}
            {goalMisses.length === 0
              ? "Every domain is projected to meet it."
              : `${goalMisses.length} of ${goal.domainIds.size} domains are not projected to meet it: ${goalMisses.map((t) => domains.get(t.domainId)!.name).join(", ")}.`}
          </p>
        </div>
      )}
      <TrajectoryStatusTable trajectories={trajectories} domains={domains} caption={`${scopeLabel}: status of every domain, most urgent first`} />
      <h3>How the status is worked out</h3>
      <ul className="nhsuk-body-s app-pack__rules">
        {trajectoryRules(scale).map((rule) => (
          <li key={rule}>{rule}</li>
        ))}
      </ul>
      <h3>Domain by domain</h3>
      {charted.length === 0 ? (
        <p className="nhsuk-body-s">No domain has a target or more than one score yet, so there is no line to chart.</p>
      ) : (
        <>
          <p className="nhsuk-body-s">
            Each chart shows the actual scores, the planned path through the targets and the national average; the table under it gives the same figures. The lines
            are told apart by their pattern and markers, not by colour alone:
          </p>
          <PackChartLegend />
          <div className="app-pack-charts">
            {charted.map((t) => (
              <TrajectoryFigure key={t.domainId} trajectory={t} domain={domains.get(t.domainId)!} />
            ))}
          </div>
        </>
      )}
      <UnchartedDomains trajectories={uncharted} domains={domains} />
    </>
  );
}
