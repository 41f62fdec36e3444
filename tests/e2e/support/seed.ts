// The demo seed's baseline (February 2016) figures, as the 2016 roadmap prints them, and
// the derived figures the heatmap must show, computed here independently of the app.

export const trusts = ["RHW", "RTH", "RXQ", "RNU", "RWX", "RYE"] as const;
export type Trust = (typeof trusts)[number];

export const domainCodes = ["R1", "R2", "R3", "R4", "R5", "C1", "C2", "C3", "C4", "C5", "C6", "C7", "I1", "I2"] as const;
export type DomainCode = (typeof domainCodes)[number];

/** Full domain names: the assessment form labels its inputs with these. */
export const domainNames: Record<DomainCode, string> = {
  R1: "Strategic Alignment",
  R2: "Leadership",
  R3: "Resourcing",
  R4: "Governance",
  R5: "Information Governance",
  C1: "Records, Assessments & Plans",
  C2: "Transfers of Care",
  C3: "Orders & Results Management",
  C4: "Medicines Management & Optimisation",
  C5: "Decision Support",
  C6: "Remote & Assistive Care",
  C7: "Asset & Resource Optimisation",
  I1: "Standards",
  I2: "Enabling Infrastructure",
};

// Columns: National, RHW, RTH, RXQ, RNU, RWX, RYE.
const rows: Record<DomainCode, readonly [number, number, number, number, number, number, number]> = {
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

export function national(domain: DomainCode): number {
  return rows[domain][0];
}

export function baseline(trust: Trust, domain: DomainCode): number {
  return rows[domain][trusts.indexOf(trust) + 1]!;
}

/** Footprint codes (URL values), their names in the "Footprint" select and their trusts. */
export const footprints = {
  BUCKS: { name: "Buckinghamshire", trusts: ["RXQ", "RNU", "RYE"] },
  OXON: { name: "Oxfordshire", trusts: ["RTH", "RNU", "RYE"] },
  BERKSW: { name: "Berkshire West", trusts: ["RHW", "RWX", "RYE"] },
} as const satisfies Record<string, { name: string; trusts: readonly Trust[] }>;

/** Rounds halves up (43.5 → 44). */
export function roundHalfUp(value: number): number {
  return Math.floor(value + 0.5 + 1e-9);
}

export function meanOf(domain: DomainCode, among: readonly Trust[] = trusts): number {
  return roundHalfUp(among.reduce((sum, t) => sum + baseline(t, domain), 0) / among.length);
}

/** "4/6": providers strictly above national (an equal score is not above). */
export function aboveCount(domain: DomainCode, among: readonly Trust[] = trusts): string {
  return `${among.filter((t) => baseline(t, domain) > national(domain)).length}/${among.length}`;
}

/** "12/14": domains in which a trust is strictly above national. */
export function domainsAbove(trust: Trust): string {
  return `${domainCodes.filter((d) => baseline(trust, d) > national(d)).length}/${domainCodes.length}`;
}

/** The gap as the heatmap prints it: "+4", "−12" (a real minus sign), "0". */
export function formatGap(value: number): string {
  return value > 0 ? `+${value}` : value < 0 ? `\u2212${Math.abs(value)}` : "0";
}

export function gapOf(trust: Trust, domain: DomainCode): string {
  return formatGap(baseline(trust, domain) - national(domain));
}
