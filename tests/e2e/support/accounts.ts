// The demo accounts the embedded database seeds on first start (db/seed/bob-data.ts).
export const DEMO_PASSWORD = "roadmap-demo-2026";

export const accounts = {
  admin: { email: "admin@demo.nhs.uk", name: "Alex Morgan" },
  cioOuh: { email: "cio.ouh@demo.nhs.uk", name: "Olu Adeyemi" },
  cioRbft: { email: "cio.rbft@demo.nhs.uk", name: "Rachel Brook" },
  board: { email: "board@demo.nhs.uk", name: "Priya Shah" },
  ccio: { email: "ccio@demo.nhs.uk", name: "Dr Chris Clarke" },
  viewer: { email: "viewer@demo.nhs.uk", name: "Sam Taylor" },
} as const;

export type Role = keyof typeof accounts;
export const roles = Object.keys(accounts) as Role[];
