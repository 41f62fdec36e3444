// Unit tests for db/seed/bob-portfolio.ts: the universal capabilities, benefit categories,
// feature programmes and capability plan cards transcribed from the BOB Local Digital Roadmap
// (shared/seed/000_d55086a94aa91ae1.txt).
import { describe, expect, it } from "vitest";
import { bobFootprints, bobOrganisations, dmi2016 } from "@/db/seed/bob-data";
import {
  benefitCategories,
  programmes,
  projects,
  universalCapabilities,
  type SeedPeriod,
  type SeedProject,
} from "@/db/seed/bob-portfolio";

/** Every string in a value, with a path naming where it is. */
function strings(value: unknown, path = "$"): { path: string; text: string }[] {
  if (typeof value === "string") return [{ path, text: value }];
  if (Array.isArray(value)) return value.flatMap((v, i) => strings(v, `${path}[${i}]`));
  if (value && typeof value === "object") return Object.entries(value).flatMap(([k, v]) => strings(v, `${path}.${k}`));
  return [];
}

const P16: SeedPeriod = "2016/17";
const P1719: SeedPeriod = "2017/18-2018/19";

const capabilityDomainCodes = dmi2016.sections.find((s) => s.code === "CAPABILITIES")!.domains.map((d) => d.code as string);
const odsCodes = new Set(bobOrganisations.flatMap((o) => (o.odsCode ? [o.odsCode] : [])));
const footprintCodes = new Set<string>(bobFootprints.map((f) => f.code));

const card = (code: string): SeedProject => {
  const project = projects.find((p) => p.code === code);
  if (!project) throw new Error(`no project ${code}`);
  return project;
};
const titled = (period: SeedPeriod, title: string): SeedProject => {
  const found = projects.filter((p) => p.period === period && p.title === title);
  if (found.length !== 1) throw new Error(`${found.length} projects titled ${title} in ${period}`);
  return found[0]!;
};

describe("universalCapabilities", () => {
  it("has the ten capabilities numbered 1..10 in order", () => {
    expect(universalCapabilities.map((u) => u.number)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect(new Set(universalCapabilities.map((u) => u.title)).size).toBe(10);
  });

  it("keeps the table header's wording, rejoining the split cells", () => {
    const wording = (n: number) => universalCapabilities.find((u) => u.number === n)!.wording;
    expect(wording(1)).toBe(
      "Professionals can access GP-held information on GP-prescribed meds, patient allergies & adverse reactions.",
    );
    expect(wording(2)).toBe(
      "U&EC clinicians can access key GP-held information for patients previously identified by GPs as most likely to present.",
    );
    expect(wording(3)).toBe("Patients can access their GP record.");
    expect(wording(6)).toMatch(/^Social care receive timely electronic assessment, discharge and withdrawal/);
    expect(wording(7)).toMatch(/^Clinicians in unscheduled care settings can access child protection information/);
    expect(wording(8)).toBe("Professionals across care settings made aware of end-of-life preference information.");
    expect(wording(10)).toBe("Patients can book appointments and order repeat prescriptions from their GP practice.");
  });
});

describe("benefitCategories", () => {
  it("has the eight categories of 'The benefits of digital health' (source lines 150-157) in order", () => {
    expect(benefitCategories.map((b) => b.name)).toEqual([
      "Improved treatment",
      "Efficiencies and savings",
      "Personalised medicine",
      "Population health",
      "Healthcare research",
      "Society engagement",
      "Improved well-being",
      "Improved outcomes",
    ]);
    expect(new Set(benefitCategories.map((b) => b.code)).size).toBe(8);
    expect(benefitCategories[0]!.description).toMatch(/^Better use of technology to monitor patients/);
  });
});

describe("programmes", () => {
  it("has the four feature programmes with unique codes", () => {
    expect(programmes.map((p) => p.code)).toEqual(["OUH-GDE", "BW-CONNECTED-CARE", "BUCKS-CITIZEN-PLATFORM", "MH-GDE"]);
  });

  it("refers only to known footprints and organisations", () => {
    for (const p of programmes) {
      expect(p.footprints.length, p.code).toBeGreaterThan(0);
      for (const f of p.footprints) expect(footprintCodes.has(f), `${p.code} → ${f}`).toBe(true);
      for (const o of p.ownerOdsCodes) expect(odsCodes.has(o), `${p.code} → ${o}`).toBe(true);
    }
    const owners = Object.fromEntries(programmes.map((p) => [p.code, p.ownerOdsCodes]));
    expect(owners).toEqual({ "OUH-GDE": ["RTH"], "BW-CONNECTED-CARE": [], "BUCKS-CITIZEN-PLATFORM": [], "MH-GDE": ["RWX", "RNU"] });
  });

  it("has the Connected Care tranche × UC table as the source has it (lines 492-497)", () => {
    const cc = programmes.find((p) => p.code === "BW-CONNECTED-CARE")!;
    expect(cc.tranches.map((t) => t.number)).toEqual(["1", "2", "3", "4-8"]);
    const cells = Object.fromEntries(cc.tranches.map((t) => [t.number, t.ucs.map((u) => `${u.uc}${u.role}`)]));
    expect(cells).toEqual({
      "1": ["1E", "2E", "4E", "5E"],
      "2": ["6S"],
      "3": ["7S"],
      "4-8": ["3S", "8E"],
    });
    for (const p of programmes.filter((p) => p.code !== "BW-CONNECTED-CARE")) expect(p.tranches, p.code).toEqual([]);
  });
});

describe("projects", () => {
  it("has unique codes of the form P16|P1719-ABC-nn", () => {
    expect(new Set(projects.map((p) => p.code)).size).toBe(projects.length);
    for (const p of projects) {
      expect(p.code).toMatch(/^(P16|P1719)-[A-Z]{3}-\d{2}$/);
      expect(p.code.startsWith(p.period === P16 ? "P16-" : "P1719-"), p.code).toBe(true);
    }
  });

  it("uses only valid periods, capability domains, priorities, footprints and organisations", () => {
    const priorities = new Set([
      "Records sharing, care planning",
      "Provider digital maturity",
      "Whole system intelligence, childrens' sharing",
      "Patient facing technology",
    ]);
    const programmeCodes = new Set(programmes.map((p) => p.code));
    for (const p of projects) {
      expect([P16, P1719], p.code).toContain(p.period);
      expect(capabilityDomainCodes, p.code).toContain(p.domainCode);
      expect(priorities.has(p.stpPriority), p.code).toBe(true);
      for (const f of p.footprints) expect(footprintCodes.has(f), `${p.code} → ${f}`).toBe(true);
      expect(new Set(p.footprints).size, p.code).toBe(p.footprints.length);
      for (const o of p.ownerOdsCodes) expect(odsCodes.has(o), `${p.code} → ${o}`).toBe(true);
      expect(new Set(p.ownerOdsCodes).size, p.code).toBe(p.ownerOdsCodes.length);
      if (p.programme !== null) expect(programmeCodes.has(p.programme), p.code).toBe(true);
    }
  });

  it("gives UCs as null or as distinct capabilities 1..10", () => {
    for (const p of projects) {
      if (p.ucs === null) continue;
      const numbers = p.ucs.map((u) => u.uc);
      expect(new Set(numbers).size, p.code).toBe(numbers.length);
      for (const u of p.ucs) {
        expect(Number.isInteger(u.uc) && u.uc >= 1 && u.uc <= 10, p.code).toBe(true);
        expect(["E", "S"], p.code).toContain(u.role);
      }
    }
  });

  it("leaves every card's UCs unknown, since only each row's UC key survived", () => {
    expect(projects.filter((p) => p.ucs !== null)).toEqual([]);
  });

  it("has an owner note exactly when no owner is known", () => {
    for (const p of projects) {
      if (p.ownerOdsCodes.length === 0) {
        expect(p.ownerNote, p.code).not.toBeNull();
        expect(p.ownerNote!, p.code).toMatch(/colour/);
      } else {
        expect(p.ownerNote, p.code).toBeNull();
      }
    }
  });

  it("has no title twice within the same period and domain", () => {
    const keys = projects.map((p) => `${p.period} ${p.domainCode} ${p.title}`);
    const duplicates = keys.filter((k, i) => keys.indexOf(k) !== i);
    expect(duplicates).toEqual([]);
  });

  // Cards per grid and domain, counted from the source's non-empty card cells, with cards
  // wrapped onto a second row counted once:
  // 2016/17 (lines 590-624):
  //   C1 lines 592-593: 6 + 6              = 12
  //   C2 lines 594-595: 6 + 6              = 12
  //   C3 lines 602-603: 5 + 1              =  6
  //   C4 lines 604-605: 5 + 2              =  7
  //   C5 lines 612-613: 6 + 6              = 12
  //   C6 lines 614-615: 6 + 5              = 11
  //   C7 lines 619-622: 6 + 5 (620, 622 continue 619, 621) = 11
  // 2017-19 (lines 627-667):
  //   C1 lines 629-630: 6 + 3              =  9
  //   C2 lines 631-632: 6 + 5              = 11
  //   C3 lines 639-640: 5 + 2              =  7
  //   C4 lines 641-642: 6 + 3 (first lines only) = 9
  //   C5 lines 649-650: 6 + 1 (651 is the row label) = 7
  //   C6 lines 652-655: one row in four versions: 6 + 2 appended in line 655 = 8
  //   C7 lines 662-665: 5 + 3 (665 continues 664) = 8
  const expectedCounts: Record<SeedPeriod, Record<string, number>> = {
    "2016/17": { C1: 12, C2: 12, C3: 6, C4: 7, C5: 12, C6: 11, C7: 11 },
    "2017/18-2018/19": { C1: 9, C2: 11, C3: 7, C4: 9, C5: 7, C6: 8, C7: 8 },
  };

  it("has every card of both grids, by grid and domain", () => {
    for (const period of [P16, P1719]) {
      const counts: Record<string, number> = {};
      for (const p of projects.filter((p) => p.period === period)) counts[p.domainCode] = (counts[p.domainCode] ?? 0) + 1;
      expect(counts, period).toEqual(expectedCounts[period]);
    }
    expect(projects.filter((p) => p.period === P16)).toHaveLength(71);
    expect(projects.filter((p) => p.period === P1719)).toHaveLength(59);
  });

  it("keeps each row's STP priority label", () => {
    const priorities: Record<string, string> = {};
    for (const p of projects) priorities[`${p.period} ${p.domainCode}`] ??= p.stpPriority;
    for (const p of projects) expect(p.stpPriority, p.code).toBe(priorities[`${p.period} ${p.domainCode}`]);
    expect(priorities).toEqual({
      "2016/17 C1": "Records sharing, care planning",
      "2016/17 C2": "Provider digital maturity",
      "2016/17 C3": "Provider digital maturity",
      "2016/17 C4": "Provider digital maturity",
      "2016/17 C5": "Whole system intelligence, childrens' sharing",
      "2016/17 C6": "Patient facing technology",
      "2016/17 C7": "Provider digital maturity",
      "2017/18-2018/19 C1": "Records sharing, care planning",
      "2017/18-2018/19 C2": "Provider digital maturity",
      "2017/18-2018/19 C3": "Provider digital maturity",
      "2017/18-2018/19 C4": "Provider digital maturity",
      "2017/18-2018/19 C5": "Whole system intelligence, childrens' sharing",
      "2017/18-2018/19 C6": "Patient facing technology",
      "2017/18-2018/19 C7": "Provider digital maturity",
    });
  });

  it("has the 2016/17 cards as the grid shows them (spot checks)", () => {
    expect(card("P16-RAP-01").title).toBe("Patient access to electronic records utilisation to 95% enabled, 5% registered");
    expect(card("P16-ARO-01").title).toBe(
      "Single domain wi-fi and mobile device management (MDM) in place to support federated working",
    );
    expect(card("P16-ARO-11").title).toBe("Biomedical device integration with EPR, including infusion pumps (Neuro ICU)");
    expect(titled(P16, "Pilot use of Intelligence Point primary care data to inform planning and commissioning").domainCode).toBe("C7");
    expect(titled(P16, "Endoscopy, cardiac, respiratory results available in EPR").domainCode).toBe("C3");
    expect(titled(P16, "Relaunch e-Referral project & review options for increasing take-up. Usage =>80%").domainCode).toBe("C2");

    const horton = titled(P16, "Horton: Notes no longer pulled for routine appointments");
    expect([horton.domainCode, horton.ownerOdsCodes, horton.ownerNote]).toEqual(["C1", ["RTH"], null]);

    const liveLink = titled(P16, "South Central Ambulance Service LiveLink for front line and patient / caller - Berkshire");
    expect([liveLink.domainCode, liveLink.ownerOdsCodes, liveLink.footprints]).toEqual(["C5", ["RYE"], ["BERKSW"]]);

    const online = titled(P16, "Increased utilisation of online services offered by all practices - 20% Bu, 10% Ox, 15% Be");
    expect([online.domainCode, online.ownerOdsCodes, online.footprints]).toEqual(["C6", [], ["BUCKS", "OXON", "BERKSW"]]);

    expect(titled(P16, "Connected Care").programme).toBe("BW-CONNECTED-CARE");
    expect(titled(P16, "Connected Care - sharing between clinicians").programme).toBe("BW-CONNECTED-CARE");
    expect(
      titled(P16, "Proof of concept for digitally supported self care for diabetics (apps, referral management, care plans)").programme,
    ).toBe("BUCKS-CITIZEN-PLATFORM");
    expect(titled(P16, "New equipment rollout and review.").domainCode).toBe("C3");
  });

  it("has the 2017-19 cards as the grid shows them (spot checks)", () => {
    const horton = titled(P1719, "Notes no longer pulled for routine appointments - Horton");
    expect([horton.domainCode, horton.ownerOdsCodes]).toEqual(["C1", ["RTH"]]);
    expect(titled(P1719, "Carenotes upgrades and enhancements").domainCode).toBe("C1");

    const frimley = titled(P1719, "e-prescribing and medicines administration decision support at Frimley Park Hospital");
    expect([frimley.domainCode, frimley.ownerOdsCodes, frimley.footprints]).toEqual(["C4", [], []]);
    expect(frimley.ownerNote).toMatch(/outside BOB/);

    const miu = titled(P1719, "Booking for minor injuries unit appointments - Berkshire");
    expect([miu.domainCode, miu.ownerOdsCodes, miu.footprints]).toEqual(["C3", [], ["BERKSW"]]);

    expect(titled(P1719, "RFID - patient tracking deployed (A&E, Maternity and wards)").domainCode).toBe("C7");
    expect(titled(P1719, "Connected Care").domainCode).toBe("C2");
    expect(titled(P1719, "Advanced decision support introduced").domainCode).toBe("C5");
    expect(card("P1719-MMO-07").title).toBe("70% utilisation of …");

    // The remote and assistive care row appears four times in the source: merged, once each.
    const remote = projects.filter((p) => p.period === P1719 && p.domainCode === "C6").map((p) => p.title);
    expect(remote).toEqual([
      "24/7 digital advice via telephone, web and app supporting same day primary care",
      "eConsultations supporting same day primary care",
      "Increased utilisation of online services - offered by all practices",
      "Expand remote and assistive technology (apps, interactive Trust websites)",
      "Observations capture equipment, eData feeds",
      "Digital support for the management of heart failure patients, following 16/17 pilot",
      "Development of patient portal functionality",
      "Heart failure shared record",
    ]);
  });

  it("keeps the owners the card text names, and only those", () => {
    const owned = projects.filter((p) => p.ownerOdsCodes.length > 0).map((p) => [p.code, p.ownerOdsCodes.join(",")]);
    expect(owned).toEqual([
      ["P16-RAP-09", "RTH"],
      ["P16-DSU-03", "RYE"],
      ["P16-RAC-07", "RYE"],
      ["P1719-RAP-07", "RTH"],
      ["P1719-ORM-02", "RYE"],
    ]);
  });
});

describe("the text of all the portfolio data", () => {
  const all = strings({ universalCapabilities, benefitCategories, programmes, projects });

  it("has no empty, padded or slide-garbled strings", () => {
    expect(all.length).toBeGreaterThan(500);
    for (const { path, text } of all) {
      expect(text, path).not.toBe("");
      expect(text, path).toBe(text.trim());
      expect(text, path).not.toMatch(/\t|\u2022|\uFFFD|[\uE000-\uF8FF]|\s{2}|""/);
    }
  });

  it("has no word split by the conversion left unjoined", () => {
    for (const { path, text } of all) expect(text, path).not.toMatch(/\b[eE]- [A-Za-z]|GP- /);
  });
});
