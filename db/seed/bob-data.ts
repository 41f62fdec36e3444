// The demo data set: the 2016 Local Digital Roadmap of Buckinghamshire, Oxfordshire &
// Berkshire West (shared/seed/000_d55086a94aa91ae1.txt). Numbers are as the document
// prints them; every derived figure (means, counts above national) is computed by the app.

export const bobSystem = { code: "BOB", name: "Buckinghamshire, Oxfordshire & Berkshire West" };

export const bobFootprints = [
  { code: "BUCKS", name: "Buckinghamshire" },
  { code: "OXON", name: "Oxfordshire" },
  { code: "BERKSW", name: "Berkshire West" },
] as const;

type FootprintCode = (typeof bobFootprints)[number]["code"];

export interface SeedOrganisation {
  key: string;
  odsCode: string | null;
  name: string;
  shortName: string;
  type: "acute" | "community_mental_health" | "ambulance" | "primary_care" | "local_authority";
  footprints: FootprintCode[];
}

// The six NHS trusts, the primary care groups of the plan's colour key, and the five
// local authorities. Only trusts carry ODS codes here: the document names the primary
// care groups and councils but gives no codes for them, and none is guessed.
export const bobOrganisations: SeedOrganisation[] = [
  { key: "RTH", odsCode: "RTH", name: "Oxford University Hospitals NHS Foundation Trust", shortName: "Oxford University Hospitals", type: "acute", footprints: ["OXON"] },
  { key: "RHW", odsCode: "RHW", name: "Royal Berkshire NHS Foundation Trust", shortName: "Royal Berkshire", type: "acute", footprints: ["BERKSW"] },
  { key: "RXQ", odsCode: "RXQ", name: "Buckinghamshire Healthcare NHS Trust", shortName: "Buckinghamshire Healthcare", type: "acute", footprints: ["BUCKS"] },
  { key: "RNU", odsCode: "RNU", name: "Oxford Health NHS Foundation Trust", shortName: "Oxford Health", type: "community_mental_health", footprints: ["OXON", "BUCKS"] },
  { key: "RWX", odsCode: "RWX", name: "Berkshire Healthcare NHS Foundation Trust", shortName: "Berkshire Healthcare", type: "community_mental_health", footprints: ["BERKSW"] },
  { key: "RYE", odsCode: "RYE", name: "South Central Ambulance Service NHS Foundation Trust", shortName: "South Central Ambulance Service", type: "ambulance", footprints: ["BUCKS", "OXON", "BERKSW"] },
  { key: "BCCG-PC", odsCode: null, name: "Buckinghamshire CCGs primary care", shortName: "BCCG Primary Care", type: "primary_care", footprints: ["BUCKS"] },
  { key: "OCCG-PC", odsCode: null, name: "Oxfordshire CCG primary care", shortName: "OCCG Primary Care", type: "primary_care", footprints: ["OXON"] },
  { key: "BWF-PC", odsCode: null, name: "Berkshire West federated CCGs primary care", shortName: "BWF Primary Care", type: "primary_care", footprints: ["BERKSW"] },
  { key: "BUCKS-CC", odsCode: null, name: "Buckinghamshire County Council", shortName: "Buckinghamshire CC", type: "local_authority", footprints: ["BUCKS"] },
  { key: "OXON-CC", odsCode: null, name: "Oxfordshire County Council", shortName: "Oxfordshire CC", type: "local_authority", footprints: ["OXON"] },
  { key: "READING-BC", odsCode: null, name: "Reading Borough Council", shortName: "Reading BC", type: "local_authority", footprints: ["BERKSW"] },
  { key: "WBERKS-C", odsCode: null, name: "West Berkshire Council", shortName: "West Berkshire Council", type: "local_authority", footprints: ["BERKSW"] },
  { key: "WOKINGHAM-BC", odsCode: null, name: "Wokingham Borough Council", shortName: "Wokingham BC", type: "local_authority", footprints: ["BERKSW"] },
];

export const dmi2016 = {
  code: "DMI-2016",
  name: "Digital Maturity Index",
  version: "2016",
  publishedOn: "2016-01-01",
  sections: [
    {
      code: "READINESS",
      name: "Readiness",
      domains: [
        { code: "R1", name: "Strategic Alignment", shortName: "Strategic alignment" },
        { code: "R2", name: "Leadership", shortName: "Leadership" },
        { code: "R3", name: "Resourcing", shortName: "Resourcing" },
        { code: "R4", name: "Governance", shortName: "Governance" },
        { code: "R5", name: "Information Governance", shortName: "Information governance" },
      ],
    },
    {
      code: "CAPABILITIES",
      name: "Digital capabilities",
      domains: [
        { code: "C1", name: "Records, Assessments & Plans", shortName: "Records, assessments & plans" },
        { code: "C2", name: "Transfers of Care", shortName: "Transfers of care" },
        { code: "C3", name: "Orders & Results Management", shortName: "Orders & results" },
        { code: "C4", name: "Medicines Management & Optimisation", shortName: "Medicines management" },
        { code: "C5", name: "Decision Support", shortName: "Decision support" },
        { code: "C6", name: "Remote & Assistive Care", shortName: "Remote & assistive care" },
        { code: "C7", name: "Asset & Resource Optimisation", shortName: "Asset & resource optimisation" },
      ],
    },
    {
      code: "INFRASTRUCTURE",
      name: "Standards & Infrastructure",
      domains: [
        { code: "I1", name: "Standards", shortName: "Standards" },
        { code: "I2", name: "Enabling Infrastructure", shortName: "Enabling infrastructure" },
      ],
    },
  ],
} as const;

export const dmiPeriods = [
  { code: "2016-BASELINE", name: "Baseline Feb-16", assessedOn: "2016-02-29", isOpen: false },
  { code: "2017-REASSESSMENT", name: "Reassessment 2017", assessedOn: "2017-06-30", isOpen: true },
] as const;

// "Digital maturity across trusts", baseline February 2016: the national average and the
// six trusts, in the slide's column order.
const baselineColumns = ["NATIONAL", "RHW", "RTH", "RXQ", "RNU", "RWX", "RYE"] as const;
const baselineRows: Record<string, readonly number[]> = {
  R1: [76, 60, 80, 80, 85, 100, 56],
  R2: [77, 80, 95, 100, 95, 90, 85],
  R3: [66, 45, 70, 70, 75, 95, 75],
  R4: [74, 65, 70, 80, 90, 100, 75],
  R5: [73, 50, 67, 92, 79, 96, 75],
  C1: [44, 26, 54, 23, 35, 56, 57],
  C2: [48, 42, 92, 30, 35, 59, 61],
  C3: [55, 56, 86, 44, 12, 49, 14],
  C4: [30, 17, 89, 24, 0, 4, 29],
  C5: [36, 33, 73, 6, 25, 30, 22],
  C6: [32, 25, 58, 50, 58, 92, 50],
  C7: [42, 45, 70, 40, 20, 81, 56],
  I1: [41, 44, 83, 33, 17, 46, 75],
  I2: [68, 48, 84, 61, 77, 80, 75],
};

/** Scores by column ("NATIONAL" or an ODS code), each a map of domain code to score. */
export function baselineScores(): Record<(typeof baselineColumns)[number], Record<string, number>> {
  const out = Object.fromEntries(baselineColumns.map((c) => [c, {} as Record<string, number>]));
  for (const [domainCode, values] of Object.entries(baselineRows)) {
    baselineColumns.forEach((column, i) => {
      out[column]![domainCode] = values[i]!;
    });
  }
  return out as Record<(typeof baselineColumns)[number], Record<string, number>>;
}

export const baselineProviders = ["RHW", "RTH", "RXQ", "RNU", "RWX", "RYE"] as const;

// One account per role, for the embedded demo database only.
export const demoPassword = "roadmap-demo-2026";
export { demoAdminTotpSecret } from "@/lib/auth/totp";
export const demoUsers = [
  { email: "admin@demo.nhs.uk", name: "Alex Morgan", role: "admin", organisations: [] },
  { email: "cio.ouh@demo.nhs.uk", name: "Olu Adeyemi", role: "cio", organisations: ["RTH"] },
  { email: "cio.rbft@demo.nhs.uk", name: "Rachel Brook", role: "cio", organisations: ["RHW"] },
  { email: "board@demo.nhs.uk", name: "Priya Shah", role: "board", organisations: [] },
  { email: "board.chair@demo.nhs.uk", name: "Jon Ellis", role: "board", organisations: [] },
  { email: "ccio@demo.nhs.uk", name: "Dr Chris Clarke", role: "ccio", organisations: [] },
  { email: "ccio.bw@demo.nhs.uk", name: "Dr Fatima Rahman", role: "ccio", organisations: [] },
  { email: "viewer@demo.nhs.uk", name: "Sam Taylor", role: "viewer", organisations: [] },
] as const;

// "Digital maturity trajectories – BOB level": targets for the footprint summary (the
// whole system) at the end of 2016/17, 2017/18 and 2018/19. The baseline and national
// columns of that table are not stored: they are computed from the scores above.
export const bobTrajectoryTargets: Record<string, readonly [number, number, number]> = {
  C1: [55, 69, 86],
  C2: [58, 70, 84],
  C3: [57, 68, 74],
  C4: [39, 63, 79],
  C5: [48, 65, 82],
  C6: [68, 78, 82],
  C7: [58, 69, 82],
};
export const bobTargetYears = [2016, 2017, 2018] as const;
// When the roadmap set them (the LDR was submitted in autumn 2016).
export const bobTargetsSetOn = "2016-10-31T12:00:00Z";

export const bobSectionGoal = {
  sectionCode: "CAPABILITIES",
  description: "All digital capabilities close to or above 70% by end 2018/19",
  threshold: 70,
  tolerance: 5,
  financialYear: 2018,
};

// The roadmap names a lead for each workstream on a slide whose text did not survive
// conversion, so the demo gives two of the demo CCIOs two workstreams each and leaves
// Information Governance without a lead (as a real programme sometimes is).
export const demoWorkstreamLeads: Record<string, string> = {
  RECORDS: "ccio@demo.nhs.uk",
  CITIZEN: "ccio@demo.nhs.uk",
  INTELLIGENCE: "ccio.bw@demo.nhs.uk",
  INFRASTRUCTURE: "ccio.bw@demo.nhs.uk",
};
