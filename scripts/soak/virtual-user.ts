// One signed-in virtual user: its own session cookie, API token and keep-alive
// connections, in a loop of one action then a think time of 0.5–2 s until the deadline.
// An action is a page view, an API read, or (editors only) an edit: read a draft
// assessment through the API and save its scores with the version read, as a script
// of the API would. A 409 saying someone saved first is what two people editing the same
// draft should get: counted as a conflict, not an error.
import http from "node:http";
import type { Recorder, RouteKind } from "./recorder";
import { send } from "./request";
import type { DraftAssessment } from "./prepare";

/** A route and the paths it is requested at (an organisation page: several organisations). */
export type Route = { name: string; kind: RouteKind; paths: string[] };

export type VirtualUser = {
  index: number;
  cookie: string;
  token: string;
  /** The drafts this user may edit (none for roles that may not). */
  editable: DraftAssessment[];
};

export type Scenario = {
  baseUrl: string;
  pages: Route[];
  apiReads: Route[];
  /** Chance that an editor's next action is an edit. */
  editShare: number;
  /** Chance that a non-edit action is an API read rather than a page view. */
  apiShare: number;
  thinkMs: { min: number; max: number };
};

const CONFLICT_MESSAGE = /saved this assessment at/;

/** recorder() is the phase's recorder: the warm-up's, then the measured run's. */
export async function runVirtualUser(user: VirtualUser, scenario: Scenario, recorder: () => Recorder, deadline: number): Promise<void> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: 2 });
  const pick = <T>(list: readonly T[]) => list[Math.floor(Math.random() * list.length)]!;
  const think = () => sleep(Math.min(scenario.thinkMs.min + Math.random() * (scenario.thinkMs.max - scenario.thinkMs.min), Math.max(0, deadline - performance.now())));
  const cookieHeaders = { Cookie: user.cookie, Accept: "text/html" };
  const tokenHeaders = { Authorization: `Bearer ${user.token}`, Accept: "application/json" };

  /** Sends one request, records it, and returns the response when it had the expected status. */
  const timed = async (route: { name: string; kind: RouteKind }, method: string, path: string, headers: Record<string, string>, json?: unknown) => {
    const t = performance.now();
    try {
      const response = await send(scenario.baseUrl + path, { method, agent, headers, json });
      const latency = performance.now() - t;
      if (response.status === 200) {
        recorder().record(route, latency, "ok");
        return response;
      }
      const text = response.body.toString();
      if (method === "PUT" && response.status === 409 && CONFLICT_MESSAGE.test(text)) {
        recorder().record(route, latency, "conflict");
        return null;
      }
      const where = response.headers.location ? ` → ${response.headers.location}` : "";
      recorder().record(route, latency, "error", { user: user.index, method, path, status: response.status, message: `HTTP ${response.status}${where}: ${text.slice(0, 300)}` });
      return null;
    } catch (error) {
      recorder().record(route, performance.now() - t, "error", { user: user.index, method, path, status: null, message: error instanceof Error ? error.message : String(error) });
      return null;
    }
  };

  const edit = async () => {
    const draft = pick(user.editable);
    const path = `/api/v1/assessments/${draft.id}`;
    const read = await timed({ name: "API assessment (read to edit)", kind: "edit" }, "GET", path, tokenHeaders);
    if (!read) return;
    const assessment = JSON.parse(read.body.toString()) as { data: { version: number; scores: { domainCode: string; score: number }[] } };
    const current = new Map(assessment.data.scores.map((s) => [s.domainCode, s.score]));
    const scores = Object.fromEntries(draft.domainCodes.map((code) => [code, current.get(code) ?? 40 + Math.floor(Math.random() * 40)]));
    const changed = pick(draft.domainCodes);
    scores[changed] = Math.max(0, Math.min(100, scores[changed]! + pick([-3, -2, -1, 1, 2, 3])));
    // A person takes a moment between opening the form and saving it; others may save meanwhile.
    await sleep(200 + Math.random() * 800);
    const saved = await timed({ name: "API save scores (PUT)", kind: "edit" }, "PUT", `${path}/scores`, tokenHeaders, { version: assessment.data.version, scores });
    if (saved) recorder().savedEdits++;
  };

  try {
    // Users arrive over the first think time rather than all at once.
    await think();
    while (performance.now() < deadline) {
      if (user.editable.length > 0 && Math.random() < scenario.editShare) {
        await edit();
      } else if (Math.random() < scenario.apiShare) {
        const route = pick(scenario.apiReads);
        await timed(route, "GET", pick(route.paths), tokenHeaders);
      } else {
        const route = pick(scenario.pages);
        await timed(route, "GET", pick(route.paths), cookieHeaders);
      }
      await think();
    }
  } finally {
    agent.destroy();
  }
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
