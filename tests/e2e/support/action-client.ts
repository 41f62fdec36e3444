import { readFileSync } from "node:fs";
import path from "node:path";
// React's own encoder for server action arguments, as the browser's copy sends them.
// @ts-expect-error: Next ships its compiled copy of React's Flight client without types.
import { encodeReply } from "next/dist/compiled/react-server-dom-webpack/client.edge.js";

// Server actions called over plain HTTP, as a script or an attacker can call them: by the
// id the build gave the action, with whatever fields and cookie the caller chooses, no page
// or form needed. The ids come from the production build's server reference manifest, so
// the tests also learn which actions exist (and fail when one is added without a test).

const root = path.resolve(import.meta.dirname, "../../..");

export interface ServerActionRef {
  id: string;
  /** "app/trajectories/actions.ts#setTargetAction" */
  name: string;
}

interface ManifestEntry {
  filename?: string;
  exportedName?: string;
  workers: Record<string, unknown>;
}

/** Every server action in the build at `.next`, by "file#export". */
export function serverActionsInBuild(buildDir = path.join(root, ".next")): Map<string, ServerActionRef> {
  const manifest = JSON.parse(readFileSync(path.join(buildDir, "server/server-reference-manifest.json"), "utf8")) as { node: Record<string, ManifestEntry> };
  const found = new Map<string, ServerActionRef>();
  for (const [id, entry] of Object.entries(manifest.node)) {
    if (!entry.filename || !entry.exportedName) throw new Error(`Server action ${id} has no file or export name in the manifest; the test cannot tell what it is.`);
    const name = `${entry.filename}#${entry.exportedName}`;
    found.set(name, { id, name });
  }
  return found;
}

export type ActionOutcome =
  | { kind: "state"; status: number; state: unknown }
  | { kind: "redirect"; status: number; location: string }
  | { kind: "http-error"; status: number; body: string };

/**
 * Calls a server action the way `useActionState` does: arguments (previous state, form
 * data), posted to a page with the action's id in the Next-Action header. `origin` is sent
 * as the Origin header (a browser always sends one on a POST); pass null to leave it out.
 */
export async function callServerAction(options: {
  baseUrl: string;
  action: ServerActionRef;
  fields: Record<string, string | string[]>;
  cookie?: string;
  /** The page the form is on; any page works for the call itself. */
  pagePath?: string;
  origin?: string | null;
  extraHeaders?: Record<string, string>;
  /** Plain actions take only the form data; useActionState ones (the default) a previous state first. */
  withPreviousState?: boolean;
}): Promise<ActionOutcome> {
  const form = new FormData();
  for (const [name, value] of Object.entries(options.fields)) for (const v of Array.isArray(value) ? value : [value]) form.append(name, v);
  const args = options.withPreviousState === false ? [form] : [null, form];
  const body = (await encodeReply(args)) as FormData | string;
  const headers: Record<string, string> = { "Next-Action": options.action.id, Accept: "text/x-component", ...options.extraHeaders };
  if (options.cookie) headers.Cookie = options.cookie;
  const origin = options.origin === undefined ? options.baseUrl : options.origin;
  if (origin) headers.Origin = origin;
  const response = await fetch(`${options.baseUrl}${options.pagePath ?? "/"}`, { method: "POST", headers, body, redirect: "manual" });
  const text = await response.text();
  const redirect = response.headers.get("x-action-redirect") ?? (response.status >= 300 && response.status < 400 ? response.headers.get("location") : null);
  if (redirect) return { kind: "redirect", status: response.status, location: redirect.split(";")[0]! };
  if (!response.ok || !(response.headers.get("content-type") ?? "").includes("text/x-component")) return { kind: "http-error", status: response.status, body: text };
  return { kind: "state", status: response.status, state: actionResult(text) };
}

/**
 * The action's return value from a Flight response: row 0 is `{"a": "$@N", …}` and row N
 * the value. Values here are plain JSON (form states), so no Flight client is needed.
 */
export function actionResult(flight: string): unknown {
  const rows = new Map<string, string>();
  for (const line of flight.split("\n")) {
    const colon = line.indexOf(":");
    if (colon > 0) rows.set(line.slice(0, colon), line.slice(colon + 1));
  }
  const head = JSON.parse(rows.get("0") ?? "null") as { a?: unknown } | null;
  const ref = head?.a;
  if (typeof ref === "string" && ref.startsWith("$@")) return JSON.parse(rows.get(ref.slice(2)) ?? "null");
  return ref;
}
