import { signInCookie } from "../../../scripts/bench/sign-in";
import { callServerAction, type ActionOutcome, type ServerActionRef } from "../support/action-client";
import { DEMO_PASSWORD } from "../support/accounts";

// The concurrent clients: each a session of its own (a sign-in of its own, as a separate
// browser would have), several of them the same person; for the API, each with a personal
// token of its own made through the profile page's action.

export interface Client {
  n: number;
  email: string;
  cookie: string;
}

/** `count` sessions, taking the emails in turn; signed in a few at a time (each sign-in hashes a password). */
export async function signInClients(baseUrl: string, emails: readonly string[], count: number): Promise<Client[]> {
  const clients: Client[] = [];
  for (let start = 0; start < count; start += 8) {
    const batch = Array.from({ length: Math.min(8, count - start) }, (_, i) => start + i);
    clients.push(
      ...(await Promise.all(
        batch.map(async (n) => {
          const email = emails[n % emails.length]!;
          return { n, email, cookie: await signInCookie(baseUrl, email, DEMO_PASSWORD) };
        }),
      )),
    );
  }
  return clients;
}

/** A read-and-write API token for the client's session, from the profile page's action (its secret is shown once, in the answer). */
export async function createToken(baseUrl: string, action: ServerActionRef, client: Client): Promise<string> {
  const outcome = await callServerAction({ baseUrl, action, cookie: client.cookie, pagePath: "/login", fields: { name: `Concurrent client ${client.n}`, scope: "read-write", lifetimeDays: "30" } });
  const secret = outcome.kind === "state" ? (outcome.state as { created?: { secret?: string } } | null)?.created?.secret : undefined;
  if (!secret) throw new Error(`Creating an API token for client ${client.n} gave ${JSON.stringify(outcome).slice(0, 300)}`);
  return secret;
}

/** The form state an action answered with, or null when it answered otherwise (a redirect, an HTTP error). */
export function formState(outcome: ActionOutcome): { ok: boolean; message: string } | null {
  if (outcome.kind !== "state") return null;
  const state = outcome.state as { ok?: unknown; message?: unknown } | null;
  return state && typeof state.ok === "boolean" && typeof state.message === "string" ? { ok: state.ok, message: state.message } : null;
}

export function describe(outcome: ActionOutcome): string {
  return JSON.stringify(outcome).slice(0, 300);
}
