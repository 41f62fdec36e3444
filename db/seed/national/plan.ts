// The synthetic national data set as plain rows, deterministic from a seed: 41 systems
// beside the demo's BOB at scale 1 (42 in all), about 1,500 organisations, ten assessment
// periods on two frameworks, 300,000 scores, targets for every footprint, 5,000 projects
// and 200 workstreams with their review histories. Pure: the writer puts it in a database.
import { createRandom } from "@/lib/national/random";
import { planFrameworks, planNationalAverages, planScores, planTargets } from "./plan-maturity";
import { planSystem, type PlannedSystem } from "./plan-places";
import { planPortfolio } from "./plan-portfolio";
import { planWorkstreams } from "./plan-workstreams";
import { emptyPlan, type NationalPlan, type NationalReference } from "./types";

/** Synthetic systems at scale 1; with the demo's own system, 42. */
export const SYNTHETIC_SYSTEMS = 41;

export interface NationalOptions {
  seed: number;
  /** 1 is the full national set; 0.02 (one synthetic system) is a smoke test's. */
  scale: number;
}

export function syntheticSystemCount(scale: number): number {
  return Math.max(1, Math.round(SYNTHETIC_SYSTEMS * scale));
}

export function planNationalDataSet(ref: NationalReference, { seed, scale }: NationalOptions): NationalPlan {
  if (!Number.isInteger(seed) || seed < 0) throw new Error(`--seed must be a whole number of 0 or more, not ${seed}`);
  if (!(scale > 0 && scale <= 10)) throw new Error(`--scale must be above 0 and at most 10, not ${scale}`);
  const plan = emptyPlan();
  const random = createRandom(seed);
  const shape = planFrameworks(plan, random.fork("frameworks"), ref);
  const systems: PlannedSystem[] = [];
  const places = random.fork("places");
  const portfolio = random.fork("portfolio");
  const workstreams = random.fork("workstreams");
  for (let i = 0; i < syntheticSystemCount(scale); i++) {
    const system = planSystem(plan, places, i, ref.passwordHash);
    systems.push(system);
    planPortfolio(plan, portfolio, ref, system, shape.dmi.domainIds);
    planWorkstreams(plan, workstreams, ref, system);
  }
  const organisations = [...ref.bob.organisations.map((o) => ({ ...o, type: o.type as PlannedSystem["organisations"][number]["type"] })), ...systems.flatMap((s) => s.organisations)];
  planScores(plan, random.fork("scores"), shape, ref, organisations);
  planNationalAverages(plan, ref);
  planTargets(plan, random.fork("targets"), shape, ref, systems);
  return plan;
}
