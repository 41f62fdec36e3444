import "server-only";
import { unstable_rethrow } from "next/navigation";
import type { z } from "zod";
import { getCurrentUser, getSessionAccount, type SessionUser } from "./session";
import { cleanFormData } from "@/lib/control-characters";
import { toAppError, type FieldErrors } from "@/lib/errors";

export type ActionState =
  | { ok: true; message: string }
  | { ok: false; message: string; fieldErrors: FieldErrors; values?: Record<string, string>; lists?: Record<string, string[]> }
  | null;

/**
 * What the user typed, sent back so a refused form shows it again rather than blanks:
 * `values` the last value of each field, `lists` every value of each (ticked checkboxes).
 */
function typed(formData: FormData): { values: Record<string, string>; lists: Record<string, string[]> } {
  const values: Record<string, string> = {};
  const lists: Record<string, string[]> = {};
  for (const [key, value] of formData.entries()) {
    // Never echo a password back into the page.
    if (typeof value !== "string" || key.startsWith("$ACTION") || /password/i.test(key)) continue;
    values[key] = value;
    (lists[key] ??= []).push(value);
  }
  return { values, lists };
}

/** Form fields as an object; a name that repeats (checkboxes) becomes an array. */
export function formToObject(formData: FormData): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of formData.entries()) {
    if (key.startsWith("$ACTION")) continue;
    const previous = out[key];
    out[key] = previous === undefined ? value : Array.isArray(previous) ? [...previous, value] : [previous, value];
  }
  return out;
}

/**
 * Every server action goes through here: the session is read and checked on the server,
 * control characters dropped from every field (the handler gets the cleaned form too), the
 * form parsed with a zod schema, and every failure turned into a state the form shows.
 * Permission for the record itself is checked by the command the handler calls.
 */
export function userAction<S extends z.ZodType, R extends ActionState = ActionState>(
  /** The schema, or (where a rule depends on a record the form names) a function that finds it. */
  schema: S | ((raw: Record<string, unknown>) => Promise<S>),
  handler: (input: z.infer<S>, user: SessionUser, formData: FormData) => Promise<R>,
  /**
   * duringFirstSteps: the actions of an account's first steps (changing a password someone
   * else chose, an administrator's two-factor set-up), which every other action refuses
   * until they are taken.
   */
  { duringFirstSteps = false }: { duringFirstSteps?: boolean } = {},
) {
  // R: a state that says more than ok and a message (a file's preview), still read the same way.
  return async (_previous: R | ActionState, sent: FormData): Promise<R | ActionState> => {
    const user = await (duringFirstSteps ? getSessionAccount() : getCurrentUser());
    const formData = cleanFormData(sent);
    if (!user) return { ok: false, message: "Your session has ended, or there is a step to take first (see the page). Sign in again; nothing was saved.", fieldErrors: {} };
    const raw = formToObject(formData);
    const parsed = (typeof schema === "function" ? await schema(raw) : schema).safeParse(raw);
    if (!parsed.success) {
      const fieldErrors: FieldErrors = {};
      for (const issue of parsed.error.issues) fieldErrors[issue.path.join(".")] ??= issue.message;
      return { ok: false, message: "Nothing was saved: correct the answers marked below.", fieldErrors, ...typed(formData) };
    }
    try {
      return await handler(parsed.data, user, formData);
    } catch (error) {
      unstable_rethrow(error); // redirect() and notFound() are not failures
      const appError = toAppError(error);
      return { ok: false, message: appError.message, fieldErrors: appError.fieldErrors, ...typed(formData) };
    }
  };
}
