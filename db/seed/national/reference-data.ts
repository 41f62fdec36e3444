// Fixed inputs of the synthetic national data set (npm run generate:national): a second,
// larger maturity framework, the periods added to the 2016 DMI, and names to build places
// and projects from. Nothing here describes a real organisation's scores: every figure the
// generator writes is drawn from a seeded random stream.

export const dma2023 = {
  code: "DMA-2023",
  name: "Digital Maturity Assessment (synthetic)",
  version: "2023",
  publishedOn: "2021-11-01",
  sections: [
    { code: "WELL-LED", name: "Well led", domains: ["Strategy", "Leadership", "Resourcing", "Governance and assurance"] },
    { code: "FOUNDATIONS", name: "Ensure smart foundations", domains: ["Digital and data infrastructure", "Cyber security", "Digital skills", "Architecture and interoperability"] },
    { code: "SAFE", name: "Safe practice", domains: ["Clinical safety", "Information governance", "Data protection", "Business continuity"] },
    { code: "PEOPLE", name: "Support people", domains: ["Workforce tools", "Mobile working", "Digital literacy", "Staff experience"] },
    { code: "CITIZENS", name: "Empower citizens", domains: ["Online services", "Digital inclusion", "Access to own record", "Remote monitoring"] },
    { code: "CARE", name: "Improve care", domains: ["Records and assessments", "Transfers of care", "Orders and results", "Medicines management", "Decision support"] },
    { code: "POPULATION", name: "Healthy populations", domains: ["Population health analytics", "Data sharing", "Research", "Planning"] },
  ],
} as const;

/** Periods added to the 2016 DMI's two (the demo's baseline and 2017 reassessment). */
export const extraDmiPeriods = [
  { code: "2018-REASSESSMENT", name: "Reassessment 2018", assessedOn: "2018-06-30" },
  { code: "2019-REASSESSMENT", name: "Reassessment 2019", assessedOn: "2019-06-30" },
] as const;

/** The second framework's yearly periods; the last is open (CIOs are still entering scores). */
export const dmaPeriods = [2021, 2022, 2023, 2024, 2025, 2026].map((year) => ({
  code: `DMA-${year}`,
  name: `Digital maturity assessment ${year}`,
  assessedOn: `${year}-11-30`,
}));

export const dmiTargetYears = [2016, 2017, 2018] as const;
export const dmaTargetYears = [2025, 2026, 2027] as const;

// Made-up places (not England's real systems), so nobody mistakes the data for real returns.
export const systemNames = [
  "Ashdown and Weald", "Bramber Vale", "Calder Reach", "Dunmere", "Eastholme", "Fenwick Marches", "Greystone",
  "Harrowfield", "Ilsley Downs", "Juniper Coast", "Kestrel Moor", "Langdale Water", "Merrow Hills", "Northwold",
  "Oakhanger", "Pennard Valley", "Quarry Bank", "Ravensworth", "Saltmarsh", "Thornbury Fells", "Underhill",
  "Vale of Arden", "Westmere", "Yarrow Dales", "Ambridge Levels", "Broadwater", "Copperfield", "Deepdale",
  "Elmstead", "Foxhollow", "Glenbrook", "Hollins Cross", "Ironbridge Gorge", "Kingsmead", "Larkhill",
  "Millbrook", "Newton Heath", "Orchard Coast", "Pebblecombe", "Redgrave", "Stourvale", "Tamar Reach",
] as const;

export const placeSuffixes = ["North", "South", "East", "West", "Central", "Coast", "Vale"] as const;

export const projectThemes = [
  "Electronic patient record optimisation", "Shared care record", "e-Prescribing and medicines administration",
  "Order communications", "Digital discharge summaries", "Patient portal", "Remote monitoring service",
  "Clinical decision support", "Bed and capacity management", "Wi-Fi and network refresh", "Cyber security uplift",
  "Population health dashboard", "Digital referrals", "Single sign-on", "Mobile community working",
  "Electronic observations", "Child health information sharing", "Care home digital records",
] as const;

export const ragReasons = {
  amber: ["Supplier delivery slipped by a month", "Clinical engagement lower than planned", "Funding confirmed late"],
  red: ["Go-live postponed after failed testing", "Key posts vacant", "Business case not yet approved"],
} as const;
