// Programmes and projects (with owners, places, universal capability links, milestones and
// benefits) for a synthetic system.
import { addDays } from "@/lib/dates";
import type { Random } from "@/lib/national/random";
import { stpDigitalPriorities } from "@/lib/portfolio";
import type { PlannedSystem } from "./plan-places";
import { projectThemes, ragReasons } from "./reference-data";
import type { NationalPlan, NationalReference } from "./types";

export const PROJECTS_PER_SYSTEM = 120;
const programmeNames = ["Connected care", "Provider digitisation", "Population health intelligence"];
const milestoneNames = ["Business case approved", "Supplier contracted", "Pilot live", "Go-live", "Benefits review"];

/** "Today" for generated dates: fixed, so that a seed always gives the same data set. */
export const GENERATED_ON = "2026-12-01";

export function planPortfolio(plan: NationalPlan, random: Random, ref: NationalReference, system: PlannedSystem, dmiDomainIds: string[]): void {
  const providers = system.organisations.filter((o) => o.type !== "local_authority");
  const board = system.organisations.find((o) => o.type === "multi_organisation")!;
  const programmeIds = programmeNames.map((name, i) => {
    const id = random.uuid();
    plan.programmes.push({ id, systemId: system.id, code: `PRG${i + 1}`, name, description: `${name} across ${system.name}` });
    const owners = new Set([board.id, random.pick(providers).id]);
    for (const organisationId of owners) plan.programmeOwners.push({ programmeId: id, organisationId });
    for (const f of system.footprints) plan.programmeFootprints.push({ programmeId: id, footprintId: f.id });
    return id;
  });
  const currentYear = Number(GENERATED_ON.slice(0, 4));
  for (let n = 1; n <= PROJECTS_PER_SYSTEM; n++) {
    const id = random.uuid();
    const fromYear = random.int(2016, 2027);
    const toYear = Math.min(2029, fromYear + random.int(0, 2));
    const status =
      toYear < currentYear ? (random.chance(0.9) ? "delivered" : "stopped") : fromYear > currentYear ? "planned" : random.chance(0.85) ? "in_flight" : "paused";
    const rag = status === "in_flight" || status === "paused" ? random.pick(["green", "green", "green", "amber", "amber", "red"] as const) : status === "planned" && random.chance(0.5) ? "green" : null;
    const owners = random.sample(providers, random.int(1, 2));
    const startOn = addDays(`${fromYear}-04-01`, random.int(0, 90));
    const endOn = `${toYear + 1}-03-31`;
    plan.projects.push({
      id,
      systemId: system.id,
      code: `${system.code}-${String(n).padStart(3, "0")}`,
      title: `${random.pick(projectThemes)} (${random.pick(system.footprints).name})`,
      description: "Synthetic project of the national benchmark data set.",
      domainId: random.pick(dmiDomainIds),
      stpPriority: random.pick(stpDigitalPriorities),
      programmeId: random.chance(0.6) ? random.pick(programmeIds) : null,
      fromYear,
      toYear,
      startOn,
      endOn,
      status,
      rag,
      ragReason: rag === "amber" || rag === "red" ? random.pick(ragReasons[rag]) : null,
    });
    for (const o of owners) plan.projectOwners.push({ projectId: id, organisationId: o.id });
    const places = new Set(owners.flatMap((o) => o.footprintIds.slice(0, 1)));
    for (const footprintId of places) plan.projectFootprints.push({ projectId: id, footprintId });
    for (const capabilityId of random.sample(ref.capabilityIds, random.int(0, 3))) {
      plan.projectCapabilities.push({ projectId: id, capabilityId, role: random.chance(0.5) ? "E" : "S" });
    }
    const milestones = random.sample(milestoneNames, random.int(0, 3));
    const span = Math.max(1, (Date.parse(endOn) - Date.parse(startOn)) / 86_400_000);
    milestones.forEach((title, i) => {
      const dueOn = addDays(startOn, Math.round((span * (i + 1)) / (milestones.length + 1)));
      const done = dueOn < GENERATED_ON && status !== "stopped" && random.chance(0.8);
      plan.projectMilestones.push({ id: random.uuid(), projectId: id, position: i + 1, title, dueOn, doneOn: done ? dueOn : null });
    });
    for (const categoryId of random.sample(ref.benefitCategoryIds, random.int(0, 2))) {
      plan.projectBenefits.push({ id: random.uuid(), projectId: id, categoryId, description: "Time released for care and fewer duplicated tests." });
    }
  }
}
