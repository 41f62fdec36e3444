import "server-only";
import { unstable_rethrow } from "next/navigation";
import type { z } from "zod";
import { getCurrentUser, type SessionUser } from "./session";
import { toAppError, type FieldErrors } from "@/lib/errors";

export type ActionState =
  | { ok: true; message: string }
  | { ok: false; message: string; fieldErrors: FieldErrors }
  | null;

/**
 * Every server action goes through here: the session is read and checked on the server,
 * the form parsed with a zod schema, and every failure turned into a state the form shows.
 * Permission for the record itself is checked by the command the handler calls.
 */
export function userAction<S extends z.ZodType>(
  schema: S,
  handler: (input: z.infer<S>, user: SessionUser, formData: FormData) => Promise<ActionState>,
) {
  return async (_previous: ActionState, formData: FormData): Promise<ActionState> => {
    const user = await getCurrentUser();
    if (!user) return { ok: false, message: "Your session has ended. Sign in again; nothing was saved.", fieldErrors: {} };
    const parsed = schema.safeParse(Object.fromEntries(formData.entries()));
    if (!parsed.success) {
      const fieldErrors: FieldErrors = {};
      for (const issue of parsed.error.issues) fieldErrors[issue.path.join(".")] ??= issue.message;
      return { ok: false, message: "Nothing was saved: correct the answers marked below.", fieldErrors };
    }
    try {
      return await handler(parsed.data, user, formData);
    } catch (error) {
      unstable_rethrow(error); // redirect() and notFound() are not failures
      const appError = toAppError(error);
      return { ok: false, message: appError.message, fieldErrors: appError.fieldErrors };
    }
  };
}
