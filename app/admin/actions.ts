"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "zod";
import { createPeriod, setPeriodOpen } from "@/db/commands/periods";
import { createUser, setUserDisabled, updateUserAccess } from "@/db/commands/users";
import { userAction } from "@/lib/auth/action";
import { newPeriodSchema, newUserSchema, userAccessSchema } from "@/lib/schemas/admin";

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
