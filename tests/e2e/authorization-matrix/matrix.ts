// The authorization matrix: who may open or do what, written as a product owner states it,
// independently of lib/permissions.ts (so that a mistake there is caught, not copied).
//
// Rows are every page, route handler, API endpoint and server action of the build, each on
// a concrete target; an organisation- or workstream-scoped route has one row for a target
// of "their own" and one for "another":
//   organisations  OUH (Oxford University Hospitals, the OUH CIO's) and RBFT (Royal Berkshire, the other CIO's);
//   workstreams    RECORDS (led by the demo CCIO) and INTELLIGENCE (led by another CCIO).
// Columns are the subjects below. A row lists the subjects allowed; every other is denied.
//
// How a response is read (the spec classifies each kind the same way for every row):
//   page           200, or a redirect somewhere other than /login = allow; a redirect to
//                  /login, 403 or 404 = deny (a hidden draft is a 404: deny).
//   route-handler  2xx = allow; 401, 403 or 404 = deny.
//   api            2xx = allow; 401, 403 or 404 = deny (bearer tokens; anonymous sends none).
//   action         { ok: true } or a redirect to the page the action leads to = allow;
//                  { ok: false } with a refusal (not a field error), a redirect to /login
//                  or an HTTP error = deny. The anonymous caller of an action sends a
//                  made-up session cookie, which gets past the sign-in redirect in
//                  proxy.ts (it checks only the cookie's name): the action must refuse alone. Allowed calls get valid, fresh inputs, so that
//                  only authorization can refuse them.
// "public" rows are open to everyone by design (the sign-in page and its actions, Auth.js,
// the health check, the OpenAPI document): every subject must get an answer, not an error.

export const subjects = ["anonymous", "admin", "cioOuh", "cioRbft", "board", "ccio", "viewer", "disabled"] as const;
export type Subject = (typeof subjects)[number];

/** Who each subject is. `disabled` is an administrator created for this test and disabled after signing in. */
export const subjectNotes: Record<Subject, string> = {
  anonymous: "no cookie, no token",
  admin: "admin@demo.nhs.uk",
  cioOuh: "cio.ouh@demo.nhs.uk: CIO of OUH (RTH)",
  cioRbft: "cio.rbft@demo.nhs.uk: CIO of Royal Berkshire (RHW)",
  board: "board@demo.nhs.uk: programme board member",
  ccio: "ccio@demo.nhs.uk: leads RECORDS and CITIZEN",
  viewer: "viewer@demo.nhs.uk",
  disabled: "an administrator whose account was disabled after they signed in and made a token",
};

export type Kind = "page" | "action" | "route-handler" | "api";

export interface MatrixRow {
  kind: Kind;
  /** Pages and route handlers: the path template as the build names it ("/assessments/[id]"); actions: "app/x/actions.ts#name". */
  route: string;
  method: "GET" | "POST" | "PUT";
  /** The concrete target, in words; also the key the spec finds the request under. */
  target: string;
  allow: readonly Subject[] | "public";
}

const signedIn: Subject[] = ["admin", "cioOuh", "cioRbft", "board", "ccio", "viewer"];
const adminOnly: Subject[] = ["admin"];

const page = (route: string, target: string, allow: MatrixRow["allow"]): MatrixRow => ({ kind: "page", route, method: "GET", target, allow });
const handler = (method: MatrixRow["method"], route: string, target: string, allow: MatrixRow["allow"]): MatrixRow => ({ kind: "route-handler", route, method, target, allow });
const api = (method: MatrixRow["method"], route: string, target: string, allow: MatrixRow["allow"]): MatrixRow => ({ kind: "api", route, method, target, allow });
const action = (route: string, target: string, allow: MatrixRow["allow"]): MatrixRow => ({ kind: "action", route, method: "POST", target, allow });

export const matrix: MatrixRow[] = [
  // Pages. Everything published is open to every signed-in role; drafts are their
  // organisation's CIOs' and administrators'; administration is administrators'.
  page("/", "home (redirects to the heatmap)", signedIn),
  page("/login", "sign-in page", "public"),
  page("/maturity", "heatmap", signedIn),
  page("/organisations", "list", signedIn),
  page("/organisations/[id]", "OUH", signedIn),
  page("/organisations/[id]", "RBFT", signedIn),
  page("/assessments", "list", signedIn),
  page("/assessments/[id]", "OUH approved baseline", signedIn),
  page("/assessments/[id]", "OUH draft", ["admin", "cioOuh"]),
  page("/assessments/[id]", "RBFT draft", ["admin", "cioRbft"]),
  page("/board-pack", "board pack", signedIn),
  // NHS England's published DMA results and where every figure comes from: open to all.
  page("/benchmarks", "peer benchmarks", signedIn),
  page("/benchmarks/compare", "compare two periods", signedIn),
  page("/about-the-data", "about the data", signedIn),
  page("/trajectories", "trajectories", signedIn),
  page("/portfolio", "portfolio (redirects to the plan)", signedIn),
  page("/portfolio/plan", "capability plan", signedIn),
  page("/portfolio/capabilities", "universal capabilities", signedIn),
  page("/portfolio/dashboard", "dashboard", signedIn),
  page("/portfolio/gaps", "gap to delivery", signedIn),
  page("/portfolio/projects/[id]", "an OUH project", signedIn),
  page("/portfolio/projects/new", "new project form", ["admin", "cioOuh", "cioRbft"]),
  page("/workstreams", "overview", signedIn),
  page("/workstreams/[id]", "RECORDS", signedIn),
  page("/workstreams/[id]", "INTELLIGENCE", signedIn),
  page("/workstreams/alignment", "alignment", signedIn),
  page("/workstreams/board", "board view", signedIn),
  page("/profile", "own profile", signedIn),
  // One's own password; a reset link is opened signed out (its secret is the proof), and an
  // unknown one answers everyone with the same page.
  page("/account/password", "own password", signedIn),
  page("/reset-password/[token]", "an unknown link", "public"),
  // Two-factor set-up: one's own account only (docs/two-factor-and-sign-in.md).
  page("/account/security", "own account security", signedIn),
  // Imports are for those who may change what a file holds: scores and projects (CIOs,
  // administrators), targets (the board too); not CCIOs or viewers.
  page("/imports", "imports", ["admin", "cioOuh", "cioRbft", "board"]),
  page("/imports/[id]", "an import the OUH CIO uploaded", ["admin", "cioOuh"]),
  page("/admin", "administration", adminOnly),
  page("/admin/users", "users", adminOnly),
  page("/admin/users/new", "new user form", adminOnly),
  page("/admin/users/[id]", "the viewer's account", adminOnly),
  page("/admin/periods", "assessment periods", adminOnly),
  page("/admin/frameworks", "maturity frameworks", adminOnly),

  // Route handlers (not the /api/v1 API).
  handler("GET", "/api/auth/[...nextauth]", "session endpoint", "public"),
  handler("GET", "/api/health", "health check", "public"),
  handler("GET", "/export/[table]", "scores CSV", signedIn),
  handler("GET", "/imports/templates/[file]", "targets template", signedIn),
  // Loading frameworks is administration: its template and guide too.
  handler("GET", "/admin/frameworks/template.csv", "framework file template", adminOnly),
  handler("GET", "/admin/frameworks/framework-files.md", "framework file guide", adminOnly),
  handler("POST", "/api/imports", "a targets file (one OUH row)", ["admin", "cioOuh", "cioRbft", "board"]),
  handler("POST", "/api/imports/[id]/commit", "the caller's own checked targets file", ["admin", "cioOuh", "cioRbft", "board"]),
  handler("POST", "/api/imports/[id]/commit", "a file the OUH CIO uploaded", ["cioOuh"]),

  // The API, with a read-and-write token of each subject. Reads are open to every
  // signed-in role; drafts and writes follow the same rules as the pages and forms.
  api("GET", "/api/v1/openapi.json", "the API description", "public"),
  api("GET", "/api/v1/organisations", "list", signedIn),
  api("GET", "/api/v1/frameworks", "list", signedIn),
  api("GET", "/api/v1/scores", "list", signedIn),
  api("GET", "/api/v1/summaries", "list", signedIn),
  api("GET", "/api/v1/targets", "list", signedIn),
  api("GET", "/api/v1/projects", "list", signedIn),
  api("GET", "/api/v1/capabilities", "list", signedIn),
  api("GET", "/api/v1/workstreams", "list", signedIn),
  api("GET", "/api/v1/reviews", "list", signedIn),
  api("GET", "/api/v1/assessments", "list", signedIn),
  api("GET", "/api/v1/assessments/[id]", "OUH approved baseline", signedIn),
  api("GET", "/api/v1/assessments/[id]", "OUH draft", ["admin", "cioOuh"]),
  api("GET", "/api/v1/assessments/[id]", "RBFT draft", ["admin", "cioRbft"]),
  api("POST", "/api/v1/assessments", "OUH, a new open period", ["admin", "cioOuh"]),
  api("POST", "/api/v1/assessments", "RBFT, a new open period", ["admin", "cioRbft"]),
  api("PUT", "/api/v1/assessments/[id]/scores", "OUH draft", ["admin", "cioOuh"]),
  api("PUT", "/api/v1/assessments/[id]/scores", "RBFT draft", ["admin", "cioRbft"]),

  // Server actions.
  action("app/login/actions.ts#signInWithPassword", "empty form", "public"),
  action("app/login/actions.ts#signInWithEntraId", "NHSmail sign-in", "public"),
  action("app/login/actions.ts#signOutAction", "sign out", "public"),
  action("app/account/security/actions.ts#startTwoFactorAction", "an enrolment for oneself", signedIn),
  action("app/account/security/actions.ts#confirmTwoFactorAction", "oneself, with no code", signedIn),
  action("app/account/security/actions.ts#disableTwoFactorAction", "oneself, with no code or password", signedIn),
  action("app/account/security/actions.ts#regenerateRecoveryCodesAction", "oneself, with no code or password", signedIn),
  action("app/profile/actions.ts#createApiTokenAction", "a token for oneself", signedIn),
  action("app/profile/actions.ts#revokeApiTokenAction", "the caller's own token", signedIn),
  action("app/profile/actions.ts#revokeApiTokenAction", "the viewer's token", ["admin", "viewer"]),
  // Accounts: one's own password and sessions; administrators' reset links and sign-outs.
  action("app/account/actions.ts#changePasswordAction", "own password (a wrong current one)", signedIn),
  action("app/account/actions.ts#signOutEverywhereAction", "own sessions", signedIn),
  action("app/reset-password/[token]/actions.ts#resetPasswordAction", "an unknown link", "public"),
  action("app/admin/actions.ts#createPasswordResetLinkAction", "a spare user", adminOnly),
  action("app/admin/actions.ts#endUserSessionsAction", "a spare user", adminOnly),
  action("app/admin/actions.ts#createUserAction", "a new viewer", adminOnly),
  action("app/admin/actions.ts#updateUserAccessAction", "a spare user", adminOnly),
  action("app/admin/actions.ts#setUserDisabledAction", "a spare user (enable)", adminOnly),
  action("app/admin/actions.ts#createPeriodAction", "a new period", adminOnly),
  action("app/admin/actions.ts#setPeriodOpenAction", "a new closed period (open it)", adminOnly),
  action("app/admin/actions.ts#checkFrameworkFileAction", "a framework file with a new code", adminOnly),
  action("app/admin/actions.ts#loadFrameworkAction", "a framework file with a new code", adminOnly),
  action("app/assessments/actions.ts#startAssessmentAction", "OUH, a new open period", ["admin", "cioOuh"]),
  action("app/assessments/actions.ts#startAssessmentAction", "RBFT, a new open period", ["admin", "cioRbft"]),
  action("app/assessments/actions.ts#saveAssessmentAction", "OUH draft", ["admin", "cioOuh"]),
  action("app/assessments/actions.ts#saveAssessmentAction", "RBFT draft", ["admin", "cioRbft"]),
  // Approving and returning is the board's; administrators may do everything but decide tollgates.
  action("app/assessments/actions.ts#decideAssessmentAction", "approve an OUH submission", ["admin", "board"]),
  action("app/assessments/actions.ts#decideAssessmentAction", "return an RBFT submission", ["admin", "board"]),
  action("app/assessments/actions.ts#decideAssessmentAction", "reopen an approved OUH assessment", adminOnly),
  action("app/trajectories/actions.ts#setTargetAction", "OUH target", ["admin", "cioOuh"]),
  action("app/trajectories/actions.ts#setTargetAction", "RBFT target", ["admin", "cioRbft"]),
  action("app/trajectories/actions.ts#setTargetAction", "OXON footprint target", ["admin", "board"]),
  action("app/trajectories/actions.ts#setTargetAction", "BOB system target", ["admin", "board"]),
  action("app/trajectories/actions.ts#removeTargetAction", "OUH target", ["admin", "cioOuh"]),
  action("app/trajectories/actions.ts#removeTargetAction", "OXON footprint target", ["admin", "board"]),
  action("app/portfolio/actions.ts#saveProjectAction", "new OUH project", ["admin", "cioOuh"]),
  action("app/portfolio/actions.ts#saveProjectAction", "new RBFT project", ["admin", "cioRbft"]),
  // Co-owners: another trust named as an owner is invited; only its own CIOs (or an
  // administrator) accept or decline, and a CIO removes only their own organisation.
  action("app/portfolio/actions.ts#saveProjectAction", "an OUH and RBFT project, removing RBFT", ["admin", "cioRbft"]),
  action("app/portfolio/actions.ts#saveProjectAction", "an OUH and RBFT project, removing OUH", ["admin", "cioOuh"]),
  action("app/portfolio/actions.ts#decideInvitationAction", "accept an invitation to RBFT", ["admin", "cioRbft"]),
  action("app/portfolio/actions.ts#decideInvitationAction", "decline an invitation to OUH", ["admin", "cioOuh"]),
  action("app/portfolio/actions.ts#addMilestoneAction", "an OUH project", ["admin", "cioOuh"]),
  action("app/portfolio/actions.ts#addMilestoneAction", "an RBFT project", ["admin", "cioRbft"]),
  action("app/portfolio/actions.ts#markMilestoneDoneAction", "an OUH project's milestone", ["admin", "cioOuh"]),
  action("app/portfolio/actions.ts#markMilestoneDoneAction", "an RBFT project's milestone", ["admin", "cioRbft"]),
  action("app/portfolio/actions.ts#addBenefitAction", "an OUH project", ["admin", "cioOuh"]),
  action("app/portfolio/actions.ts#addBenefitAction", "an RBFT project", ["admin", "cioRbft"]),
  action("app/workstreams/actions.ts#updateItemAction", "RECORDS", ["admin", "ccio"]),
  action("app/workstreams/actions.ts#updateItemAction", "INTELLIGENCE", adminOnly),
  action("app/workstreams/actions.ts#updateDeliverableAction", "RECORDS", ["admin", "ccio"]),
  action("app/workstreams/actions.ts#updateDeliverableAction", "INTELLIGENCE", adminOnly),
  action("app/workstreams/actions.ts#setReviewDateAction", "RECORDS", ["admin", "ccio"]),
  action("app/workstreams/actions.ts#setReviewDateAction", "INTELLIGENCE", adminOnly),
  // Choosing leads is administration, not the lead's own business.
  action("app/workstreams/actions.ts#assignLeadAction", "RECORDS", adminOnly),
  action("app/workstreams/actions.ts#assignLeadAction", "INTELLIGENCE", adminOnly),
  action("app/workstreams/actions.ts#requestReviewAction", "RECORDS", ["admin", "ccio"]),
  action("app/workstreams/actions.ts#requestReviewAction", "INTELLIGENCE", adminOnly),
  // Tollgate decisions are the board's alone.
  action("app/workstreams/actions.ts#decideReviewAction", "RECORDS", ["board"]),
  action("app/workstreams/actions.ts#decideReviewAction", "INTELLIGENCE", ["board"]),
  action("app/workstreams/actions.ts#closeConditionAction", "RECORDS", ["admin", "board", "ccio"]),
  action("app/workstreams/actions.ts#closeConditionAction", "INTELLIGENCE", ["admin", "board"]),
  action("app/imports/actions.ts#discardImportAction", "a file the OUH CIO uploaded", ["cioOuh"]),
  // Settling the names of NHS England's workbook: only administrators import it, and an
  // import is its uploader's own (another administrator sees it but may not change it).
  action("app/imports/actions.ts#mapDmaNameAction", "a DMA workbook the administrator uploaded", adminOnly),
  action("app/imports/actions.ts#addDmaOrganisationAction", "a DMA workbook the administrator uploaded", adminOnly),
  action("app/imports/actions.ts#leaveOutUnmatchedAction", "a DMA workbook the administrator uploaded", adminOnly),
];

/** A row's key: what the spec's requests are filed under. */
export function rowKey(row: Pick<MatrixRow, "kind" | "route" | "method" | "target">): string {
  return `${row.kind} ${row.method} ${row.route} [${row.target}]`;
}

export function expected(row: MatrixRow, subject: Subject): "allow" | "deny" {
  return row.allow === "public" || row.allow.includes(subject) ? "allow" : "deny";
}

/** Build entries that are Next.js's own, not routes of the app: its error pages. */
export const frameworkEntries = ["/_global-error", "/_not-found"] as const;
