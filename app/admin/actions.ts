"use server";

import { randomUUID } from "node:crypto";
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "zod";
import { authoriseFrameworkLoad, loadFramework } from "@/db/commands/frameworks";
import { createPeriod, setPeriodOpen } from "@/db/commands/periods";
import { createPasswordResetLink } from "@/db/commands/password-resets";
import { createUser, endSessionsEverywhere, setUserDisabled, updateUserAccess } from "@/db/commands/users";
import { userAction, type ActionState } from "@/lib/auth/action";
import { userIdSchema } from "@/lib/schemas/account";
import type { FieldErrors } from "@/lib/errors";
import type { FrameworkSummary } from "@/lib/frameworks/file";
import type { ImportRowError } from "@/lib/import/header";
import { frameworkFileSchema, newPeriodSchema, newUserSchema, userAccessSchema } from "@/lib/schemas/admin";

export const createUserAction = userAction(newUserSchema, async (input, user) => {
  const created = await createUser({ actor: user, ...input });
  redirect(`/admin/users/${created.id}?created=1`);
});

export const updateUserAccessAction = userAction(userAccessSchema.and(z.object({ userId: z.uuid() })), async (input, user) => {
  await updateUserAccess({ actor: user, ...input });
  revalidatePath("/admin/users", "layout");
  return { ok: true, message: "Saved. The change applies from the user's next page." };
});

export const setUserDisabledAction = userAction(
  z.object({ userId: z.uuid(), disabled: z.enum(["true", "false"]).transform((v) => v === "true") }),
  async (input, user) => {
    await setUserDisabled({ actor: user, ...input });
    revalidatePath("/admin/users", "layout");
    return { ok: true, message: input.disabled ? "The account is disabled: its next request is refused." : "The account is enabled again." };
  },
);

/** A reset link's secret travels once, in the answer to the button that made it. */
export type ResetLinkState = ActionState | { ok: true; message: string; link: { path: string; expiresAt: string } };

export async function createPasswordResetLinkAction(previous: ResetLinkState, formData: FormData): Promise<ResetLinkState> {
  let link: { path: string; expiresAt: string } | undefined;
  const state = await userAction(userIdSchema, async ({ userId }, user) => {
    const made = await createPasswordResetLink({ actor: user, userId });
    link = { path: `/reset-password/${made.secret}`, expiresAt: made.expiresAt.toISOString() };
    return { ok: true, message: "A reset link has been made. Any earlier unused link no longer works." };
  })(previous, formData);
  return state?.ok && link ? { ...state, link } : state;
}

/** An administrator signs someone out everywhere (a lost laptop, a shared password). */
export const endUserSessionsAction = userAction(userIdSchema, async ({ userId }, user) => {
  await endSessionsEverywhere({ actor: user, userId });
  return { ok: true, message: "Signed out everywhere: every session of theirs ends at its next request." };
});

export const createPeriodAction = userAction(newPeriodSchema, async (input, user) => {
  const created = await createPeriod({ actor: user, ...input });
  revalidatePath("/admin/periods");
  return { ok: true, message: `${created.name} is open: CIOs can now start their assessments.` };
});

export const setPeriodOpenAction = userAction(
  z.object({ periodId: z.uuid(), isOpen: z.enum(["true", "false"]).transform((v) => v === "true") }),
  async (input, user) => {
    await setPeriodOpen({ actor: user, ...input });
    revalidatePath("/admin/periods");
    return { ok: true, message: input.isOpen ? "The period is open again." : "The period is closed to new assessments." };
  },
);

/** A checked framework file: its preview and the file itself, to load it; or its row errors. */
export type FrameworkFileState =
  | { ok: true; message: string; preview: FrameworkSummary; contents: string; fileName: string; checkId: string }
  | { ok: false; message: string; fieldErrors: FieldErrors; rowErrors: ImportRowError[]; errorCount: number };

async function frameworkFileBytes(input: z.infer<typeof frameworkFileSchema>): Promise<Uint8Array> {
  return input.file ? new Uint8Array(await input.file.arrayBuffer()) : new Uint8Array(Buffer.from(input.contents ?? "", "base64"));
}

function rowErrorsState({ errors, errorCount }: { errors: ImportRowError[]; errorCount: number }): FrameworkFileState {
  const problems = errorCount === 1 ? "a problem" : `${errorCount.toLocaleString("en-GB")} problems`;
  return { ok: false, message: `Nothing was loaded: the file has ${problems}. Correct the file and check it again.`, fieldErrors: {}, rowErrors: errors, errorCount };
}

export const checkFrameworkFileAction = userAction(frameworkFileSchema, async (input, user): Promise<FrameworkFileState> => {
  await authoriseFrameworkLoad(user);
  const bytes = await frameworkFileBytes(input);
  const outcome = await loadFramework({ actor: user, bytes, commit: false });
  if (!outcome.ok) return rowErrorsState(outcome);
  return {
    ok: true,
    message: "The file passed every check. Nothing is created until you load it.",
    preview: outcome.summary,
    contents: Buffer.from(bytes).toString("base64"),
    fileName: input.fileName,
    checkId: randomUUID(),
  };
});

export const loadFrameworkAction = userAction(frameworkFileSchema, async (input, user): Promise<FrameworkFileState> => {
  await authoriseFrameworkLoad(user);
  // Checked again from the start: the file comes back from the browser, and the data may have changed.
  const outcome = await loadFramework({ actor: user, bytes: await frameworkFileBytes(input), commit: true });
  if (!outcome.ok) return rowErrorsState(outcome);
  revalidatePath("/admin/frameworks");
  redirect(`/admin/frameworks?loaded=${encodeURIComponent(outcome.summary.code)}`);
});
