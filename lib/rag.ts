// Red, amber, green: one scale for projects and workstreams alike.
export const ragRatings = ["red", "amber", "green"] as const;
export type Rag = (typeof ragRatings)[number];

export const ragLabels: Record<Rag, string> = { red: "Red", amber: "Amber", green: "Green" };
