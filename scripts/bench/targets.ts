// What the benchmark measures: the main pages, signed in, and the main API list endpoints
// (with a read token). Paths are resolved against the data set (an organisation's id).

export type Target = { name: string; kind: "page" | "api"; path: string };

export function benchTargets({ organisationId }: { organisationId: string }): Target[] {
  return [
    { name: "Heatmap", kind: "page", path: "/maturity" },
    { name: "Organisation", kind: "page", path: `/organisations/${organisationId}` },
    { name: "Trajectories", kind: "page", path: "/trajectories" },
    { name: "Capability plan", kind: "page", path: "/portfolio/plan" },
    { name: "Universal capabilities", kind: "page", path: "/portfolio/capabilities" },
    { name: "Board view", kind: "page", path: "/workstreams/board" },
    { name: "Portfolio dashboard", kind: "page", path: "/portfolio/dashboard" },
    // Not a main page: a signed-in page with one small table, to show what any page costs
    // before its own data (session, layout, React rendering), the framework's floor.
    { name: "Small page (admin periods)", kind: "page", path: "/admin/periods" },
    { name: "API organisations", kind: "api", path: "/api/v1/organisations?limit=100" },
    { name: "API assessments", kind: "api", path: "/api/v1/assessments?limit=100" },
    { name: "API scores", kind: "api", path: "/api/v1/scores?limit=1000" },
    { name: "API targets", kind: "api", path: "/api/v1/targets?limit=100" },
    { name: "API projects", kind: "api", path: "/api/v1/projects?limit=100" },
    { name: "API workstreams", kind: "api", path: "/api/v1/workstreams?limit=100" },
  ];
}

/** Every other page, for the first-load JavaScript budget only (one request each). */
export const otherPages: readonly string[] = [
  "/organisations",
  "/assessments",
  "/workstreams",
  "/workstreams/alignment",
  "/portfolio/gaps",
  "/portfolio/projects/new",
  "/board-pack",
  "/imports",
  "/profile",
  "/admin",
  "/admin/users",
  "/admin/users/new",
];
