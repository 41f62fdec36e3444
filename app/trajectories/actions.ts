"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { removeTarget, setTarget } from "@/db/commands/targets";
import { userAction } from "@/lib/auth/action";
import { formatFinancialYear } from "@/lib/financial-year";
import { targetInputSchema } from "@/lib/schemas/target";

export const setTargetAction = userAction(targetInputSchema, async (input, user) => {
  const saved = await setTarget({ actor: user, input });
  revalidatePath("/trajectories"); // statuses depend on the targets
  return { ok: true, message: `Target for ${formatFinancialYear(saved.financialYear)} saved: ${saved.score}%.` };
});

export const removeTargetAction = userAction(z.object({ targetId: z.uuid(), version: z.coerce.number().int().positive() }), async (input, user) => {
  await removeTarget({ actor: user, ...input });
  revalidatePath("/trajectories");
  return { ok: true, message: "Target removed." };
});
