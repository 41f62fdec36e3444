export const roles = ["admin", "cio", "board", "ccio", "viewer"] as const;
export type Role = (typeof roles)[number];

export const roleLabels: Record<Role, string> = {
  admin: "Administrator",
  cio: "Chief Information Officer (CIO)",
  board: "Programme board member",
  ccio: "Chief Clinical Information Officer (CCIO)",
  viewer: "Viewer",
};
