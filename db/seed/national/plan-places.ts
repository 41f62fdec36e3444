// Systems, footprints, organisations and the people who use the app, for the synthetic
// national data set.
import type { Random } from "@/lib/national/random";
import { placeSuffixes, systemNames } from "./reference-data";
import type { NationalPlan } from "./types";

export interface PlannedOrganisation {
  id: string;
  type: "acute" | "community_mental_health" | "ambulance" | "primary_care" | "local_authority" | "multi_organisation";
  footprintIds: string[];
}

export interface PlannedSystem {
  id: string;
  code: string;
  name: string;
  footprints: { id: string; name: string }[];
  organisations: PlannedOrganisation[];
  users: { cio: string[]; board: string[]; ccio: string[] };
}

/** Organisations per synthetic system, before the spread below (which sums to nothing over seven systems). */
export const ORGANISATIONS_PER_SYSTEM = 37;
const spread = [0, 3, -3, 2, -2, 1, -1];
const firstNames = ["Amira", "Ben", "Chloe", "Dev", "Ella", "Femi", "Grace", "Hamza", "Isla", "Jack", "Kiran", "Leah", "Mo", "Nia", "Owen", "Pooja"];
const lastNames = ["Ahmed", "Barker", "Collins", "Dhillon", "Evans", "Fraser", "Gill", "Hughes", "Iqbal", "Jones", "Khan", "Lewis", "Mensah", "Nolan", "Okafor", "Patel"];

export function systemName(index: number): string {
  const round = Math.floor(index / systemNames.length);
  return systemNames[index % systemNames.length]! + (round > 0 ? ` ${round + 1}` : "");
}

export function planSystem(plan: NationalPlan, random: Random, index: number, passwordHash: string): PlannedSystem {
  const code = `SYN${String(index + 1).padStart(2, "0")}`;
  const name = systemName(index);
  const system: PlannedSystem = { id: random.uuid(), code, name, footprints: [], organisations: [], users: { cio: [], board: [], ccio: [] } };
  plan.systems.push({ id: system.id, code, name });

  const footprintCount = random.int(2, 5);
  for (let i = 0; i < footprintCount; i++) {
    const footprint = { id: random.uuid(), name: `${name} ${placeSuffixes[i]}` };
    system.footprints.push(footprint);
    plan.footprints.push({ id: footprint.id, systemId: system.id, code: `${code}-${i + 1}`, name: footprint.name });
  }
  const all = system.footprints.map((f) => f.id);
  const nth = (i: number) => system.footprints[i % system.footprints.length]!;
  // A second trust or council in the same place gets a number, so that names stay unique.
  const nthName = (i: number) => nth(i).name + (i >= system.footprints.length ? ` ${Math.floor(i / system.footprints.length) + 1}` : "");
  const orgCount = ORGANISATIONS_PER_SYSTEM + spread[index % spread.length]!;
  const ods = (letter: string, n: number) => `X${String(index + 1).padStart(2, "0")}${letter}${String(n).padStart(2, "0")}`;
  const add = (type: PlannedOrganisation["type"], odsCode: string | null, fullName: string, shortName: string, footprintIds: string[]) => {
    const organisation = { id: random.uuid(), type, footprintIds };
    system.organisations.push(organisation);
    plan.organisations.push({ id: organisation.id, systemId: system.id, odsCode, name: fullName, shortName, type });
    for (const footprintId of footprintIds) plan.organisationFootprints.push({ organisationId: organisation.id, footprintId });
    return organisation;
  };

  add("multi_organisation", ods("Q", 1), `NHS ${name} Integrated Care Board`, `${name} ICB`, all);
  const acute = random.int(2, 4);
  for (let i = 0; i < acute; i++) add("acute", ods("A", i + 1), `${nthName(i)} Hospitals NHS Trust`, `${nthName(i)} Hospitals`, [nth(i).id]);
  const community = random.int(1, 2);
  for (let i = 0; i < community; i++) {
    const places = random.sample(all, random.int(1, all.length));
    add("community_mental_health", ods("C", i + 1), `${name} ${i === 0 ? "" : "Partnership "}Community and Mental Health NHS Foundation Trust`.replace("  ", " "), `${name} Health${i === 0 ? "" : " Partnership"}`, places);
  }
  if (random.chance(0.5)) add("ambulance", ods("M", 1), `${name} Ambulance Service NHS Trust`, `${name} Ambulance`, all);
  const councils = random.int(2, 4);
  for (let i = 0; i < councils; i++) add("local_authority", null, `${nthName(i)} Council`, `${nthName(i)} Council`, [nth(i).id]);
  for (let i = 0; system.organisations.length < orgCount; i++) {
    const place = nth(i);
    add("primary_care", ods("U", i + 1), `${place.name} Primary Care Network ${Math.floor(i / system.footprints.length) + 1}`, `${place.name} PCN ${Math.floor(i / system.footprints.length) + 1}`, [place.id]);
  }

  const person = (role: "cio" | "board" | "ccio" | "viewer", n: number, organisationIds: string[]) => {
    const id = random.uuid();
    plan.users.push({ id, email: `${role}${n}.${code.toLowerCase()}@national.demo.nhs.uk`, name: `${random.pick(firstNames)} ${random.pick(lastNames)}`, role, passwordHash });
    for (const organisationId of organisationIds) plan.userOrganisations.push({ userId: id, organisationId });
    if (role !== "viewer") system.users[role].push(id);
  };
  const trusts = (types: PlannedOrganisation["type"][]) => system.organisations.filter((o) => types.includes(o.type)).map((o) => o.id);
  person("cio", 1, trusts(["acute"]));
  person("cio", 2, trusts(["community_mental_health", "ambulance", "multi_organisation"]));
  for (let n = 1; n <= 3; n++) person("board", n, []);
  for (let n = 1; n <= 2; n++) person("ccio", n, []);
  person("viewer", 1, []);
  return system;
}
